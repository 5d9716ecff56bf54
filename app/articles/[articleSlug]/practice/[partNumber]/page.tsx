import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { exerciseActions } from '@/app/lessons/exercise-actions';
import { LabelingExercise } from '@/components/exercise/labeling-exercise';
import { Link } from '@/components/layout/link';
import { getArticle, listArticles } from '@/lib/content/articles';
import { practiceParts } from '@/lib/content/lessons';

type Props = { params: Promise<{ articleSlug: string; partNumber: string }> };

// The same for every reader: built once and served as built, with a CSP by hashes (decision 15).
// The root layout's connection() yields to this; unknown slugs get the 404 page.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return listArticles().flatMap((a) =>
    practiceParts(a.slug).map((p) => ({ articleSlug: a.slug, partNumber: String(p.number) })),
  );
}

async function partOf(params: Props['params']) {
  const { articleSlug, partNumber } = await params;
  const article = getArticle(articleSlug);
  const parts = article ? practiceParts(article.slug) : [];
  const part = parts.find((p) => String(p.number) === partNumber);
  return article && part ? { article, part, parts } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await partOf(params);
  return { title: found ? `Practise: ${found.part.title}` : 'Part not found' };
}

export default async function PracticePartPage({ params }: Props) {
  const found = await partOf(params);
  if (!found) notFound();
  const { article, part, parts } = found;
  const next = parts.find((p) => p.number === part.number + 1);
  return (
    <div className="page lesson practice">
      <header className="lesson-header">
        <p className="eyebrow">
          Free practice, part {part.number} of {parts.length}
        </p>
        <h1>{part.title}</h1>
        <p className="lede">
          One part of <Link href={`/articles/${article.slug}`}>{article.title}</Link>, scored against this part’s key
          items only. <Link href={`/articles/${article.slug}/practice`}>Practise on the whole page</Link> instead, or
          {next ? (
            <>
              {' '}
              go on to <Link href={`/articles/${article.slug}/practice/${next.number}`}>part {next.number}</Link>.
            </>
          ) : (
            ' pick another part there.'
          )}
        </p>
      </header>
      <div className="lesson-body">
        <LabelingExercise id={part.exercise.id} actions={exerciseActions} />
      </div>
    </div>
  );
}
