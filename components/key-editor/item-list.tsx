'use client';

import { memo } from 'react';
import { LABEL_NAMES } from '@/components/exercise/label-meta';
import { quoted } from '@/lib/quote-marks';
import type { EditorItem, Problems } from './types';

type Props = {
  id: string;
  items: readonly EditorItem[];
  text: string;
  problems: Problems;
  open: string | null;
  onOpen: (itemId: string) => void;
};

const SOURCE_TEXT = { file: 'shipped', edited: 'edited', class: 'added' } as const;

/** The key's items in text order, each with its state and how many problems it has. */
export const ItemList = memo(function ItemList({ id, items, text, problems, open, onOpen }: Props) {
  const sorted = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  return (
    <ol className="key-item-list" aria-label="Key items">
      {sorted.map((item) => {
        const quote = text.slice(item.start, item.end);
        const found = problems.get(item.id) ?? [];
        const errors = found.filter((p) => p.severity === 'error').length;
        return (
          <li key={item.id} className={`key-item label-${item.label}${open === item.id ? ' open' : ''}`}>
            <button
              type="button"
              id={`${id}-item-${item.id}`}
              aria-current={open === item.id ? 'true' : undefined}
              onClick={() => onOpen(item.id)}
            >
              {quoted(quote.length > 70 ? `${quote.slice(0, 69)}…` : quote)}
            </button>{' '}
            <span className="meta">
              {LABEL_NAMES[item.label]}
              {item.optional ? ', optional' : ''}
              {item.source ? `, ${SOURCE_TEXT[item.source]}` : ''}
              {errors > 0 ? `, ${errors} ${errors === 1 ? 'problem' : 'problems'}` : ''}
              {found.length > errors ? `, ${found.length - errors} warnings` : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
});
