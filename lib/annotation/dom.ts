/**
 * Maps between DOM positions and offsets into an article's normalized text. The article is
 * rendered as `.para` elements whose `data-start` says where their text begins; nothing in
 * a paragraph but its text (and, in the fallback painter, <mark> wrappers) is inside it.
 */

export type ParagraphIndex = { starts: number[]; ends: number[]; elements: HTMLElement[] };

/** Reads the paragraphs of a rendered article once, in text order. */
export function indexParagraphs(container: HTMLElement): ParagraphIndex {
  const elements = Array.from(container.querySelectorAll<HTMLElement>('.para[data-start]'));
  return {
    elements,
    starts: elements.map((el) => Number(el.dataset.start)),
    ends: elements.map((el) => Number(el.dataset.end)),
  };
}

/** Index of the paragraph containing `offset` (or the last one starting before it), -1 if none. */
function paragraphAt(index: ParagraphIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((index.starts[mid] as number) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function textNodes(el: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/**
 * The text offset of a DOM position (as in a Selection's anchor or focus), or null when the
 * position is outside every paragraph. Positions between paragraphs snap to the nearest edge.
 */
export function offsetOf(index: ParagraphIndex, node: Node, nodeOffset: number): number | null {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  const para = element?.closest<HTMLElement>('.para[data-start]');
  if (!para) return null;
  const i = index.elements.indexOf(para);
  if (i < 0) return null;
  const start = index.starts[i] as number;
  if (node.nodeType === Node.TEXT_NODE) {
    let count = 0;
    for (const t of textNodes(para)) {
      if (t === node) return start + count + nodeOffset;
      count += t.data.length;
    }
    return null;
  }
  // A position between the child nodes of the paragraph or of an element inside it (a <mark>
  // of the fallback painter): count the paragraph's text before that point.
  const before = para.ownerDocument.createRange();
  before.setStart(para, 0);
  before.setEnd(node, nodeOffset);
  return start + before.toString().length;
}

function point(el: HTMLElement, local: number): { node: Node; offset: number } {
  let remaining = local;
  const nodes = textNodes(el);
  for (const t of nodes) {
    if (remaining <= t.data.length) return { node: t, offset: remaining };
    remaining -= t.data.length;
  }
  const last = nodes.at(-1);
  return last ? { node: last, offset: last.data.length } : { node: el, offset: 0 };
}

/** The bounds of text [start, end) in the DOM, one per paragraph it touches. */
function boundsFor(index: ParagraphIndex, start: number, end: number): StaticRangeInit[] {
  const bounds: StaticRangeInit[] = [];
  let i = Math.max(0, paragraphAt(index, start));
  for (; i < index.elements.length; i++) {
    const pStart = index.starts[i] as number;
    const pEnd = index.ends[i] as number;
    if (pStart >= end) break;
    if (pEnd <= start) continue;
    const el = index.elements[i] as HTMLElement;
    const from = point(el, Math.max(start, pStart) - pStart);
    const to = point(el, Math.min(end, pEnd) - pStart);
    bounds.push({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset });
  }
  return bounds;
}

/** DOM ranges covering text [start, end), one per paragraph it touches. */
export function rangesFor(index: ParagraphIndex, start: number, end: number): Range[] {
  return boundsFor(index, start, end).map((b) => {
    const range = b.startContainer.ownerDocument?.createRange() ?? new Range();
    range.setStart(b.startContainer, b.startOffset);
    range.setEnd(b.endContainer, b.endOffset);
    return range;
  });
}

/**
 * The same as static ranges, for painting: the browser keeps every live Range up to date on
 * every change to the document (the label menu appearing, the list redrawn), which with a
 * few hundred labels painted costs each such change; a static range costs nothing there. The
 * article's text is never changed where highlights paint it, so nothing needs updating.
 */
export function staticRangesFor(index: ParagraphIndex, start: number, end: number): StaticRange[] {
  return boundsFor(index, start, end).map((b) => new StaticRange(b));
}
