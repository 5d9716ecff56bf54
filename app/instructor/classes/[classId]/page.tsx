import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ActionButton } from '@/components/classroom/action-button';
import { AssignmentForm } from '@/components/classroom/assignment-form';
import { ClassNameForm } from '@/components/classroom/class-name-form';
import { CopyClassForm } from '@/components/classroom/copy-class-form';
import { Link } from '@/components/layout/link';
import { TableScroll } from '@/components/layout/table-scroll';
import { LocalTime } from '@/components/time/local-time';
import { listLessons } from '@/lib/content/lessons';
import { getActor } from '@/lib/server/actor';
import { getJoinActivity } from '@/lib/server/data/class-joins';
import { getClass } from '@/lib/server/data/classes';
import {
  archiveClassAction,
  copyClassAction,
  createAssignmentsAction,
  liftJoinLimitAction,
  regenerateJoinCodeAction,
  removeStudentAction,
  renameClassAction,
  renameStudentAction,
  resetResumeCodeAction,
} from '../../class-actions';
import { AssignmentList } from './assignment-list';

type Props = { params: Promise<{ classId: string }> };

export const metadata: Metadata = { title: 'Class' };

export default async function ClassPage({ params }: Props) {
  const { classId } = await params;
  const actor = await getActor();
  if (actor.kind !== 'instructor') redirect('/instructor/sign-in');
  const found = await getClass(actor, classId);
  if (!found.ok) notFound();
  const klass = found.value;
  const joins = await getJoinActivity(actor, classId);
  const lessons = listLessons().map((l) => ({ slug: l.slug, title: `${l.order}. ${l.title}` }));
  return (
    <div className="page classroom">
      <p>
        <Link href="/instructor">← My classes</Link>
      </p>
      <h1>{klass.name}</h1>
      {klass.archived && <p className="note">This class is archived: its work is kept, and no one can join it.</p>}

      <section aria-labelledby="code-heading" className="join-code-box">
        <h2 id="code-heading">Class code</h2>
        <p className="big-code" aria-label={`Class code: ${klass.joinCode.split('').join(' ')}`}>
          {klass.joinCode}
        </p>
        <p>
          Students join at <strong>/join</strong> with this code and their name.
        </p>
        <ActionButton
          label="Regenerate the class code"
          action={regenerateJoinCodeAction.bind(null, klass.id)}
          confirm="Make a new class code? The old one stops working at once."
        />
        {joins.ok && !klass.archived && (
          <div className="join-activity">
            <p>
              Joined in the last hour: {joins.value.lastHour}.{' '}
              {joins.value.liftedUntil ? (
                <>
                  The limit is lifted until <LocalTime iso={joins.value.liftedUntil} />.
                </>
              ) : (
                `Joining pauses at ${joins.value.ceiling} an hour, so that a class code passed around cannot fill the class.`
              )}
            </p>
            {joins.value.paused && (
              <p className="note" role="status">
                Joining is paused: new students are told to ask you. Lift the limit to let them in.
              </p>
            )}
            {!joins.value.liftedUntil && (
              <ActionButton
                label="Lift the joining limit for an hour"
                action={liftJoinLimitAction.bind(null, klass.id)}
              />
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">Assignments</h2>
        <AssignmentList classId={klass.id} archived={klass.archived} />
        {!klass.archived && (
          <details className="new-assignment" open>
            <summary>New assignment</summary>
            <AssignmentForm lessons={lessons} create={createAssignmentsAction.bind(null, klass.id)} />
          </details>
        )}
      </section>
      <section aria-labelledby="roster-heading">
        <h2 id="roster-heading">Students ({klass.students.length})</h2>
        {klass.students.length === 0 ? (
          <p>No one has joined yet.</p>
        ) : (
          <TableScroll label="Students">
            <table className="roster">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Joined</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {klass.students.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.displayName}</th>
                    <td>{s.joinedAt.slice(0, 10)}</td>
                    <td className="row-actions">
                      <details>
                        <summary>
                          Manage<span className="sr-only"> {s.displayName}</span>
                        </summary>
                        <ClassNameForm
                          id={`rename-${s.id}`}
                          label={`New name for ${s.displayName}`}
                          submitLabel="Rename"
                          defaultName={s.displayName}
                          of="student"
                          save={renameStudentAction.bind(null, s.id)}
                        />
                        <ActionButton
                          label={`Reset resume code for ${s.displayName}`}
                          action={resetResumeCodeAction.bind(null, s.id)}
                          confirm={`Give ${s.displayName} a new resume code? They are signed out everywhere.`}
                        />
                        <a href={`/instructor/classes/${klass.id}/students/${s.id}/export`} download>
                          Export {s.displayName}’s data (JSON)
                        </a>
                        <ActionButton
                          label={`Remove ${s.displayName}`}
                          className="danger"
                          action={removeStudentAction.bind(null, s.id)}
                          confirm={`Remove ${s.displayName} and all their work? This cannot be undone.`}
                        />
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Class settings</h2>
        <ClassNameForm
          id="rename-class"
          label="Class name"
          submitLabel="Rename"
          defaultName={klass.name}
          save={renameClassAction.bind(null, klass.id)}
        />
        <details className="copy-class">
          <summary>Copy this class for next year</summary>
          <CopyClassForm className={klass.name} copy={copyClassAction.bind(null, klass.id)} />
        </details>
        {!klass.archived && (
          <ActionButton
            label="Archive this class"
            action={archiveClassAction.bind(null, klass.id)}
            confirm="Archive this class? Its work is kept, but no one can join or submit any more."
          />
        )}
      </section>
    </div>
  );
}
