'use client';

import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { Label } from '@/lib/validation/labels';
import { describeStretch, type HeatData, heatLevel, keyEdges, parseHeatData } from './heat-data';

type Props = {
  /** The route that sends the per-word detail (same check as the page). */
  src: string;
  /** Whose counts set the shade: one label's, or any label's (null). */
  label: Label | null;
  labels: Label[];
};

const HINT = 'Point at or focus a shaded stretch to read its counts here; the arrow keys move between stretches.';

const NEXT: Record<string, (at: number, last: number) => number> = {
  ArrowRight: (at, last) => Math.min(last, at + 1),
  ArrowDown: (at, last) => Math.min(last, at + 1),
  ArrowLeft: (at) => Math.max(0, at - 1),
  ArrowUp: (at) => Math.max(0, at - 1),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * The exercise's text with each labeled word shaded by the share of students who labeled it
 * and the key's items outlined, loaded after the page. Nothing is inserted into the text:
 * counts appear in the readout above it on hover and focus (a polite live region, so they are
 * announced). One stretch is in the tab order; the arrow keys, Home and End move between them.
 */
export function HeatmapText({ src, label, labels }: Props) {
  const [data, setData] = useState<HeatData | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(0);
  const [readout, setReadout] = useState(HINT);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    fetch(src, { signal: abort.signal, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : null))
      .then((json) => {
        const parsed = parseHeatData(json);
        setData(parsed);
        setFailed(parsed === null);
      })
      .catch(() => {
        if (!abort.signal.aborted) setFailed(true);
      });
    return () => abort.abort();
  }, [src]);

  if (failed) return <p role="alert">The shaded article could not be loaded; the table below has the same counts.</p>;
  if (!data) return <p className="heat-loading">Loading the shaded article…</p>;

  const { start, text, submitted, stretches } = data;
  const quote = (i: number) => {
    const s = stretches[i];
    return s ? text.slice(s.start - start, s.end - start) : '';
  };
  const show = (i: number) => {
    const s = stretches[i];
    if (s) setReadout(describeStretch(s, quote(i), submitted, labels, label));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = NEXT[event.key];
    if (!move || stretches.length === 0) return;
    event.preventDefault();
    const to = move(active, stretches.length - 1);
    box.current?.querySelector<HTMLElement>(`[data-stretch="${to}"]`)?.focus();
  };

  const parts: React.ReactNode[] = [];
  let cursor = start;
  let inKey = false;
  stretches.forEach((s, i) => {
    // Text between two stretches of one key item keeps the item's outline.
    const between = s.start > cursor ? text.slice(cursor - start, s.start - start) : '';
    if (between)
      parts.push(
        inKey ? (
          <span key={`gap-${cursor}`} className="heat-key-gap">
            {between}
          </span>
        ) : (
          between
        ),
      );
    const level = heatLevel(label ? s.counts[label] : s.any, submitted);
    const edges = keyEdges(stretches, i);
    const key =
      s.keys.length === 0 ? '' : ` heat-key${edges.opens ? ' key-opens' : ''}${edges.closes ? ' key-closes' : ''}`;
    parts.push(
      <span
        key={s.start}
        data-stretch={i}
        className={`heat heat-${level}${key}`}
        tabIndex={i === active ? 0 : -1}
        onFocus={() => {
          setActive(i);
          show(i);
        }}
        onMouseEnter={() => show(i)}
      >
        {quote(i)}
      </span>,
    );
    inKey = edges.joinsNext;
    cursor = s.end;
  });
  if (cursor < start + text.length) parts.push(text.slice(cursor - start));

  return (
    <>
      <p className="heat-readout" role="status" aria-live="polite">
        {readout}
      </p>
      <div
        ref={box}
        className="heatmap-text"
        role="group"
        aria-label="The article, shaded by how many students labeled each word"
        onKeyDown={onKeyDown}
      >
        {parts}
      </div>
    </>
  );
}
