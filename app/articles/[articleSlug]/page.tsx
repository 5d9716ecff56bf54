import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleText } from '@/components/article/article-text';
import { ArticleToc } from '@/components/article/article-toc';
import { ProvenancePanel } from '@/components/article/provenance-panel';
import { Link } from '@/components/layout/link';
import { ReadAloud } from '@/components/layout/read-aloud';
import { getArticle, listArticles } from '@/lib/content/articles';

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
  return { title: article?.title ?? 'Article not found' };
}

export default async function ArticlePage({ params }: Props) {
  const article = getArticle((await params).articleSlug);
  if (!article) notFound();
  return (
    <div className="page article-page">
      <h1>{article.title}</h1>
      <ProvenancePanel article={article} />
      <p className="no-print">
        <Link href={`/articles/${article.slug}/practice`}>Practise labeling this article</Link>
      </p>
      <ReadAloud target=".article-page" label="Read the article aloud" />
      {article.resolvedParts.length > 0 && <ArticleToc parts={article.resolvedParts} />}
      <ArticleText article={article} />
    </div>
  );
}
