// The heatmap's per-word detail as the review page's route sends it, and how it is shaded.
import { LABEL_NAMES, LABELS, type Label } from '@/lib/validation/labels';

/** Shade steps: few enough to tell apart by underline thickness as well as by shade. */
export const HEAT_LEVELS = 5;

/** 0 for nobody, else 1..HEAT_LEVELS by the share of submitted students (each step a fifth). */
export function heatLevel(count: number, submitted: number): number {
  if (count === 0 || submitted === 0) return 0;
  return Math.max(1, Math.ceil((count / submitted) * HEAT_LEVELS));
}

/** The share range of a level, as the legend and the readout word it. */
export function levelRange(level: number): string {
  return `${Math.round(((level - 1) / HEAT_LEVELS) * 100)}–${Math.round((level / HEAT_LEVELS) * 100)}%`;
}

export type HeatRow = {
  start: number;
  end: number;
  counts: Record<Label, number>;
  any: number;
  /** Indexes of the key items the stretch lies under. */
  keyIndexes: number[];
  keys: { label: Label; optional: boolean }[];
};

export type HeatData = { start: number; text: string; submitted: number; stretches: HeatRow[] };

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Reads the route's JSON; null when it is not what the route sends (never throws). */
export function parseHeatData(value: unknown): HeatData | null {
  if (typeof value !== 'object' || value === null) return null;
  const { start, text, submitted, labels, keyItems, stretches } = value as Record<string, unknown>;
  if (!isCount(start) || typeof text !== 'string' || !isCount(submitted)) return null;
  if (!Array.isArray(labels) || !Array.isArray(keyItems) || !Array.isArray(stretches)) return null;
  const keys = keyItems.map((k) => k as { label: Label; optional: boolean });
  const rows: HeatRow[] = [];
  for (const row of stretches) {
    if (!Array.isArray(row) || row.length !== labels.length + 4) return null;
    const [from, to] = row as number[];
    if (!isCount(from) || !isCount(to) || from < start || to > start + text.length || to <= from) return null;
    const counts = Object.fromEntries(LABELS.map((l) => [l, 0])) as Record<Label, number>;
    labels.forEach((l, i) => {
      if (LABELS.includes(l)) counts[l as Label] = Number(row[2 + i]) || 0;
    });
    const indexes = row[labels.length + 3];
    const keyIndexes = Array.isArray(indexes) ? indexes.filter((i) => keys[i] !== undefined) : [];
    rows.push({
      start: from,
      end: to,
      counts,
      any: Number(row[labels.length + 2]) || 0,
      keyIndexes,
      keys: keyIndexes.map((i) => keys[i] as { label: Label; optional: boolean }),
    });
  }
  return { start, text, submitted, stretches: rows };
}

/** What a stretch's counts say in words: for the readout (shown and announced) on hover and focus. */
export function describeStretch(row: HeatRow, quote: string, submitted: number, labels: Label[], label: Label | null) {
  const count = label ? row.counts[label] : row.any;
  const share = submitted ? Math.round((count / submitted) * 100) : 0;
  const who = label ? `labeled ${LABEL_NAMES[label].toLowerCase()}` : 'labeled';
  const parts = [`“${quote}”: ${count} of ${submitted} students ${who} (${share}%)`];
  if (labels.length > 1) parts.push(labels.map((l) => `${LABEL_NAMES[l]} ${row.counts[l]}`).join(', '));
  parts.push(
    row.keys.length === 0
      ? 'not in the key'
      : `in the key: ${row.keys.map((k) => `${LABEL_NAMES[k.label]}${k.optional ? ' (optional)' : ''}`).join(', ')}`,
  );
  return `${parts.join(' · ')}.`;
}

/**
 * How the key's outline runs over a stretch: a key item's outline opens where one of its
 * items starts (not under the stretch before) and closes where one ends (not under the
 * stretch after), so that an item split into several stretches is drawn as one box.
 */
export function keyEdges(rows: readonly HeatRow[], i: number): { opens: boolean; closes: boolean; joinsNext: boolean } {
  const here = rows[i]?.keyIndexes ?? [];
  const before = rows[i - 1]?.keyIndexes ?? [];
  const after = rows[i + 1]?.keyIndexes ?? [];
  return {
    opens: here.some((k) => !before.includes(k)),
    closes: here.some((k) => !after.includes(k)),
    joinsNext: here.some((k) => after.includes(k)),
  };
}
