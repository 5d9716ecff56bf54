import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { OwnArticleForm } from '@/components/classroom/own-article-form';
import { Link } from '@/components/layout/link';
import { getActor } from '@/lib/server/actor';
import { createOwnArticleAction } from '../actions';

export const metadata: Metadata = { title: 'Add an article' };

export default async function NewOwnArticlePage() {
  const actor = await getActor();
  if (actor.kind !== 'instructor') redirect('/instructor/sign-in');
  return (
    <div className="page classroom">
      <p>
        <Link href="/instructor/articles">← My articles</Link>
      </p>
      <h1>Add an article</h1>
      <p>
        Paste the text as it appears, headline included. Key items point at places in this text, so it can change only
        until a student submits work on it; after that, make a copy.
      </p>
      <OwnArticleForm create={createOwnArticleAction} />
    </div>
  );
}
