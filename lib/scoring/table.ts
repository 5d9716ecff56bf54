import { LABELS, type Label } from '../validation/labels';

const CODES = Object.fromEntries(LABELS.map((label, code) => [label, code])) as Record<Label, number>;

/** A label as a small integer (its place in LABELS), so that label tests are bit tests. */
export function labelCode(label: Label): number {
  return CODES[label];
}

/** The label of a code from `labelCode`. */
export function labelOf(code: number): Label {
  return LABELS[code] as Label;
}

/** Rows `first` walks from its hint before it searches instead: a sweep mostly moves a row or two. */
const WALK = 8;

/**
 * Spans in columns, sorted by start, for finding the rows that overlap a range without
 * scanning them all: only rows starting at or after `from - longest` can reach `from`.
 * Columns of numbers rather than an array of objects because scoring a class runs these
 * scans hundreds of thousands of times; object spans of several shapes made each property
 * read slow and each query allocate.
 */
export class SpanTable {
  start: Float64Array;
  end: Float64Array;
  /** The span's own label code. */
  label: Uint8Array;
  /** Bit set of the label codes the span matches: its own, plus a key item's `accept`. */
  mask: Uint8Array;
  /** Where the row came from: an answer's index as given, or a key item's place in PreparedKey.items. */
  ref: Int32Array;
  size = 0;
  private longest = 0;

  constructor(capacity: number) {
    this.start = new Float64Array(capacity);
    this.end = new Float64Array(capacity);
    this.label = new Uint8Array(capacity);
    this.mask = new Uint8Array(capacity);
    this.ref = new Int32Array(capacity);
  }

  /** Empties the table for reuse, growing its columns to hold `capacity` rows. */
  reset(capacity: number): this {
    if (this.start.length < capacity) {
      const grown = Math.max(capacity, 2 * this.start.length);
      this.start = new Float64Array(grown);
      this.end = new Float64Array(grown);
      this.label = new Uint8Array(grown);
      this.mask = new Uint8Array(grown);
      this.ref = new Int32Array(grown);
    }
    this.size = 0;
    this.longest = 0;
    return this;
  }

  /** Appends a row; rows must come in order of start, and hold at least one character. */
  add(start: number, end: number, label: number, mask: number, ref: number): void {
    const row = this.size++;
    this.start[row] = start;
    this.end[row] = end;
    this.label[row] = label;
    this.mask[row] = mask;
    this.ref[row] = ref;
    if (end - start > this.longest) this.longest = end - start;
  }

  /** Moves the end of an added row further (a later span merged into it); never shortens a row. */
  extend(row: number, end: number): void {
    if (end <= (this.end[row] as number)) return;
    this.end[row] = end;
    const length = end - (this.start[row] as number);
    if (length > this.longest) this.longest = length;
  }

  /**
   * The first row that may overlap a range beginning at `from`; scan on while
   * `start[row] < to` and keep the rows with `end[row] > from`. A sweep in text order
   * passes the row it got for the previous, smaller `from` as `hint` and mostly walks a
   * row or two instead of searching; a hint past the answer gives wrong rows.
   */
  first(from: number, hint = 0): number {
    const at = from - this.longest;
    const stop = Math.min(this.size, hint + WALK);
    let row = hint;
    while (row < stop && (this.start[row] as number) < at) row++;
    if (row < stop || row === this.size) return row;
    let hi = this.size;
    while (row < hi) {
      const mid = (row + hi) >>> 1;
      if ((this.start[mid] as number) < at) row = mid + 1;
      else hi = mid;
    }
    return row;
  }

  /**
   * Whether a row from `row` (a `first(start)` result) on overlaps [start, end): any row
   * when `mask` is 0, else one whose mask shares a bit with `mask`.
   */
  touches(row: number, start: number, end: number, mask = 0): boolean {
    for (let r = row; r < this.size && (this.start[r] as number) < end; r++) {
      if ((this.end[r] as number) > start && (mask === 0 || ((this.mask[r] as number) & mask) !== 0)) return true;
    }
    return false;
  }
}

/** A half-open character range: UTF-16 offsets into the normalized text. */
export type Range = { start: number; end: number };

/** Characters shared by [aStart, aEnd) and [bStart, bEnd): 0 when they only touch or are apart. */
export function shared(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const n = (aEnd < bEnd ? aEnd : bEnd) - (aStart > bStart ? aStart : bStart);
  return n > 0 ? n : 0;
}
