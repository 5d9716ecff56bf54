import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ImportArticleForm } from '@/components/classroom/import-article-form';
import { Link } from '@/components/layout/link';
import { listArticles } from '@/lib/content/articles';
import { getActor } from '@/lib/server/actor';
import { listOwnArticles } from '@/lib/server/data/own-articles';
import { importArticleAction } from './actions';

export const metadata: Metadata = { title: 'My articles' };

type Props = { searchParams: Promise<{ deleted?: string }> };

export default async function OwnArticlesPage({ searchParams }: Props) {
  const actor = await getActor();
  if (actor.kind !== 'instructor') redirect('/instructor/sign-in');
  const articles = await listOwnArticles(actor);
  if (!articles.ok) throw new Error(articles.message);
  const { deleted } = await searchParams;
  return (
    <div className="page classroom">
      <p>
        <Link href="/instructor">← My classes</Link>
      </p>
      <h1>My articles</h1>
      {deleted === '1' && (
        <p role="status" className="form-ok">
          The article is deleted, with its key.
        </p>
      )}
      <p>
        Articles you bring, with keys you write. They are yours alone: no other instructor, no self-guided reader and no
        student outside the classes you assign them to can open them or their keys.
      </p>
      <p>
        <Link href="/instructor/articles/new">Add an article</Link>
      </p>
      <section aria-labelledby="own-heading">
        <h2 id="own-heading">Your articles</h2>
        {articles.value.length === 0 ? (
          <p>None yet. Add one, or import a file exported from Close Read.</p>
        ) : (
          <ul className="class-list">
            {articles.value.map((a) => (
              <li key={a.id}>
                <Link href={`/instructor/articles/${a.id}`}>{a.title}</Link>{' '}
                <span className="meta">
                  · {a.outlet} · {a.published} · {a.itemCount} key item{a.itemCount === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import an article file</h2>
        <p>A file exported from Close Read (any article with its key) becomes a new article of yours.</p>
        <ImportArticleForm importFile={importArticleAction} />
      </section>
      <section aria-labelledby="shipped-heading">
        <h2 id="shipped-heading">The workbook’s articles as files</h2>
        <p>Each with its shipped key, in the same format: a start for a key of your own.</p>
        <ul>
          {listArticles().map((a) => (
            <li key={a.slug}>
              <a href={`/instructor/articles/shipped/${a.slug}/export`} download>
                {a.title}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
