import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Link } from '@/components/layout/link';
import { TableScroll } from '@/components/layout/table-scroll';
import { LocalTime } from '@/components/time/local-time';
import { getLesson } from '@/lib/content/lessons';
import { getActor } from '@/lib/server/actor';
import { getMyClassName, listMyAssignments } from '@/lib/server/data/assignments';
import { ownAssignmentTitles } from '@/lib/server/data/own-assignments';

export const metadata: Metadata = { title: 'My class' };

export default async function MyClassPage() {
  const actor = await getActor();
  if (actor.kind !== 'student') redirect('/join');
  const [assignments, className] = await Promise.all([listMyAssignments(actor), getMyClassName(actor)]);
  if (!assignments.ok) throw new Error(assignments.message);
  // Articles the teacher brought: one exercise each, on a page of its own.
  const ownTitles = await ownAssignmentTitles(
    actor,
    assignments.value.map((a) => a.id),
  );
  return (
    <div className="page classroom">
      <h1>{className.ok ? `My class: ${className.value}` : 'My class'}</h1>
      <p>
        Signed in as {actor.displayName}.{' '}
        <a href={`/instructor/classes/${actor.classId}/students/${actor.studentId}/export`} download>
          Download my data
        </a>{' '}
        (<Link href="/privacy">what is kept</Link>).
      </p>
      <h2>Assignments</h2>
      {assignments.value.length === 0 ? (
        <p>Nothing assigned yet. Your teacher’s assignments appear here.</p>
      ) : (
        <TableScroll label="Assignments">
          <table className="my-assignments">
            <thead>
              <tr>
                <th scope="col">Lesson</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {assignments.value.map((a) => {
                const lesson = getLesson(a.lessonSlug);
                const ownTitle = ownTitles.get(a.id);
                const total = ownTitle !== undefined ? 1 : (lesson?.exercises.length ?? 0);
                const done = a.submittedExerciseIds.length;
                let status = done === 0 ? 'Not started' : `${done} of ${total} exercises submitted`;
                if (done < total && a.pastDue) status += ' · past due';
                if (a.keyReleased) status += ' · key released';
                return (
                  <tr key={a.id}>
                    <th scope="row">
                      {ownTitle !== undefined ? (
                        <Link href={`/class/assignments/${a.id}`}>{ownTitle}</Link>
                      ) : (
                        <Link href={`/lessons/${a.lessonSlug}`}>{lesson?.title ?? a.lessonSlug}</Link>
                      )}
                    </th>
                    <td>{a.dueAt ? <LocalTime iso={a.dueAt} /> : 'No due date'}</td>
                    <td>
                      {status}
                      {a.keyReleased && (
                        <>
                          {' · '}
                          <Link href={`/feedback/${a.id}`}>Teacher’s comments</Link>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
