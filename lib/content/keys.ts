import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveQuote } from '../annotation/anchor';
import type { ScoringKeyItem } from '../scoring/types';
import { KeyFileSchema, type KeyItem } from '../validation/key';
import { type Article, getArticle } from './articles';
import { ContentError, parseYamlWith } from './errors';
import { CONTENT_DIR, relative } from './paths';

/** A key item anchored to offsets in its article's normalized text. */
export type ResolvedKeyItem = KeyItem & { id: string; start: number; end: number };

export type ResolvedKey = { article: Article; items: ResolvedKeyItem[] };

const KEYS_DIR = path.join(CONTENT_DIR, 'keys');

/** Short, readable name of an item for messages: its index and the start of its quote. */
function itemName(index: number, item: KeyItem): string {
  const quote = item.quote.length > 40 ? `${item.quote.slice(0, 40)}…` : item.quote;
  return `item ${index} (${item.label} "${quote}")`;
}

/**
 * Parses and anchors a key file against its article. Throws ContentError naming the file and
 * every item that fails: schema errors, a stale text hash, a quote that does not resolve to
 * exactly one place, or two same-label core items that overlap.
 */
export function parseKeyFile(file: string, source: string): ResolvedKey {
  const where = relative(file);
  const key = parseYamlWith(where, source, KeyFileSchema);
  const article = getArticle(key.article);
  if (!article) throw new ContentError(where, [`field "article": no article "${key.article}"`]);
  if (key.sha256 !== article.sha256) {
    throw new ContentError(where, [`field "sha256": written against another text; the article's is ${article.sha256}`]);
  }
  const { items, problems } = anchorKeyItems(article.text, key.items);
  if (problems.length > 0) throw new ContentError(where, problems);
  return { article, items };
}

/**
 * Anchors key items to `text`: each quote must resolve to exactly one place, no span and
 * label twice, no same-label core items overlapping. Returns the items in text order with
 * their ids, and every problem with the item named (empty when the key is sound).
 */
export function anchorKeyItems(
  text: string,
  keyItems: readonly KeyItem[],
): { items: ResolvedKeyItem[]; problems: string[] } {
  const problems: string[] = [];
  const items: ResolvedKeyItem[] = [];
  keyItems.forEach((item, index) => {
    const anchored = resolveQuote(text, { exact: item.quote, prefix: item.prefix, suffix: item.suffix });
    if (!anchored.ok) {
      problems.push(`${itemName(index, item)}: ${anchored.error}`);
      return;
    }
    const { start, end } = anchored.value;
    items.push({ ...item, id: '', start, end });
  });
  items.sort((a, b) => a.start - b.start || a.end - b.end);
  const seen = new Set<string>();
  for (const item of items) {
    const span = `${item.label} ${item.start}-${item.end} "${item.quote.slice(0, 40)}"`;
    if (seen.has(span)) problems.push(`${span}: the same span and label appear twice`);
    seen.add(span);
  }
  numberItems(items);
  problems.push(...sameLabelOverlaps(items));
  return { items, problems };
}

/**
 * Gives each item its id: its label and its place among that label's items in text order
 * ("sourcing-3"). Ids never carry offsets: a student who sees an id before the key is
 * released learns nothing of where the item is.
 */
function numberItems(items: ResolvedKeyItem[]): void {
  const counts = new Map<string, number>();
  for (const item of items) {
    const n = (counts.get(item.label) ?? 0) + 1;
    counts.set(item.label, n);
    item.id = `${item.label}-${n}`;
  }
}

/** Same-label items may not overlap (the guide's rule for one answer set); sorted input. */
function sameLabelOverlaps(items: readonly ResolvedKeyItem[]): string[] {
  const problems: string[] = [];
  const lastEnd = new Map<string, ResolvedKeyItem>();
  for (const item of items) {
    const previous = lastEnd.get(item.label);
    if (previous && previous.end > item.start) {
      problems.push(
        `${item.label} "${item.quote.slice(0, 40)}" (${item.start}-${item.end}) overlaps "${previous.quote.slice(0, 40)}" (${previous.start}-${previous.end}) with the same label`,
      );
    }
    if (!previous || item.end > previous.end) lastEnd.set(item.label, item);
  }
  return problems;
}

const cache = new Map<string, ResolvedKey | null>();

/** The resolved key of an article (slug or seed name), or null when it has none. */
export function getKey(articleSlugOrSeed: string): ResolvedKey | null {
  const article = getArticle(articleSlugOrSeed);
  if (!article) return null;
  if (!cache.has(article.slug)) {
    const file = path.join(KEYS_DIR, `${article.slug}.yaml`);
    cache.set(article.slug, existsSync(file) ? parseKeyFile(file, readFileSync(file, 'utf8')) : null);
  }
  return cache.get(article.slug) ?? null;
}

/** The key as the scoring engine needs it: offsets, labels and rules, no prose. */
export function toScoringKey(items: readonly ResolvedKeyItem[]): ScoringKeyItem[] {
  return items.map(({ id, label, start, end, optional, accept }) => ({ id, label, start, end, optional, accept }));
}
