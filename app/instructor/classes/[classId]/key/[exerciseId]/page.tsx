import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ArticleText } from '@/components/article/article-text';
import { Legend } from '@/components/exercise/legend';
import { KeyEditor } from '@/components/key-editor/key-editor';
import { Link } from '@/components/layout/link';
import { getActor } from '@/lib/server/actor';
import { openClassKeyEditor } from '@/lib/server/data/class-key-edit';
import { editorItemOf } from '@/lib/validation/class-key';
import { rescoreClassKeyAction, saveClassKeyAction } from './actions';

export const metadata: Metadata = { title: 'The class’s key', robots: { index: false, follow: false } };

// Who is asking decides everything here: never prerendered, never cached.
export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ classId: string; exerciseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The class's key of one exercise, for the class's instructor: the shipped key plus the class's changes. */
export default async function ClassKeyPage({ params, searchParams }: Props) {
  const { classId, exerciseId } = await params;
  const { item } = await searchParams;
  const actor = await getActor();
  if (actor.kind !== 'instructor') redirect('/instructor/sign-in');
  // Another instructor's class answers as no such page: nobody learns which ids exist.
  const opened = await openClassKeyEditor(actor, classId, exerciseId);
  if (!opened.ok) notFound();
  const k = opened.value;
  const [assignment] = k.assignments;
  return (
    <article className="page key-page">
      <p>
        <Link href={`/instructor/classes/${k.classId}`}>← {k.className}</Link>
        {assignment && (
          <>
            {' · '}
            <Link href={`/instructor/assignments/${assignment.id}`}>The assignment</Link>
            {' · '}
            <Link href={`/instructor/assignments/${assignment.id}/review?exercise=${k.exerciseId}`}>Its review</Link>
          </>
        )}
      </p>
      <h1>{`The class’s key: ${k.articleTitle}`}</h1>
      <p>{k.instructions}</p>
      <p>
        This class’s key starts from the shipped key. Your changes apply to this class only; students who were shown the
        key see the new version once you rescore the class, with a line saying the key changed.
      </p>
      {k.stale > 0 && (
        <p className="note">{`${k.stale} ${k.stale === 1 ? 'submission is' : 'submissions are'} scored against an earlier version: rescore the class to update them.`}</p>
      )}
      {k.archived && <p className="note">This class is archived: its key can be read but no longer changed.</p>}
      <Legend labels={k.labels} />
      <KeyEditor
        id="class-key"
        text={k.text}
        range={k.range}
        labels={k.labels}
        items={k.items.map(editorItemOf)}
        shipped={k.shipped.map(editorItemOf)}
        version={k.version}
        initialItem={typeof item === 'string' ? item : undefined}
        save={saveClassKeyAction.bind(null, k.classId, k.exerciseId)}
        rescore={rescoreClassKeyAction.bind(null, k.classId, k.exerciseId)}
      >
        <ArticleText
          article={{ slug: k.articleId, text: k.text, sha256: k.sha256, resolvedParts: [] }}
          range={k.range}
        />
      </KeyEditor>
      {k.versions.length > 0 && (
        <section aria-labelledby="versions">
          <h2 id="versions">Versions</h2>
          <ol reversed>
            {k.versions.map((v) => (
              <li
                key={v.version}
              >{`Version ${v.version}: ${v.changes} ${v.changes === 1 ? 'item differs' : 'items differ'} from the shipped key. ${v.note}`}</li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
