import { type ParagraphIndex, staticRangesFor } from './dom';
import { NearScreen } from './near-screen';

/** A span to paint: its label names the highlight style (`cr-<label>` in the CSS). */
export type PaintSpan = { id: string; label: string; start: number; end: number };

/** Whether two spans cover the same characters (whatever their labels and ids). */
export function sameExtent(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start === b.start && a.end === b.end;
}

/** Whether two spans have the same label and the same extent (whatever their ids). */
export function sameSpan(a: Omit<PaintSpan, 'id'>, b: Omit<PaintSpan, 'id'>): boolean {
  return a.label === b.label && sameExtent(a, b);
}

type HighlightRegistry = Map<string, Highlight>;

function registry(): HighlightRegistry | null {
  const css = globalThis.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  return css?.highlights && typeof Highlight === 'function' ? css.highlights : null;
}

/** One paragraph's piece of a painted span, and the part of the article it is in. */
type Piece = { range: AbstractRange; label: string; part: Element };

/**
 * Paints labeled spans over a rendered article without re-rendering it: with the CSS Custom
 * Highlight API where the browser has it (the DOM is never touched), otherwise by rebuilding
 * only the affected paragraphs with <mark> elements that keep the same text.
 *
 * Natively, given the article's container, only the pieces in parts of the article near the
 * screen are registered (NearScreen): Chromium rebuilds every registered highlight whenever
 * one changes, so a change costs what is near the screen, not the whole article. A span just
 * put has its parts registered at once.
 */
export class HighlightPainter {
  private readonly spans = new Map<string, PaintSpan>();
  private readonly pieces = new Map<string, Piece[]>();
  /** Each part's pieces, to register or unregister when it comes near the screen or goes. */
  private readonly byPart = new Map<Element, Set<Piece>>();
  /** Parts registered although not near the screen: a span was put there. */
  private readonly forced = new Set<Element>();
  private readonly highlights = new Map<string, Highlight>();
  private readonly native = registry();
  private readonly near: NearScreen | null;

  constructor(
    private readonly index: ParagraphIndex,
    private readonly prefix = 'cr',
    container?: HTMLElement,
  ) {
    this.near =
      this.native && container && typeof IntersectionObserver === 'function'
        ? new NearScreen(container, [...new Set(index.elements.map(partOf))], (part, near) => this.onNear(part, near))
        : null;
  }

  private shown(part: Element): boolean {
    return !this.near || this.near.has(part) || this.forced.has(part);
  }

  /** Registers or unregisters every piece in a part. */
  private setRegistered(part: Element, registered: boolean): void {
    for (const piece of this.byPart.get(part) ?? []) {
      if (registered) this.highlight(piece.label).add(piece.range);
      else this.highlights.get(piece.label)?.delete(piece.range);
    }
  }

  private onNear(part: Element, near: boolean): void {
    if (near) {
      // A part registered because a span was put there is registered already.
      if (!this.forced.delete(part)) this.setRegistered(part, true);
    } else if (!this.shown(part)) {
      this.setRegistered(part, false);
    }
  }

  /** Whether the browser paints natively (no DOM changes). */
  get isNative(): boolean {
    return this.native !== null;
  }

  private highlight(name: string): Highlight {
    let h = this.highlights.get(name);
    if (!h && this.native) {
      h = new Highlight();
      this.native.set(`${this.prefix}-${name}`, h);
      this.highlights.set(name, h);
    }
    return h as Highlight;
  }

  /**
   * Adds or replaces one span, registered at once wherever it is (the reader acts on it now):
   * its parts off the screen are registered whole until they come near and go again.
   */
  put(span: PaintSpan): void {
    this.place(span);
    for (const { part } of this.pieces.get(span.id) ?? []) {
      if (this.shown(part)) continue;
      this.forced.add(part);
      this.setRegistered(part, true);
    }
  }

