import 'server-only';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveQuote } from '../annotation/anchor';
import { normalizeText } from '../annotation/text';
import { type ArticleMeta, ArticleMetaSchema } from '../validation/article';
import { ContentError, parseYamlWith } from './errors';
import { CONTENT_DIR, relative, SEEDS_DIR } from './paths';

export type ArticlePart = { title: string; start: number };

/** An article of the registry with its normalized text. */
export type Article = ArticleMeta & { text: string; resolvedParts: ArticlePart[] };

const ARTICLES_DIR = path.join(CONTENT_DIR, 'articles');

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Validates one registry entry (`source` is the YAML of `file`) against its seed.
 * Throws ContentError naming the file and every bad field.
 */
export function parseArticleEntry(file: string, source: string): Article {
  const where = relative(file);
  const meta = parseYamlWith(where, source, ArticleMetaSchema);
  if (`${meta.slug}.yaml` !== path.basename(file)) {
    throw new ContentError(where, [`field "slug": "${meta.slug}" does not match the file name`]);
  }
  let seedText: string;
  try {
    seedText = readFileSync(path.join(SEEDS_DIR, meta.seed), 'utf8');
  } catch {
    throw new ContentError(where, [`field "seed": no file seeds/${meta.seed}`]);
  }
  const text = normalizeText(seedText);
  const actual = sha256(text);
  if (actual !== meta.sha256) {
    throw new ContentError(where, [`field "sha256": the normalized text of seeds/${meta.seed} has SHA-256 ${actual}`]);
  }
  const resolvedParts = (meta.parts ?? []).map((part, index) => {
    const anchored = resolveQuote(text, { exact: part.startsWith });
    if (!anchored.ok) throw new ContentError(where, [`field "parts.${index}.startsWith": ${anchored.error}`]);
    return { title: part.title, start: anchored.value.start };
  });
  return { ...meta, text, resolvedParts };
}

let cache: Article[] | undefined;

/** Every article of the registry, ordered by seed file name. Throws ContentError on a broken entry. */
export function listArticles(): Article[] {
  if (!cache) {
    const files = readdirSync(ARTICLES_DIR).filter((f) => f.endsWith('.yaml'));
    const articles = files.map((f) => {
      const file = path.join(ARTICLES_DIR, f);
      return parseArticleEntry(file, readFileSync(file, 'utf8'));
    });
    cache = articles.sort((a, b) => a.seed.localeCompare(b.seed));
  }
  return cache;
}

/** The article with this slug or seed file name, or null when there is none. */
export function getArticle(slugOrSeed: string): Article | null {
  return listArticles().find((a) => a.slug === slugOrSeed || a.seed === slugOrSeed) ?? null;
}
