import { Fragment } from 'react';
import { type Paragraph, splitParagraphs } from '@/lib/annotation/paragraphs';
import type { Article } from '@/lib/content/articles';

type Props = {
  article: Pick<Article, 'slug' | 'text' | 'sha256' | 'resolvedParts'>;
  /** Show only this range of the text (a lesson's excerpt); offsets stay those of the whole text. */
  range?: { start: number; end: number };
  id?: string;
};

/**
 * The article as numbered paragraphs. Each paragraph holds exactly `text.slice(start, end)`
 * and says so in data attributes, so that client code maps selections to text offsets
 * without re-rendering. Part headings sit between paragraphs, outside the text.
 */
/** Paragraphs per article text: pages render per request, the texts never change. */
const paragraphCache = new Map<string, Paragraph[]>();

function paragraphsOf(article: Props['article']): Paragraph[] {
  let all = paragraphCache.get(article.sha256);
  if (!all) {
    all = splitParagraphs(article.text);
    paragraphCache.set(article.sha256, all);
  }
  return all;
}

export function ArticleText({ article, range, id }: Props) {
  const all = paragraphsOf(article);
  // Paragraph numbers are those of the whole article, also in an excerpt.
  const numbered = all.map((p, i) => ({ ...p, number: i + 1 }));
  const shown = range
    ? numbered
        .filter((p) => p.end > range.start && p.start < range.end)
        .map((p) => ({ start: Math.max(p.start, range.start), end: Math.min(p.end, range.end), number: p.number }))
    : numbered;
  const partAt = new Map(article.resolvedParts.map((part) => [part.start, part.title]));
  return (
    <div className="article-text" id={id} data-article={article.slug} data-sha256={article.sha256}>
      {shown.map((p) => {
        const part = range ? undefined : partAt.get(p.start);
        return (
          <Fragment key={p.start}>
            {part && (
              <h2 className="part-heading" id={`part-${p.start}`}>
                {part}
              </h2>
            )}
            <p className="para" data-start={p.start} data-end={p.end} data-n={p.number}>
              {article.text.slice(p.start, p.end)}
            </p>
          </Fragment>
        );
      })}
    </div>
  );
}
