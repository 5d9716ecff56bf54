import { Fragment } from 'react';
import { splitParagraphs } from '@/lib/annotation/paragraphs';
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
export function ArticleText({ article, range, id }: Props) {
  const all = splitParagraphs(article.text);
  const shown = range
    ? all
        .filter((p) => p.end > range.start && p.start < range.end)
        .map((p) => ({ start: Math.max(p.start, range.start), end: Math.min(p.end, range.end) }))
    : all;
  const partAt = new Map(article.resolvedParts.map((part) => [part.start, part.title]));
  return (
    <div className="article-text" id={id} data-article={article.slug} data-sha256={article.sha256}>
      {shown.map((p) => {
        const number = all.findIndex((q) => q.end > p.start) + 1;
        const part = range ? undefined : partAt.get(p.start);
        return (
          <Fragment key={p.start}>
            {part && (
              <h2 className="part-heading" id={`part-${p.start}`}>
                {part}
              </h2>
            )}
            <p className="para" data-start={p.start} data-end={p.end} data-n={number}>
              {article.text.slice(p.start, p.end)}
            </p>
          </Fragment>
        );
      })}
    </div>
  );
}
