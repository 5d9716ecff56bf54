import { ArticleText } from '@/components/article/article-text';
import { resolveQuote } from '@/lib/annotation/anchor';
import { getArticle } from '@/lib/content/articles';

type Props = {
  /** Article slug or seed file name. */
  article: string;
  /** Offsets into the normalized text; or give `quote` (with `prefix` when it repeats). */
  start?: number;
  end?: number;
  quote?: string;
  prefix?: string;
  caption?: string;
};

/**
 * Quotes a passage of an article by offsets (or by quote), with its paragraph numbers.
 * A passage that does not resolve fails the build, naming the article and the passage.
 */
export function ArticleExcerpt({ article: slug, start, end, quote, prefix, caption }: Props) {
  const article = getArticle(slug);
  if (!article) throw new Error(`ArticleExcerpt: no article "${slug}"`);
  let range: { start: number; end: number };
  if (quote !== undefined) {
    const anchored = resolveQuote(article.text, { exact: quote, prefix });
    if (!anchored.ok) throw new Error(`ArticleExcerpt in ${slug}: ${anchored.error}`);
    range = anchored.value;
  } else if (start !== undefined && end !== undefined && start >= 0 && start < end && end <= article.text.length) {
    range = { start, end };
  } else {
    throw new Error(`ArticleExcerpt in ${slug}: give a quote, or start and end within 0..${article.text.length}`);
  }
  return (
    <figure className="excerpt">
      <blockquote cite={`/articles/${article.slug}`}>
        <ArticleText article={article} range={range} />
      </blockquote>
      <figcaption>
        {caption ?? 'From'} <a href={`/articles/${article.slug}`}>{article.title}</a>
      </figcaption>
    </figure>
  );
}
