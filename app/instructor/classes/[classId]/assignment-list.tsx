import { ActionButton } from '@/components/classroom/action-button';
import { LocalTime } from '@/components/time/local-time';
import { getLesson } from '@/lib/content/lessons';
import { getActor } from '@/lib/server/actor';
import { listAssignments } from '@/lib/server/data/assignments';
import { ownExerciseId } from '@/lib/server/data/own-article-source';
import { ownAssignmentTitles } from '@/lib/server/data/own-assignments';
import type { SubmissionListItem } from '@/lib/server/data/submissions';
import { listSubmissions } from '@/lib/server/data/submissions';
import { deleteAssignmentAction } from '../../assignments/[assignmentId]/actions';
import { releaseKeyAction } from '../../class-actions';
import { SubmissionList } from './submission-list';

const POLICY_TEXT = {
  'on-submit': 'Key: right after each student submits',
  'after-due': 'Key: after the due date',
  manual: 'Key: when you release it',
} as const;

/** The class's assignments, each with its key state and who has submitted. */
export async function AssignmentList({ classId, archived }: { classId: string; archived: boolean }) {
  const actor = await getActor();
  const assignments = await listAssignments(actor, classId);
  if (!assignments.ok || assignments.value.length === 0) return <p>No assignments yet.</p>;
  const ownTitles = await ownAssignmentTitles(
    actor,
    assignments.value.map((a) => a.id),
  );
  return (
    <ul className="assignment-list">
      {
        await Promise.all(
          assignments.value.map(async (a) => {
            const lesson = getLesson(a.lessonSlug);
            // An article of the instructor's own: one exercise, no teacher's guide.
            const ownTitle = ownTitles.get(a.id);
            const title = ownTitle ?? lesson?.title ?? a.lessonSlug;
            const submissions = await listSubmissions(actor, a.id);
            const rows = submissions.ok ? submissions.value : [];
            const exerciseIds =
              ownTitle !== undefined ? [ownExerciseId(a.id)] : (lesson?.exercises.map((e) => e.id) ?? []);
            return (
              <li key={a.id} className="assignment-item">
                <h3>{title}</h3>
                <p className="meta">
                  {a.opensAt && (
                    <>
                      Opens <LocalTime iso={a.opensAt} /> ·{' '}
                    </>
                  )}
                  {a.dueAt ? (
                    <>
                      Due <LocalTime iso={a.dueAt} />
                    </>
                  ) : (
                    'No due date'
                  )}{' '}
                  · {POLICY_TEXT[a.releasePolicy]} · {a.allowResubmit ? 'resubmission allowed' : 'one submission each'}
                </p>
                {a.releasedAt ? (
                  <p>
                    Key released <LocalTime iso={a.releasedAt} />.
                  </p>
                ) : a.keyOpenToAll && a.dueAt ? (
                  // Released by the policy already: releasing it again would change nothing.
                  <p>
                    Key released at the due time, <LocalTime iso={a.dueAt} /> (later for a student with a later due
                    date).
                  </p>
                ) : (
                  <ActionButton
                    label={`Release the key for ${title}`}
                    action={releaseKeyAction.bind(null, a.id)}
                    confirm={`Release the key for “${title}” now? Every student of the class who has submitted sees it at once.`}
                  />
                )}
                <p>
                  <a href={`/instructor/assignments/${a.id}/review`}>Review the submissions for {title}</a> ·{' '}
                  <a href={`/instructor/assignments/${a.id}/grades`}>Written answers and grades for {title}</a>
                  {ownTitle === undefined && (
                    <>
                      {' · '}
                      <a href={`/lessons/${a.lessonSlug}/key`}>Teacher’s guide: {title}</a>
                    </>
                  )}
                </p>
                <p>
                  <a href={`/instructor/assignments/${a.id}`}>
                    Change {title}: dates, key, reopen or extend for a student, history
                  </a>
                </p>
                <h4>Submitted ({rows.length})</h4>
                {rows.length === 0 ? (
                  <SubmissionList title={title} exerciseIds={exerciseIds} rows={rows} />
                ) : (
                  <details className="submitted">
                    <summary>{submittedBy(title, rows)}</summary>
                    <SubmissionList title={title} exerciseIds={exerciseIds} rows={rows} />
                  </details>
                )}
                {!archived && (
                  <ActionButton
                    label={`Delete ${title}`}
                    className="danger"
                    action={deleteAssignmentAction.bind(null, a.id)}
                    confirm={deleteQuestion(title, rows)}
                  />
                )}
              </li>
            );
          }),
        )
      }
    </ul>
  );
}

/** "N students": how many students the submissions are from. */
function byStudents(rows: SubmissionListItem[]): string {
  const students = new Set(rows.map((r) => r.studentId)).size;
  return `${students} student${students === 1 ? '' : 's'}`;
}

/** The summary line of the list of submissions: how many, by how many students. */
function submittedBy(title: string, rows: SubmissionListItem[]): string {
  return `Each submission to ${title}: ${rows.length} by ${byStudents(rows)}`;
}

/** The question asked before deleting: what goes with the assignment, counted. */
function deleteQuestion(title: string, rows: SubmissionListItem[]): string {
  const work =
    rows.length === 0
      ? 'It has no submissions.'
      : `${rows.length} submission${rows.length === 1 ? '' : 's'} by ${byStudents(rows)} go with it, with the comments on them.`;
  return `Delete the assignment “${title}”? ${work} Drafts, class key changes and its history go too. This cannot be undone.`;
}
