// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { indexParagraphs } from '@/lib/annotation/dom';
import { HighlightPainter, sameExtent, sameSpan } from '@/lib/annotation/painter';

// This DOM has no CSS Custom Highlight API, so the painter takes its fallback: <mark> elements.
function setup() {
  const root = document.createElement('div');
  root.innerHTML =
    '<p class="para" data-start="0" data-end="11">Hello world</p>' +
    '<p class="para" data-start="12" data-end="26">The second one</p>';
  document.body.replaceChildren(root);
  const index = indexParagraphs(root);
  return { root, index, painter: new HighlightPainter(index) };
}

/** Each paragraph as its text with marks shown as [class: text]. */
function shape(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll('.para')).map((p) =>
    Array.from(p.childNodes)
      .map((n) => (n instanceof HTMLElement ? `[${n.className}: ${n.textContent}]` : n.textContent))
      .join(''),
  );
}

describe('HighlightPainter, fallback', () => {
  it('is not native where the browser lacks highlights', () => {
    expect(setup().painter.isNative).toBe(false);
  });

  it('wraps a span in a mark and keeps the text unchanged', () => {
    const { root, painter } = setup();
    painter.put({ id: 'a', label: 'sourcing', start: 6, end: 11 });
    expect(shape(root)).toEqual(['Hello [cr-mark-sourcing: world]', 'The second one']);
    expect(root.querySelector('.para')?.textContent).toBe('Hello world');
  });

  it('marks a span across paragraphs in each, and overlaps with both labels', () => {
    const { root, painter } = setup();
    painter.put({ id: 'a', label: 'sourcing', start: 6, end: 22 });
    painter.put({ id: 'b', label: 'loaded-language', start: 16, end: 26 });
    expect(shape(root)).toEqual([
      'Hello [cr-mark-sourcing: world]',
      '[cr-mark-sourcing: The ][cr-mark-sourcing cr-mark-loaded-language: second][cr-mark-loaded-language:  one]',
    ]);
  });

  it('replacing a span moves its mark; removing it restores plain text', () => {
    const { root, painter } = setup();
    painter.put({ id: 'a', label: 'sourcing', start: 0, end: 5 });
    painter.put({ id: 'a', label: 'unverifiable-claim', start: 12, end: 15 });
    expect(shape(root)).toEqual(['Hello world', '[cr-mark-unverifiable-claim: The] second one']);
    painter.remove('a');
    expect(shape(root)).toEqual(['Hello world', 'The second one']);
    expect(root.querySelectorAll('mark')).toHaveLength(0);
  });

  it('rename gives a span another id without repainting it, and refuses an id in use', () => {
    const { root, painter } = setup();
    painter.put({ id: 'a', label: 'sourcing', start: 6, end: 11 });
    painter.put({ id: 'b', label: 'sourcing', start: 12, end: 15 });
    const mark = root.querySelector('mark');
    expect(painter.rename('a', 'b')).toBe(false);
    expect(painter.rename('missing', 'c')).toBe(false);
    expect(painter.rename('a', 'c')).toBe(true);
    // The same element: nothing was rebuilt.
    expect(root.querySelector('mark')).toBe(mark);
    painter.remove('a');
    expect(shape(root)).toEqual(['Hello [cr-mark-sourcing: world]', '[cr-mark-sourcing: The] second one']);
    painter.remove('c');
    expect(shape(root)).toEqual(['Hello world', '[cr-mark-sourcing: The] second one']);
  });

  it('sync paints exactly the given spans, and destroy clears them all', () => {
    const { root, painter } = setup();
    painter.sync([
      { id: 'a', label: 'sourcing', start: 0, end: 5 },
      { id: 'b', label: 'sourcing', start: 16, end: 22 },
    ]);
    painter.sync([{ id: 'b', label: 'sourcing', start: 16, end: 22 }]);
    expect(shape(root)).toEqual(['Hello world', 'The [cr-mark-sourcing: second] one']);
    painter.destroy();
    expect(shape(root)).toEqual(['Hello world', 'The second one']);
  });

  it('offsets read from marked paragraphs stay right (fallback painter and dom.ts together)', async () => {
    const { root, index, painter } = setup();
    const { offsetOf } = await import('@/lib/annotation/dom');
    painter.put({ id: 'a', label: 'sourcing', start: 16, end: 22 });
    const mark = root.querySelector('mark') as HTMLElement;
    expect(offsetOf(index, mark, 0)).toBe(16);
    expect(offsetOf(index, mark, 1)).toBe(22);
    expect(offsetOf(index, mark.firstChild as Text, 3)).toBe(19);
    expect(offsetOf(index, mark.nextSibling as Text, 1)).toBe(23);
  });
});

describe('sameSpan', () => {
  const span = { id: 'a', label: 'sourcing', start: 4, end: 9 };
  it('holds for the same label and extent whatever the ids', () => {
    const other = { ...span, id: 'b' };
    expect(sameSpan(span, other)).toBe(true);
  });
  it('fails on another label, start or end', () => {
    expect(sameSpan(span, { ...span, label: 'loaded-language' })).toBe(false);
    expect(sameSpan(span, { ...span, start: 5 })).toBe(false);
    expect(sameSpan(span, { ...span, end: 10 })).toBe(false);
  });
});

describe('sameExtent', () => {
  it('compares the characters covered only', () => {
    expect(sameExtent({ start: 4, end: 9 }, { start: 4, end: 9 })).toBe(true);
    expect(sameExtent({ start: 4, end: 9 }, { start: 4, end: 10 })).toBe(false);
    expect(sameExtent({ start: 4, end: 9 }, { start: 3, end: 9 })).toBe(false);
  });
});
