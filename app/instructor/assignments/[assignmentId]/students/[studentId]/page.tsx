import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { Link } from '@/components/layout/link';
import { CommentForm } from '@/components/review/comment-form';
import { FiguresGlossary } from '@/components/review/figures-glossary';
import { CommentList, StudentComparison, StudentFigures } from '@/components/review/student-work';
import { STATUS_NAMES } from '@/components/review/types';
import { LocalTime } from '@/components/time/local-time';
import { getLesson } from '@/lib/content/lessons';
import { getActor } from '@/lib/server/actor';
import { listAnswerDrafts, listAnswers } from '@/lib/server/data/answers';
import { getStudentReview } from '@/lib/server/data/review-student';
import { LABEL_NAMES } from '@/lib/validation/labels';
import { addCommentAction } from './actions';

export const metadata: Metadata = { title: 'Student work' };

export default async function StudentReviewPage({
  params,
}: {
  params: Promise<{ assignmentId: string; studentId: string }>;
}) {
  const { assignmentId, studentId } = await params;
  const actor = await getActor();
  if (actor.kind !== 'instructor') redirect('/instructor/sign-in');
  // Not this instructor's assignment, or not a student of its class: the same answer as no
  // such page, so that nobody learns which ids exist.
  const review = await getStudentReview(actor, assignmentId, studentId);
  if (!review.ok) notFound();
  const r = review.value;
  const [answers, drafts] = await Promise.all([
    listAnswers(actor, assignmentId, undefined, r.student.id),
    listAnswerDrafts(actor, assignmentId, undefined, r.student.id),
  ]);
  const questions = getLesson(r.lessonSlug)?.questions ?? [];
  return (
    <article className="review student-report">
      <p className="review-context">
        <Link href={`/instructor/assignments/${assignmentId}/review`} className="print-hide">
          Answer review
        </Link>
        {` · ${r.className} · ${r.lessonTitle}`}
      </p>
      <h1>{r.student.name}</h1>
      {r.exercises.map((e, i) => (
        <section key={e.exerciseId} aria-labelledby={`ex-${i}`}>
          <h2 id={`ex-${i}`}>{`Exercise ${i + 1}`}</h2>
          <p className="exercise-instructions">{e.instructions}</p>
          <p>{`Status: ${STATUS_NAMES[e.status]}${e.attempt && e.attempt > 1 ? ` (attempt ${e.attempt})` : ''}`}</p>
          {e.result && e.submissionId ? (
            <>
              <StudentFigures result={e.result} labels={e.labels} />
              <FiguresGlossary />
              <StudentComparison result={e.result} keyItems={e.key} answers={e.answers} text={e.text} />
              <h3>Comments</h3>
              <CommentList comments={e.comments} />
              <div className="print-hide">
                <CommentForm
                  id={`comment-${i}`}
                  spans={[
                    ...e.answers.map((a) => ({
                      value: `${a.start}-${a.end}`,
                      name: `Student’s ${LABEL_NAMES[a.label]}: “${e.text.slice(a.start, a.end).slice(0, 80)}”`,
                    })),
                    ...e.key
                      .filter((k) => !e.answers.some((a) => a.start === k.start && a.end === k.end))
                      .map((k) => ({
                        value: `${k.start}-${k.end}`,
                        name: `Key ${LABEL_NAMES[k.label]}: “${k.quote.slice(0, 80)}”`,
                      })),
                  ].filter((s, j, all) => all.findIndex((t) => t.value === s.value) === j)}
                  save={addCommentAction.bind(null, assignmentId, e.submissionId)}
                />
              </div>
            </>
          ) : (
            <p>Nothing submitted yet.</p>
          )}
        </section>
      ))}
      {questions.length > 0 && (
        <section aria-labelledby="written-title">
          <h2 id="written-title">Written answers</h2>
          {questions.map((q, qi) => {
            const a = answers.ok ? answers.value.find((x) => x.questionId === q.id) : undefined;
            const draft = drafts.ok ? drafts.value.find((x) => x.questionId === q.id) : undefined;
            return (
              <div key={q.id} className="answer-card">
                <h3>{`Question ${qi + 1}: ${q.prompt}`}</h3>
                {a ? (
                  <>
                    <p className="answer-text">{a.answer}</p>
                    <p>
                      {a.status === 'complete' ? 'Complete' : a.status === 'revise' ? 'To revise' : 'Not reviewed yet'}
                      {a.comment ? ` · Your comment: ${a.comment}` : ''}
                    </p>
                  </>
                ) : (
                  !draft && <p>No answer yet.</p>
                )}
                {draft && (
                  <div className="answer-draft">
                    <p>
                      {a ? 'Changed since it was checked: a' : 'Not checked yet: a'} draft saved{' '}
                      <LocalTime iso={draft.savedAt} />
                    </p>
                    <p className="answer-text">{draft.answer}</p>
                  </div>
                )}
              </div>
            );
          })}
          <p className="print-hide">
            <Link href={`/instructor/assignments/${assignmentId}/grades`}>Review written answers and grades</Link>
          </p>
        </section>
      )}
    </article>
  );
}
