import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ActionButton } from '@/components/classroom/action-button';
import { OwnAssignmentForm } from '@/components/classroom/own-assignment-form';
import { ReplaceTextForm } from '@/components/classroom/replace-text-form';
import { Link } from '@/components/layout/link';
import { quoted } from '@/lib/quote-marks';
import { getActor } from '@/lib/server/actor';
import { listMyClasses } from '@/lib/server/data/classes';
import { getOwnArticle } from '@/lib/server/data/own-articles';
import { LABEL_NAMES } from '@/lib/validation/labels';
import {
  copyOwnArticleAction,
  createOwnAssignmentAction,
  deleteOwnArticleAction,
  replaceOwnArticleTextAction,
} from '../actions';

type Props = { params: Promise<{ articleId: string }> };

export const metadata: Metadata = { title: 'Article' };

export default async function OwnArticlePage({ params }: Props) {
  const { articleId } = await params;
  const actor = await getActor();
  if (actor.kind !== 'instructor') redirect('/instructor/sign-in');
  const found = await getOwnArticle(actor, articleId);
  if (!found.ok) notFound();
  const a = found.value;
  const classes = await listMyClasses(actor);
  const live = classes.ok ? classes.value.filter((c) => !c.archived) : [];
  return (
    <div className="page classroom">
      <p>
        <Link href="/instructor/articles">← My articles</Link>
      </p>
      <h1>{a.title}</h1>
      <dl className="facts">
        <dt>Outlet</dt>
        <dd>{a.outlet}</dd>
        {a.author && (
          <>
            <dt>Author</dt>
            <dd>{a.author}</dd>
          </>
        )}
        <dt>Published</dt>
        <dd>{a.published}</dd>
        <dt>Source</dt>
        <dd>{a.sourceUrl ? <a href={a.sourceUrl}>{a.sourceUrl}</a> : 'not given'}</dd>
        <dt>Provenance and licence</dt>
        <dd>{a.provenance}</dd>
        <dt>Text</dt>
        <dd>
          {a.text.length.toLocaleString('en-US')} characters, SHA-256 <code>{a.sha256}</code>
        </dd>
      </dl>
      <p>
        <a href={`/instructor/articles/${a.id}/export`} download>
          Export the article with its key (YAML)
        </a>{' '}
        <ActionButton label="Make a copy" action={copyOwnArticleAction.bind(null, a.id)} />
      </p>

      <section aria-labelledby="key-heading">
        <h2 id="key-heading">Key (version {a.keyVersion})</h2>
        <p>
          <Link href={`/instructor/articles/${a.id}/key`}>Write the key in the editor</Link>, or write it in a file in
          the export’s format and import it.
        </p>
        {a.items.length === 0 ? (
          <p>No items yet.</p>
        ) : (
          <ol className="key-items">
            {a.items.map((item) => (
              <li key={item.id}>
                <strong>{LABEL_NAMES[item.label]}</strong>
                {item.optional && ' (optional)'}: {quoted(item.quote)}
                <p>{item.explanation}</p>
                {item.check && <p>How to check: {item.check}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="assign-heading">
        <h2 id="assign-heading">Assign to a class</h2>
        {live.length === 0 ? (
          <p>
            You have no class to assign it to yet. <Link href="/instructor">Create a class</Link> first.
          </p>
        ) : (
          <>
            <p>
              Students of the class label it as they label a lesson’s exercise. Its key reaches no one outside the
              class, and the class only when the release policy says so.
            </p>
            <OwnAssignmentForm
              classes={live.map((c) => ({ id: c.id, name: c.name }))}
              assign={createOwnAssignmentAction.bind(null, a.id)}
            />
          </>
        )}
      </section>

      <section aria-labelledby="text-heading">
        <h2 id="text-heading">Text</h2>
        {a.locked ? (
          <>
            <p className="note">
              Students have submitted work on this article, so its text can no longer change. To change it, make a copy
              and change the copy.
            </p>
            <pre className="article-plain">{a.text}</pre>
          </>
        ) : (
          <ReplaceTextForm text={a.text} save={replaceOwnArticleTextAction.bind(null, a.id)} />
        )}
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        <p>
          The article goes with its key, for good. While a class has it assigned it stays: delete the assignment on the
          class’s page first.
        </p>
        <ActionButton
          label="Delete the article"
          className="danger"
          confirm={`Delete “${a.title}” and its key for good? An export keeps a copy you can import again.`}
          action={deleteOwnArticleAction.bind(null, a.id)}
          goTo="/instructor/articles?deleted=1"
        />
      </section>
    </div>
  );
}
