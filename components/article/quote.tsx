import { takesSingleMarks } from '@/lib/quote-marks';

/**
 * The article's words quoted in running text, in a `<q>`: double marks, or single ones when
 * the words begin or end with a double mark of their own (lib/quote-marks.ts).
 */
export function Quote({ words }: { words: string }) {
  return <q className={takesSingleMarks(words) ? 'single-marks' : undefined}>{words}</q>;
}
