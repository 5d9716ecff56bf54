'use client';

import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * The box around a table that may be wider than a phone's screen: the table scrolls sideways
 * inside it and the page does not. While the table is wider than the box, the box is a region
 * named as the table that takes the keyboard's focus, so the arrow keys scroll it (WCAG 2.1.1);
 * while it fits, the box is no stop on the way, unless it is a `landmark`: a place the reader
 * jumps to (a student's scores), always a named region. Printed, it lets the table out whole.
 */
export function TableScroll({
  label,
  landmark = false,
  children,
}: {
  label: string;
  landmark?: boolean;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className="table-scroll"
      {...(scrolls || landmark ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </div>
  );
}
