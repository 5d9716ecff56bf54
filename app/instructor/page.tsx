import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ClassNameForm } from '@/components/classroom/class-name-form';
import { Link } from '@/components/layout/link';
import { listLessons } from '@/lib/content/lessons';
import { getActor } from '@/lib/server/actor';
import { listMyClasses } from '@/lib/server/data/classes';
import { createClassAction } from './class-actions';

export const metadata: Metadata = { title: 'My classes' };

export default async function InstructorPage() {
  const actor = await getActor();
  if (actor.kind !== 'instructor') redirect('/instructor/sign-in');
  const classes = await listMyClasses(actor);
  if (!classes.ok) throw new Error(classes.message);
  const live = classes.value.filter((c) => !c.archived);
  const archived = classes.value.filter((c) => c.archived);
  return (
    <div className="page classroom">
      <h1>My classes</h1>
      <p>
        Signed in as {actor.name}. <Link href="/instructor/password">Change password</Link>
      </p>
      <p>
        <Link href="/instructor/articles">My articles</Link>: bring an article of your own and write its key.
      </p>
      <p>
        <Link href="/teachers">The unit: sequence, timing, standards</Link> and each lesson’s teacher’s guide:{' '}
        {listLessons().map((lesson, i) => (
          <span key={lesson.slug}>
            {i > 0 && ' · '}
            <Link href={`/lessons/${lesson.slug}/key`}>{`Guide ${lesson.order}: ${lesson.title}`}</Link>
          </span>
        ))}
        .
      </p>
      <section aria-labelledby="new-class-heading">
        <h2 id="new-class-heading">New class</h2>
        <ClassNameForm
          id="new-class-name"
          label="Class name"
          submitLabel="Create class"
          save={createClassAction}
          clearOnSave
        />
      </section>
      <section aria-labelledby="classes-heading">
        <h2 id="classes-heading">Classes</h2>
        {live.length === 0 ? (
          <p>No classes yet. Create one above, then give its students the join code.</p>
        ) : (
          <ul className="class-list">
            {live.map((c) => (
              <li key={c.id}>
                <Link href={`/instructor/classes/${c.id}`}>{c.name}</Link>{' '}
                <span className="meta">
                  · {c.studentCount} student{c.studentCount === 1 ? '' : 's'} · code <code>{c.joinCode}</code>
                </span>
              </li>
            ))}
          </ul>
        )}
        {archived.length > 0 && (
          <>
            <h3>Archived</h3>
            <ul className="class-list">
              {archived.map((c) => (
                <li key={c.id}>
                  <Link href={`/instructor/classes/${c.id}`}>{c.name}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
