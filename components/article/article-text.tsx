import { type Paragraph, splitParagraphs } from '@/lib/annotation/paragraphs';
import type { Article } from '@/lib/content/articles';

type Props = {
  article: Pick<Article, 'slug' | 'text' | 'sha256' | 'resolvedParts'>;
  /** Show only this range of the text (a lesson's excerpt); offsets stay those of the whole text. */
  range?: { start: number; end: number };
  id?: string;
};

/** Paragraphs per article text: the texts never change while the server runs. */
const paragraphCache = new Map<string, Paragraph[]>();

function paragraphsOf(article: Props['article']): Paragraph[] {
  let all = paragraphCache.get(article.sha256);
  if (!all) {
    all = splitParagraphs(article.text);
    paragraphCache.set(article.sha256, all);
  }
  return all;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

const PARAGRAPHS_PER_GROUP = 3;

/** The paragraphs (and part headings) of the article, or of `range` of it, as HTML. */
function articleHtml({ article, range }: Props): string {
  const all = paragraphsOf(article);
  // Paragraph numbers are those of the whole article, also in an excerpt.
  const numbered = all.map((p, i) => ({ ...p, number: i + 1 }));
  const shown = range
    ? numbered
        .filter((p) => p.end > range.start && p.start < range.end)
        .map((p) => ({ start: Math.max(p.start, range.start), end: Math.min(p.end, range.end), number: p.number }))
    : numbered;
  const partAt = new Map(article.resolvedParts.map((part) => [part.start, part.title]));
  // Paragraphs go in groups that start at a part heading and hold a few paragraphs each: a
  // long text lays out and paints only the groups near the screen (content-visibility), and a
  // few dozen groups cost each frame far less than two hundred paragraphs watched one by one.
  const groups: string[][] = [];
  for (const p of shown) {
    const part = range ? undefined : partAt.get(p.start);
    const heading = part ? `<h2 class="part-heading" id="part-${p.start}">${escapeHtml(part)}</h2>` : '';
    const text = escapeHtml(article.text.slice(p.start, p.end));
    const last = groups.at(-1);
    const html = `${heading}<p class="para" data-start="${p.start}" data-end="${p.end}" data-n="${p.number}">${text}</p>`;
    if (!last || heading || last.length === PARAGRAPHS_PER_GROUP) groups.push([html]);
    else last.push(html);
  }
  return groups.map((g) => `<div class="para-group">${g.join('')}</div>`).join('');
}

/**
 * The article as numbered paragraphs. Each paragraph holds exactly `text.slice(start, end)`
 * and says so in data attributes, so that client code maps selections to text offsets
 * without re-rendering. Part headings sit between paragraphs, outside the text.
 *
 * The paragraphs are one piece of server HTML that React neither builds nor hydrates node by
 * node (the longest has 216 paragraphs): the page's script only attaches to it
 * (decision 15). The HTML is built here from the plain text, every character escaped.
 */
export function ArticleText(props: Props) {
  const { article, id } = props;
  return (
    <div
      className="article-text"
      id={id}
      data-article={article.slug}
      data-sha256={article.sha256}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: built above from the article's plain text, every character escaped.
      dangerouslySetInnerHTML={{ __html: articleHtml(props) }}
    />
  );
}
