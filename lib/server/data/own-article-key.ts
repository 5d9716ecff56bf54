import 'server-only';
import { randomUUID } from 'node:crypto';
import { describeIssues } from '@/lib/content/errors';
import { anchorKeyItems, type ResolvedKeyItem } from '@/lib/content/keys';
import { quoteSelectorAt } from '@/lib/content/quote-context';
import { attributeOf, type KeyItem, KeyItemSchema } from '@/lib/validation/key';
import { ATTRIBUTE_OF, type Label } from '@/lib/validation/labels';
import { findMarkup, MAX_KEY_ITEMS, type PlacedKeyItem, PlacedKeyItemSchema } from '@/lib/validation/own-article';
import type { Db } from '../db/client';
import type { OwnKeyItemTable } from '../db/schema';
import { readLabels } from './answers-json';

/** A stored key item as a file key item anchored to offsets (its id: label and place, as a file key's). */
export function itemsOfRows(text: string, rows: readonly OwnKeyItemTable[]): ResolvedKeyItem[] {
  const items = rows.map((row) => {
    const quote = quoteSelectorAt(text, row.start, row.end);
    const accept = readLabels(row.accept_json);
    const item = {
      label: row.label,
      [ATTRIBUTE_OF[row.label as Label]]: row.attribute,
      quote: quote.exact,
      ...(quote.prefix ? { prefix: quote.prefix } : {}),
      ...(quote.suffix ? { suffix: quote.suffix } : {}),
      explanation: row.explanation,
      ...(row.check_text ? { check: row.check_text } : {}),
      ...(row.record ? { record: row.record } : {}),
      ...(row.optional ? { optional: true } : {}),
      ...(accept.length > 0 ? { accept } : {}),
    } as KeyItem;
    return { ...item, id: '', start: row.start, end: row.end };
  });
  // Numbered as a file key's items are: anchoring the quotes gives the same places and ids.
  const anchored = anchorKeyItems(text, items);
  return anchored.problems.length === 0 ? anchored.items : items;
}

/**
 * Checks placed key items against the article text as the content check checks a file key:
 * offsets inside the text, each item's fields as KeyItemSchema says, plain text, no span and
 * label twice, no same-label overlap, at most MAX_KEY_ITEMS. Returns the items as file key
 * items anchored to their offsets, or every problem with its field named.
 */
export function checkPlacedItems(
  text: string,
  input: readonly unknown[],
): { ok: true; items: ResolvedKeyItem[] } | { ok: false; problems: string[] } {
  if (input.length > MAX_KEY_ITEMS) return { ok: false, problems: [`field "items": at most ${MAX_KEY_ITEMS} items`] };
  const problems: string[] = [];
  const items: ResolvedKeyItem[] = [];
  input.forEach((raw, i) => {
    const placed = PlacedKeyItemSchema.safeParse(raw);
    if (!placed.success) {
      problems.push(...describeIssues(placed.error).map((p) => p.replace('field "', `field "items.${i}.`)));
      return;
    }
    const { start, end } = placed.data;
    if (end > text.length || start >= end) {
      problems.push(`field "items.${i}.end": the offsets ${start}-${end} are outside the text (0 to ${text.length})`);
      return;
    }
    const item = KeyItemSchema.safeParse(fileItemOf(text, placed.data));
    if (!item.success) {
      problems.push(...describeIssues(item.error).map((p) => p.replace('field "', `field "items.${i}.`)));
      return;
    }
    for (const field of ['explanation', 'check', 'record'] as const) {
      const value = item.data[field];
      if (value && findMarkup(value))
        problems.push(`field "items.${i}.${field}": must be plain text, without HTML or script`);
    }
    items.push({ ...item.data, id: '', start, end });
  });
  if (problems.length > 0) return { ok: false, problems };
  const anchored = anchorKeyItems(text, items);
  if (anchored.problems.length > 0) return { ok: false, problems: anchored.problems };
  return { ok: true, items: anchored.items };
}

/** A placed item as a file key item (quote with the context that makes it unique). */
function fileItemOf(text: string, placed: PlacedKeyItem): unknown {
  const { start, end, kind, voice, basis, ...rest } = placed;
  const quote = quoteSelectorAt(text, start, end);
  const attribute = placed.label === 'sourcing' ? { kind } : placed.label === 'loaded-language' ? { voice } : { basis };
  return Object.fromEntries(
    // As a file writes an item: no empty text, no empty `accept`, no `optional: false`.
    Object.entries({ ...rest, ...attribute, quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix }).filter(
      ([, v]) => v !== undefined && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

/** Replaces the key items of an article (inside the caller's transaction). */
export async function writeItems(trx: Db, articleId: string, items: readonly ResolvedKeyItem[]): Promise<void> {
  await trx.deleteFrom('own_key_item').where('article_id', '=', articleId).execute();
  const rows = items.map((item, position) => ({
    id: randomUUID(),
    article_id: articleId,
    position,
    label: item.label,
    attribute: attributeOf(item),
    start: item.start,
    end: item.end,
    explanation: item.explanation,
    check_text: item.check ?? null,
    record: item.record ?? null,
    optional: item.optional ? (1 as const) : (0 as const),
    accept_json: JSON.stringify(item.accept ?? []),
  }));
  // Chunks keep each statement under SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('own_key_item')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}