  private place(span: PaintSpan): void {
    const old = this.spans.get(span.id);
    this.drop(span.id);
    this.spans.set(span.id, span);
    if (this.native) {
      const pieces = staticRangesFor(this.index, span.start, span.end).map((range) => ({
        range,
        label: span.label,
        part: partOf(range.startContainer.parentElement as Element),
      }));
      this.pieces.set(span.id, pieces);
      const h = this.highlight(span.label);
      for (const piece of pieces) {
        let inPart = this.byPart.get(piece.part);
        if (!inPart) this.byPart.set(piece.part, (inPart = new Set()));
        inPart.add(piece);
        if (this.shown(piece.part)) h.add(piece.range);
      }
      return;
    }
    // A span that moved leaves its old paragraphs: they are rebuilt without it.
    if (old && (old.start !== span.start || old.end !== span.end)) this.repaintMarks(old.start, old.end);
    this.repaintMarks(span.start, span.end);
  }

  /**
   * Gives a painted span another id, its ranges untouched: nothing is repainted (a span drawn
   * while it was being made becomes the label it was made for). False when there is no span
   * `from`, or there is already one `to`.
   */
  rename(from: string, to: string): boolean {
    const span = this.spans.get(from);
    if (!span || this.spans.has(to)) return false;
    this.spans.delete(from);
    this.spans.set(to, { ...span, id: to });
    const pieces = this.pieces.get(from);
    this.pieces.delete(from);
    if (pieces) this.pieces.set(to, pieces);
    return true;
  }

  /** Removes one span. */
  remove(id: string): void {
    const span = this.spans.get(id);
    this.drop(id);
    if (span && !this.native) this.repaintMarks(span.start, span.end);
  }

  private drop(id: string): void {
    const span = this.spans.get(id);
    if (!span) return;
    this.spans.delete(id);
    const pieces = this.pieces.get(id) ?? [];
    this.pieces.delete(id);
    const h = this.highlights.get(span.label);
    for (const piece of pieces) {
      this.byPart.get(piece.part)?.delete(piece);
      h?.delete(piece.range);
    }
  }

  /** Makes the painted set exactly `spans`, touching only what changed. */
  sync(spans: readonly PaintSpan[]): void {
    const wanted = new Map(spans.map((s) => [s.id, s]));
    for (const id of [...this.spans.keys()]) if (!wanted.has(id)) this.remove(id);
    for (const s of spans) {
      const old = this.spans.get(s.id);
      if (!old || !sameSpan(old, s)) this.place(s);
    }
  }

  /** Clears every span and, natively, unregisters the highlights. */
  destroy(): void {
    const all = [...this.spans.values()];
    this.spans.clear();
    this.pieces.clear();
    this.byPart.clear();
    this.near?.destroy();
    if (this.native) {
      for (const name of this.highlights.keys()) this.native.delete(`${this.prefix}-${name}`);
      this.highlights.clear();
    } else for (const s of all) this.repaintMarks(s.start, s.end);
  }

  /** Fallback painter: rebuilds the paragraphs overlapping [start, end) as text and marks. */
  private repaintMarks(start: number, end: number): void {
    this.index.elements.forEach((el, i) => {
      const pStart = this.index.starts[i] as number;
      const pEnd = this.index.ends[i] as number;
      if (pEnd <= start || pStart >= end) return;
      const text = el.textContent ?? '';
      const covering = [...this.spans.values()].filter((s) => s.end > pStart && s.start < pEnd);
      const cuts = new Set([0, text.length]);
      for (const s of covering) {
        cuts.add(Math.max(0, s.start - pStart));
        cuts.add(Math.min(text.length, s.end - pStart));
      }
      const points = [...cuts].sort((a, b) => a - b);
      const doc = el.ownerDocument;
      const parts: Node[] = [];
      for (let k = 0; k + 1 < points.length; k++) {
        const a = points[k] as number;
        const b = points[k + 1] as number;
        const piece = text.slice(a, b);
        const labels = covering.filter((s) => s.start - pStart < b && s.end - pStart > a).map((s) => s.label);
        if (labels.length === 0) {
          parts.push(doc.createTextNode(piece));
        } else {
          const mark = doc.createElement('mark');
          mark.className = [...new Set(labels)].map((l) => `${this.prefix}-mark-${l}`).join(' ');
          mark.textContent = piece;
          parts.push(mark);
        }
      }
      el.replaceChildren(...parts);
    });
  }
}

/** The part of the article a paragraph is in: its group of paragraphs, or itself. */
function partOf(paragraph: Element): Element {
  return paragraph.closest('.para-group') ?? paragraph.closest('.para') ?? paragraph;
}
