import { describe, expect, it } from 'vitest';
import { describeRule, gradeOf } from '@/lib/scoring';

describe('the grading rule', () => {
  const rule = { labelPoints: 10, answerPoints: 2 };

  it('gives the label points times the mean overall F1 (a missing exercise counts 0) plus points per complete answer', () => {
    expect(gradeOf(rule, { exerciseF1: [0.8, 0.6], completeAnswers: 2 }, 3)).toEqual({
      lessonF1: 0.7,
      points: 7 + 4,
      possible: 16,
    });
    expect(gradeOf(rule, { exerciseF1: [0.9, null], completeAnswers: 0 }, 3)).toMatchObject({
      lessonF1: 0.45,
      points: 4.5,
    });
    expect(gradeOf(rule, { exerciseF1: [null, null], completeAnswers: 3 }, 3)).toMatchObject({
      lessonF1: 0,
      points: 6,
    });
    // Never more answers than questions count.
    expect(gradeOf(rule, { exerciseF1: [1, 1], completeAnswers: 9 }, 3).points).toBe(16);
    // A lesson without exercises: only the answers count, and only they are possible.
    expect(gradeOf(rule, { exerciseF1: [], completeAnswers: 1 }, 2)).toEqual({
      lessonF1: null,
      points: 2,
      possible: 4,
    });
  });

  it('says the rule in plain words with the points possible', () => {
    expect(describeRule(rule, 2, 3)).toBe(
      'The grade is up to 10 points for the labeling: 10 times the combined score (F1) averaged over the lesson’s 2 exercises, an exercise not submitted counting as 0, plus 2 points for each of the 3 written answers you mark complete: 16 points possible.',
    );
    expect(describeRule({ labelPoints: 0, answerPoints: 0 }, 2, 3)).toMatch(/No grading rule yet/);
    expect(describeRule({ labelPoints: 5, answerPoints: 0 }, 1, 3)).toMatch(/: 5 points possible\.$/);
  });
});
