import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ArticleText } from '@/components/article/article-text';
import { Legend } from '@/components/exercise/legend';
import { KeyEditor } from '@/components/key-editor/key-editor';
import { Link } from '@/components/layout/link';
import { getActor } from '@/lib/server/actor';
import { getOwnArticle } from '@/lib/server/data/own-articles';
import { keyItemView } from '@/lib/server/grading';
import { editorItemOf } from '@/lib/validation/class-key';
import { LABELS } from '@/lib/validation/labels';
import { saveOwnKeyAction } from './actions';

export const metadata: Metadata = { title: 'The article’s key', robots: { index: false, follow: false } };

// Who is asking decides everything here: never prerendered, never cached.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ articleId: string }> };

/** The key of one of the instructor's articles, in the key editor: the owner only. */
export default async function OwnKeyPage({ params }: Props) {
  const { articleId } = await params;
  const actor = await getActor();
  if (actor.kind !== 'instructor') redirect('/instructor/sign-in');
  const found = await getOwnArticle(actor, articleId);
  if (!found.ok) notFound();
  const a = found.value;
  return (
    <article className="page key-page">
      <p>
        <Link href={`/instructor/articles/${a.id}`}>← {a.title}</Link>
      </p>
      <h1>{`The key: ${a.title}`}</h1>
      <p>
        Select words to add an item, then choose its label and write why. Every class you assign the article to starts
        from this key; it reaches no one outside those classes.
      </p>
      <Legend labels={[...LABELS]} />
      <KeyEditor
        id="own-key"
        text={a.text}
        range={{ start: 0, end: a.text.length }}
        labels={[...LABELS]}
        items={a.items.map((item) => editorItemOf(keyItemView(item)))}
        version={a.keyVersion}
        save={saveOwnKeyAction.bind(null, a.id)}
      >
        <ArticleText article={{ slug: `own-article-${a.id}`, text: a.text, sha256: a.sha256, resolvedParts: [] }} />
      </KeyEditor>
    </article>
  );
}
