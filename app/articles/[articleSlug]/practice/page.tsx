import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LabelingExercise } from '@/components/exercise/labeling-exercise';
import { getArticle, listArticles } from '@/lib/content/articles';
import { PRACTICE_PREFIX } from '@/lib/content/lessons';

type Props = { params: Promise<{ articleSlug: string }> };

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
      <div className="lesson-body">
        <LabelingExercise id={`${PRACTICE_PREFIX}${article.slug}`} />
      </div>
    </div>
  );
}
