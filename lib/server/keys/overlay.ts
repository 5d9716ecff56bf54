import 'server-only';
import { z } from 'zod';
import type { ClassKeyItemInput, KeyChange } from '../../validation/class-key';
import type { KeyItemView } from '../../validation/key';
import { LabelSchema } from '../../validation/labels';

/** Ids of items a class added to its key carry this prefix, so they never clash with a shipped key's. */
export const CLASS_ITEM_PREFIX = 'class-';

/**
 * A key item of one class's key: as shipped (`file`), shipped and changed by the class's
 * instructor (`edited`), or added by them (`class`).
 */
export type ClassKeyItem = KeyItemView & { source: 'file' | 'edited' | 'class' };

/** A key item without its quote, as the overlay stores it. */
export function toStoredItem(item: KeyItemView): ClassKeyItemInput {
  const { id, label, start, end, attribute, explanation, check, record, optional, accept } = item;
  return { id, label, start, end, attribute, explanation, check, record, optional, accept };
}

/** An item's content in a fixed order, prose trimmed (YAML keeps a final newline the editor drops). */
const canonical = (i: ClassKeyItemInput) =>
  JSON.stringify([
    i.id,
    i.label,
    i.start,
    i.end,
    i.attribute,
    i.explanation.trim(),
    i.check?.trim() ?? null,
    i.record?.trim() ?? null,
    i.optional,
    [...i.accept].sort(),
  ]);

const sameItem = (a: ClassKeyItemInput, b: ClassKeyItemInput) => canonical(a) === canonical(b);

/**
 * The class key: the base key's items in order, each replaced by its edit or left out by its
 * delete, then the added items in the order they were added. Quotes are read from the text.
 * Changes naming an item the base no longer has are dropped (the base moved on).
 */
export function applyChanges(
  base: readonly KeyItemView[],
  changes: readonly KeyChange[],
  text: string,
): ClassKeyItem[] {
  const edits = new Map<string, KeyChange>();
  for (const change of changes)
    if (change.kind !== 'add') edits.set(change.kind === 'edit' ? change.item.id : change.id, change);
  const quoted = (item: ClassKeyItemInput, source: ClassKeyItem['source']): ClassKeyItem => ({
    ...item,
    quote: text.slice(item.start, item.end),
    source,
  });
  const items: ClassKeyItem[] = [];
  for (const item of base) {
    const change = edits.get(item.id);
    if (!change) items.push({ ...item, source: 'file' });
    else if (change.kind === 'edit') items.push(quoted(change.item, 'edited'));
  }
  for (const change of changes) if (change.kind === 'add') items.push(quoted(change.item, 'class'));
  return items;
}

/**
 * The changes that turn the base key into this list of items: an item with a base id that
 * differs is an edit, a base item missing from the list is a delete, any other item is an
 * add. An item equal to its base item makes no change (that is "back to the shipped key").
 */
export function diffItems(base: readonly KeyItemView[], items: readonly ClassKeyItemInput[]): KeyChange[] {
  const baseById = new Map(base.map((item) => [item.id, toStoredItem(item)]));
  const listed = new Set(items.map((item) => item.id));
  const changes: KeyChange[] = [];
  for (const item of items) {
    const shipped = baseById.get(item.id);
    if (!shipped) changes.push({ kind: 'add', item });
    else if (!sameItem(shipped, item)) changes.push({ kind: 'edit', item });
  }
  for (const item of base) if (!listed.has(item.id)) changes.push({ kind: 'delete', id: item.id });
  return changes;
}

/*
 * Stored items are read with the shape only, not the editor's rules on prose (a span
 * accepted from the review before decision 16 may have a shorter explanation): what was
 * stored is shown, never silently dropped for a rule added later.
 */
const StoredItemSchema = z.object({
  id: z.string().min(1),
  label: LabelSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  attribute: z.string().nullable().default(null),
  explanation: z.string().default(''),
  check: z.string().nullable().default(null),
  record: z.string().nullable().default(null),
  optional: z.boolean().default(false),
  accept: z.array(LabelSchema).default([]),
});
const StoredChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add'), item: StoredItemSchema }),
  z.object({ kind: z.literal('edit'), item: StoredItemSchema }),
  z.object({ kind: z.literal('delete'), id: z.string().min(1) }),
]);

/** Stored changes, read defensively: a row that does not parse is an empty overlay, never thrown. */
export function parseChanges(json: string): KeyChange[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((change) => {
    const parsed = StoredChangeSchema.safeParse(change);
    return parsed.success ? [parsed.data] : [];
  });
}
