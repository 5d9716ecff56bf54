import { labelCode, SpanTable } from './table';
import type { ScoringKeyItem } from './types';

/**
 * A key made ready for scoring: split into core and optional items (optional items never
 * enter T) and laid out for overlap scans. Preparing a long key costs about as much as
 * scoring one answer set, so a class is scored against one prepared key.
 */
export type PreparedKey = {
  /** Every item in text order (start, end, label), the order feedback is given in. */
  items: readonly ScoringKeyItem[];
  /** Core items; `ref` is the item's place in `items`. */
  core: SpanTable;
  optional: SpanTable;
};

/** Splits and lays out a key; items holding no character are left out of both tables. */
export function prepareKey(key: readonly ScoringKeyItem[]): PreparedKey {
  const items = [...key].sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  const core = new SpanTable(items.length);
  const optional = new SpanTable(items.length);
  items.forEach((item, ref) => {
    if (item.end <= item.start) return;
    let mask = 1 << labelCode(item.label);
    for (const label of item.accept ?? []) mask |= 1 << labelCode(label);
    (item.optional ? optional : core).add(item.start, item.end, labelCode(item.label), mask, ref);
  });
  return { items, core, optional };
}
