/**
 * An assignment's grade from its grading rule: up to `labelPoints` from the lesson's
 * labeling exercises (their overall F1 scores averaged, an exercise not submitted counting
 * as 0), plus `answerPoints` for each written answer the teacher marked complete. Pure: the
 * gradebook, the review page and the tests compute it the same way.
 */
export type GradingRule = { labelPoints: number; answerPoints: number };

export type GradeInput = {
  /** Overall F1 per exercise of the lesson, in order; null where the student did not submit. */
  exerciseF1: readonly (number | null)[];
  /** Written answers marked complete. */
  completeAnswers: number;
};

export type Grade = {
  /** The mean overall F1 over the lesson's exercises (0 for an exercise not submitted); null without exercises. */
  lessonF1: number | null;
  points: number;
  possible: number;
};

/** The grade a rule gives for one student's work on a lesson with `questions` written questions. */
export function gradeOf(rule: GradingRule, work: GradeInput, questions: number): Grade {
  const lessonF1 =
    work.exerciseF1.length === 0
      ? null
      : work.exerciseF1.reduce<number>((sum, f) => sum + (f ?? 0), 0) / work.exerciseF1.length;
  const points = rule.labelPoints * (lessonF1 ?? 0) + rule.answerPoints * Math.min(work.completeAnswers, questions);
  const possible = (lessonF1 === null ? 0 : rule.labelPoints) + rule.answerPoints * questions;
  return { lessonF1, points, possible };
}

/** The rule in plain words, for the teacher and on the gradebook. */
export function describeRule(rule: GradingRule, exercises: number, questions: number): string {
  const parts: string[] = [];
  if (rule.labelPoints > 0 && exercises > 0) {
    parts.push(
      `up to ${rule.labelPoints} points for the labeling: ${rule.labelPoints} times the combined score (F1) averaged over the lesson’s ${exercises} exercise${exercises === 1 ? '' : 's'}, an exercise not submitted counting as 0`,
    );
  }
  if (rule.answerPoints > 0 && questions > 0) {
    parts.push(
      `${rule.answerPoints} point${rule.answerPoints === 1 ? '' : 's'} for each of the ${questions} written answer${questions === 1 ? '' : 's'} you mark complete`,
    );
  }
  if (parts.length === 0) return 'No grading rule yet: pick the points below.';
  const possible = (exercises > 0 ? rule.labelPoints : 0) + (questions > 0 ? rule.answerPoints * questions : 0);
  return `The grade is ${parts.join(', plus ')}: ${possible} points possible.`;
}
