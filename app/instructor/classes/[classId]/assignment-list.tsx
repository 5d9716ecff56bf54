import { ActionButton } from '@/components/classroom/action-button';
import { LocalTime } from '@/components/time/local-time';
import { getLesson } from '@/lib/content/lessons';
import { getActor } from '@/lib/server/actor';
import { listAssignments } from '@/lib/server/data/assignments';
import { listSubmissions } from '@/lib/server/data/submissions';
import { releaseKeyAction } from '../../class-actions';

const POLICY_TEXT = {
  'on-submit': 'Key: right after each student submits',
  'after-due': 'Key: after the due date',
  manual: 'Key: when you release it',
} as const;

/** The class's assignments, each with its key state and who has submitted. */
export async function AssignmentList({ classId }: { classId: string }) {
  const actor = await getActor();
  const assignments = await listAssignments(actor, classId);
  if (!assignments.ok || assignments.value.length === 0) return <p>No assignments yet.</p>;
  return (
    <ul className="assignment-list">
      {
        await Promise.all(
          assignments.value.map(async (a) => {
            const lesson = getLesson(a.lessonSlug);
            const title = lesson?.title ?? a.lessonSlug;
            const submissions = await listSubmissions(actor, a.id);
            const rows = submissions.ok ? submissions.value : [];
            const titleOf = (exerciseId: string) => lesson?.exercises.findIndex((e) => e.id === exerciseId) ?? -1;
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
                ) : (
                  <ActionButton label={`Release the key for ${title}`} action={releaseKeyAction.bind(null, a.id)} />
                )}
                <p>
                  <a href={`/instructor/assignments/${a.id}/review`}>Review the submissions for {title}</a> ·{' '}
                  <a href={`/instructor/assignments/${a.id}/grades`}>Written answers and grades for {title}</a> ·{' '}
                  <a href={`/lessons/${a.lessonSlug}/key`}>Teacher’s guide: {title}</a>
                </p>
                <h4>Submitted ({rows.length})</h4>
                {rows.length === 0 ? (
                  <p>No submissions yet.</p>
                ) : (
                  <ul aria-label={`Submissions for ${title}`}>
                    {rows.map((s) => (
                      <li key={s.id}>
                        {s.displayName}: exercise {titleOf(s.exerciseId) + 1}, attempt {s.attempt},{' '}
                        <LocalTime iso={s.submittedAt} />
                        {s.late ? ' (late)' : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          }),
        )
      }
    </ul>
  );
}
