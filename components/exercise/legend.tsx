import type { Label } from '@/lib/validation/vocabulary';
import { LABEL_NAMES, LABEL_PATTERNS } from './label-meta';

/** The labels in play, each with its key number, color sample and line pattern in words. */
export function Legend({ labels }: { labels: readonly Label[] }) {
  return (
    <ul className="legend" aria-label="Labels">
      {labels.map((label, i) => (
        <li key={label}>
          <span className={`swatch cr-mark-${label}`} aria-hidden="true">
            Aa
          </span>{' '}
          <kbd>{i + 1}</kbd> {LABEL_NAMES[label]} <span className="pattern">({LABEL_PATTERNS[label]})</span>
        </li>
      ))}
    </ul>
  );
}
