import type { ReactNode } from 'react';

type Props = { title: string; tone?: 'note' | 'tip' | 'fair'; children: ReactNode };

const ICONS = { note: 'ℹ', tip: '✎', fair: '⚖' } as const;

/** A boxed aside in a lesson; the title carries the meaning, the icon only decorates. */
export function Callout({ title, tone = 'note', children }: Props) {
  return (
    <aside className={`callout callout-${tone}`}>
      <p className="callout-title">
        <span aria-hidden="true">{ICONS[tone]} </span>
        {title}
      </p>
      {children}
    </aside>
  );
}
