import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { exerciseActions } from '@/app/lessons/exercise-actions';
import { LabelingExercise } from '@/components/exercise/labeling-exercise';
import { Link } from '@/components/layout/link';
import { getArticle, listArticles } from '@/lib/content/articles';
import { practiceId, practiceParts } from '@/lib/content/lessons';

type Props = { params: Promise<{ articleSlug: string }> };

// The same for every reader: built once and served as built, with a CSP by hashes (decision 15).
// The root layout's connection() yields to this; unknown slugs get the 404 page.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return listArticles().map((a) => ({ articleSlug: a.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = getArticle((await params).articleSlug);
  return { title: article ? `Practise: ${article.title}` : 'Article not found' };
}

export default async function PracticePage({ params }: Props) {
  const article = getArticle((await params).articleSlug);
  if (!article) notFound();
  const parts = practiceParts(article.slug);
  return (
    <div className="page lesson practice">
      <header className="lesson-header">
        <p className="eyebrow">Free practice</p>
        <h1>Practise on the whole article</h1>
        <p className="lede">
          All three labels, the whole text, the full key afterwards. Take your time: there is no grade, only the
          comparison. Read <Link href={`/articles/${article.slug}`}>the article’s provenance</Link> first.
        </p>
      </header>
      {parts.length > 0 && (
        <nav className="practice-parts" aria-labelledby="practice-parts-title">
          <h2 id="practice-parts-title">Practise one part at a time</h2>
          <p>
            This page joins several texts. Each part below is an exercise of its own, scored against that part’s key
            items only; the whole page stays below.
          </p>
          <ol>
            {parts.map((p) => (
              <li key={p.number}>
                <Link href={`/articles/${article.slug}/practice/${p.number}`}>{p.title}</Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="lesson-body">
        <LabelingExercise id={practiceId(article.slug)} actions={exerciseActions} />
      </div>
    </div>
  );
}
