import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ActionButton } from '@/components/classroom/action-button';
import { EditAssignmentForm } from '@/components/classroom/edit-assignment-form';
import { ExtensionForm } from '@/components/classroom/extension-form';
import { Link } from '@/components/layout/link';
import { TableScroll } from '@/components/layout/table-scroll';
import { LocalTime } from '@/components/time/local-time';
import { getLesson } from '@/lib/content/lessons';
import { getActor } from '@/lib/server/actor';
import { getAssignmentControl } from '@/lib/server/data/assignment-changes';
import { ownAssignmentTitles } from '@/lib/server/data/own-assignments';
import { listSubmissions } from '@/lib/server/data/submissions';
import { SubmissionList } from '../../classes/[classId]/submission-list';
import { extendForStudentAction, reopenForStudentAction, updateAssignmentAction } from './actions';
import { ChangeHistory } from './change-history';

type Props = { params: Promise<{ assignmentId: string }> };

export const metadata: Metadata = { title: 'Assignment' };

/** One assignment for its instructor: change it, reopen or extend it for a student, and its history. */
export default async function AssignmentPage({ params }: Props) {
  const { assignmentId } = await params;
  const actor = await getActor();
  if (actor.kind !== 'instructor') redirect('/instructor/sign-in');
  const found = await getAssignmentControl(actor, assignmentId);
  if (!found.ok) notFound();
  const a = found.value;
  const lesson = getLesson(a.lessonSlug);
  const ownTitle = (await ownAssignmentTitles(actor, [a.id])).get(a.id);
  const title = ownTitle ?? lesson?.title ?? a.lessonSlug;
  const submissions = await listSubmissions(actor, a.id);
  const rows = submissions.ok ? submissions.value : [];
  const attemptsOf = (studentId: string) => rows.filter((r) => r.studentId === studentId).length;
  return (
    <div className="page classroom">
      <p>
        <Link href={`/instructor/classes/${a.classId}`}>← {a.className}</Link>
      </p>
      <h1>{title}</h1>
      <p className="meta">
        {a.opensAt ? (
          <>
            Opens <LocalTime iso={a.opensAt} />
          </>
        ) : (
          'Open from the start'
        )}{' '}
        ·{' '}
        {a.dueAt ? (
          <>
            Due <LocalTime iso={a.dueAt} />
          </>
        ) : (
          'No due date'
        )}{' '}
        · {a.allowResubmit ? 'resubmission allowed' : 'one submission each'}
      </p>
      <p>
        <a href={`/instructor/assignments/${a.id}/review`}>Review the submissions for {title}</a>
        {ownTitle === undefined && (
          <>
            {' · '}
            <a href={`/lessons/${a.lessonSlug}/key`}>Teacher’s guide: {title}</a>
          </>
        )}
      </p>
      {(lesson?.exercises.length ?? 0) > 0 && (
        <nav aria-label="This class’s keys">
          <ul className="key-links">
            {lesson?.exercises.map((e, i) => (
              <li key={e.id}>
                <a
                  href={`/instructor/classes/${a.classId}/key/${e.id}`}
                >{`Edit this class’s key of exercise ${i + 1}`}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {a.archived && <p className="note">This class is archived: its assignments can no longer be changed.</p>}

      {!a.archived && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Change the dates and rules</h2>
          <EditAssignmentForm
            current={{
              opensAt: a.opensAt,
              dueAt: a.dueAt,
              releasePolicy: a.releasePolicy,
              allowResubmit: a.allowResubmit,
            }}
            save={updateAssignmentAction.bind(null, a.id)}
            ownArticle={ownTitle !== undefined}
          />
        </section>
      )}

      <section aria-labelledby="students-heading">
        <h2 id="students-heading">Students ({a.students.length})</h2>
        {a.students.length === 0 ? (
          <p>No one has joined yet.</p>
        ) : (
          <TableScroll label="Students">
            <table className="roster">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Submissions</th>
                  <th scope="col">Own due date</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {a.students.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.displayName}</th>
                    <td>
                      {attemptsOf(s.id)}
                      {s.extraAttempts > 0 &&
                        ` (reopened ${s.extraAttempts === 1 ? 'once' : `${s.extraAttempts} times`})`}
                    </td>
                    <td>{s.ownDueAt ? <LocalTime iso={s.ownDueAt} /> : 'The assignment’s'}</td>
                    <td className="row-actions">
                      {!a.archived && !a.allowResubmit && (
                        <ActionButton
                          label={`Reopen for ${s.displayName}`}
                          action={reopenForStudentAction.bind(null, a.id, s.id)}
                        />
                      )}
                      {!a.archived && a.dueAt && (
                        <details>
                          <summary>Later due date for {s.displayName}</summary>
                          <ExtensionForm
                            id={`extend-${s.id}`}
                            studentName={s.displayName}
                            save={extendForStudentAction.bind(null, a.id, s.id)}
                          />
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <p className="field-hint">
          Reopening lets the student submit each exercise once more. A later due date counts for their late flag and,
          when the key opens after the due date, for when they see it.
        </p>
      </section>

      <section aria-labelledby="submitted-heading">
        <h2 id="submitted-heading">Submitted ({rows.length})</h2>
        <SubmissionList title={title} exerciseIds={lesson?.exercises.map((e) => e.id) ?? []} rows={rows} />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <p>
          Assigned <LocalTime iso={a.createdAt} />.
        </p>
        <ChangeHistory changes={a.changes} />
      </section>
    </div>
  );
}
