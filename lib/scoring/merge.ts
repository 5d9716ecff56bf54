import { LABELS } from '../validation/labels';
import type { SpanTable } from './table';

/**
 * Writes into `out` the same-label rows of `given` (sorted by start) merged where they share
 * at least one character; rows that only touch stay apart. `keep` picks the rows taking
 * part (all when null). Merged spans open in order of start, so `out` comes out sorted;
 * its `ref` is -1, since a merged span is no single answer.
 */
export function mergeSameLabel(given: SpanTable, keep: Uint8Array | null, out: SpanTable): SpanTable {
  out.reset(given.size);
  const open = LABELS.map(() => -1);
  for (let row = 0; row < given.size; row++) {
    if (keep && keep[row] === 0) continue;
    const label = given.label[row] as number;
    const start = given.start[row] as number;
    const end = given.end[row] as number;
    const current = open[label] as number;
    if (current !== -1 && start < (out.end[current] as number)) {
      out.extend(current, end);
      continue;
    }
    open[label] = out.size;
    out.add(start, end, label, 1 << label, -1);
  }
  return out;
}
