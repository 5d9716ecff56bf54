import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { StudentComments } from '@/components/review/student-comments';
import { getLesson } from '@/lib/content/lessons';
import { getActor } from '@/lib/server/actor';
import { listMyAnswers } from '@/lib/server/data/answers';
import { getMyAssignment } from '@/lib/server/data/assignments';
import { ownExerciseId } from '@/lib/server/data/own-article-source';
import { ownAssignmentTitles } from '@/lib/server/data/own-assignments';
import { listMyComments } from '@/lib/server/data/review-comments';

export const metadata: Metadata = { title: 'Teacher’s comments' };

/** A student's comments from their teacher on one assignment, shown once its key is released to them. */
export default async function FeedbackPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const actor = await getActor();
  // Comments are for the students of the class: anyone else starts by joining one.
  if (actor.kind !== 'student') redirect('/join');
  // Another class's assignment answers as no such page: nobody learns which ids exist.
  const assignment = await getMyAssignment(actor, assignmentId);
  if (!assignment.ok) notFound();
  const lesson = getLesson(assignment.value.lessonSlug);
  // An article the teacher brought is one exercise of its own.
  const ownTitle = (await ownAssignmentTitles(actor, [assignmentId])).get(assignmentId);
  const exercises = ownTitle !== undefined ? [{ id: ownExerciseId(assignmentId) }] : (lesson?.exercises ?? []);
  const comments = await Promise.all(exercises.map((e) => listMyComments(actor, { assignmentId, exerciseId: e.id })));
  const answers = await listMyAnswers(actor, assignmentId);
  const mine = answers.ok ? answers.value : { released: false, answers: [] };
  return (
    <article className="prose review">
      <h1>{`Teacher’s comments: ${ownTitle ?? lesson?.title ?? assignment.value.lessonSlug}`}</h1>
      {exercises.map((e, i) => {
        const result = comments[i];
        const value = result?.ok ? result.value : { released: false, comments: [] };
        return (
          <section key={e.id} aria-labelledby={`fb-${i}`}>
            <h2 id={`fb-${i}`}>{`Exercise ${i + 1}`}</h2>
            {!value.released ? (
              <p>Your teacher’s comments appear here once the answer key is released to you.</p>
            ) : value.comments.length === 0 ? (
              <p>No comments on this exercise.</p>
            ) : (
              <StudentComments comments={value.comments} />
            )}
          </section>
        );
      })}
      {(lesson?.questions.length ?? 0) > 0 && (
        <section aria-labelledby="fb-written">
          <h2 id="fb-written">Your written answers</h2>
          {lesson?.questions.map((q, qi) => {
            const a = mine.answers.find((x) => x.questionId === q.id);
            return (
              <div key={q.id}>
                <h3>{`Question ${qi + 1}: ${q.prompt}`}</h3>
                {!a ? (
                  <p>You have not answered this question.</p>
                ) : !mine.released ? (
                  <p>Your teacher’s review appears here once the answer key is released to you.</p>
                ) : (
                  <p>
                    {a.status === 'complete'
                      ? 'Your teacher marked this answer complete.'
                      : a.status === 'revise'
                        ? 'Your teacher asks you to revise this answer.'
                        : 'Your teacher has not reviewed this answer yet.'}
                    {a.comment ? ` Comment: ${a.comment}` : ''}
                  </p>
                )}
              </div>
            );
          })}
        </section>
      )}
    </article>
  );
}
