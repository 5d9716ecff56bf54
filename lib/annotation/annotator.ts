import { indexParagraphs, offsetOf, type ParagraphIndex, rangesFor } from './dom';
import { HighlightPainter, type PaintSpan, sameSpan } from './painter';
import {
  nextParagraphFirstWord,
  nextWordStart,
  paragraphFirstWord,
  previousWordStart,
  sentenceEndAfter,
  snapToWords,
  wordAt,
  wordEndAfter,
} from './words';

export type TextSpan = { start: number; end: number };

export type AnnotatorEvents = {
  /** A selection (snapped to words) is waiting for a label, or null when it was cleared. */
  onPending: (span: TextSpan | null) => void;
  /** The reader clicked or tapped inside the text without selecting: the offset clicked. */
  onActivate: (offset: number) => void;
  /** A label was chosen from the keyboard (1, 2, 3…: its index from 0) for `span`. */
  onKeyLabel: (index: number, span: TextSpan) => void;
  /** The label menu was asked for from the keyboard (Enter or L) for `span`. */
  onMenu: (span: TextSpan) => void;
  /**
   * The label pen, when one is on: a mouse or pen selection is inked in the pen's label while
   * it is dragged (no menu is asked for), and passed to `release` when the button is released.
   * Touch and keyboard selections still use the menu and the number keys.
   *
   * `release` runs inside the release's event: it should paint at once through the annotator's
   * `put` (a SpanStore attached to the annotator does), which turns the ink into the label
   * without repainting anything, and leave everything else, the framework's updates and
   * `clearPending` among them, until after the frame that shows the label (`afterNextPaint`).
   * Until `clearPending`, the selection the release leaves behind asks for no menu.
   */
  pen?: () => Pen | null;
};

/** The label pen in effect: the label it inks with, and what labels a released selection. */
export type Pen = { label: string; release: (span: TextSpan) => void };

const CURSOR_ID = '__cursor';
/** The selection being dragged with the label pen on, drawn in the pen's label. */
const INK_ID = '__ink';

/**
 * The framework-free core of the labeling exercise: turns mouse, touch and keyboard
 * selections inside a rendered article into text offsets, and paints spans over it.
 */
export class Annotator {
  readonly index: ParagraphIndex;
  readonly text: string;
  readonly painter: HighlightPainter;
  private keyboard: TextSpan | null = null;
  /** Where the keys go on from after a label or Esc cleared their selection (the span it was). */
  private resumeFrom: TextSpan | null = null;
  private readonly abort = new AbortController();
  /** A mouse or pen button went down in the text and has not been released yet. */
  private dragging = false;
  /** The click that ends a drag the label pen just labeled is not a click on a word. */
  private labeledOnRelease = false;
  /** The selection was labeled on release and is still there until `clearPending`. */
  private releasedSelection = false;
  /** The keyboard's selection is drawn (it was made or moved with the keys, or jumped to). */
  private cursorShown = false;
  /** The selection being dragged with the label pen, drawn in its label (INK_ID). */
  private ink: PaintSpan | null = null;
  /** The frame that will move the ink to where the drag is now, or 0. */
  private inkFrame = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly bounds: TextSpan,
    private readonly events: AnnotatorEvents,
  ) {
    this.index = indexParagraphs(container);
    this.text = this.readText();
    this.painter = new HighlightPainter(this.index, 'cr', container);
    const signal = this.abort.signal;
    const doc = container.ownerDocument;
    doc.addEventListener('selectionchange', () => this.onSelectionChange(), { signal });
    container.addEventListener(
      'pointerdown',
      (e) => {
        this.dragging = e.pointerType !== 'touch' && e.button === 0;
        this.labeledOnRelease = false;
        this.releasedSelection = false;
      },
      { signal },
    );
    // The pen's ink follows a drag in the frame that shows the moved selection: the mouse's
    // moves are handled at the start of a frame, before its requestAnimationFrame callbacks,
    // while the selectionchange they cause comes after that frame.
    doc.addEventListener(
      'pointermove',
      () => {
        if (this.dragging && this.inkFrame === 0 && this.painter.isNative && this.events.pen?.())
          this.inkFrame = requestAnimationFrame(() => {
            this.inkFrame = 0;
            if (this.dragging) this.onSelectionChange();
          });
      },
      { signal, passive: true },
    );
    // The release may happen outside the text, when the drag overshoots it.
    doc.addEventListener('pointerup', () => this.onPointerUp(), { signal });
    doc.addEventListener(
      'pointercancel',
      () => {
        this.dragging = false;
        this.setInk(null);
      },
      { signal },
    );
    container.addEventListener('click', (e) => this.onClick(e), { signal });
    container.addEventListener('keydown', (e) => this.onKeyDown(e), { signal });
  }

  /**
   * The article's text as offsets count it: each paragraph's text at its start, newlines
   * between paragraphs and up to the end. Built from slices, not character by character: on
   * the 60 KB article the per-character copy took 8-11 ms of the page's hydration at full speed.
   */
  private readText(): string {
    const end = Math.max(this.bounds.end, ...this.index.ends);
    const pieces: string[] = [];
    let at = 0;
    const { elements, starts } = this.index;
    const order = elements.map((_, i) => i).sort((a, b) => (starts[a] as number) - (starts[b] as number));
    for (const i of order) {
      const start = starts[i] as number;
      const t = elements[i]?.textContent ?? '';
      if (start > at) pieces.push('\n'.repeat(start - at));
      // Paragraphs do not overlap; were one to, the text already placed is kept.
      const rest = t.slice(Math.max(0, at - start));
      pieces.push(rest);
      at = Math.max(at, start + t.length);
    }
    if (end > at) pieces.push('\n'.repeat(end - at));
    return pieces.join('');
  }

  /** The exact text of a span. */
  quote(span: TextSpan): string {
    return this.text.slice(span.start, span.end);
  }

  /** Paints exactly these spans (plus the keyboard cursor and the pen's ink). */
  paint(spans: readonly PaintSpan[]): void {
    const cursor = this.cursorShown && this.keyboard ? [{ id: CURSOR_ID, label: 'cursor', ...this.keyboard }] : [];
    this.painter.sync([...spans, ...cursor, ...(this.ink ? [this.ink] : [])]);
  }

  /**
   * Paints one span at once, wherever it is (a SpanStore attached here calls it for each label
   * added). The pen's ink of the same label and extent becomes that span: it is already drawn.
   */
  put(span: PaintSpan): void {
    const ink = this.ink;
    if (ink && sameSpan(ink, span)) {
      this.ink = null;
      if (this.painter.rename(INK_ID, span.id)) return;
      this.painter.remove(INK_ID);
    }
    this.painter.put(span);
  }

  /**
   * Draws the pen's ink over `span`, or takes it away; unchanged ink is not touched. Only with
   * native highlights: the fallback painter rebuilds the paragraph, which would drop the
   * selection being dragged.
   */
  private setInk(ink: PaintSpan | null): void {
    if (!this.painter.isNative) return;
    const now = this.ink;
    if (now === null && ink === null) return;
    if (now && ink && sameSpan(now, ink)) return;
    this.ink = ink;
    if (ink) this.painter.put(ink);
    else this.painter.remove(INK_ID);
  }

  private clamp(span: TextSpan): TextSpan | null {
    const start = Math.max(span.start, this.bounds.start);
    const end = Math.min(span.end, this.bounds.end);
    return end > start ? snapToWords(this.text, start, end) : null;
  }

  /** The document's selection inside the text, snapped to words, or null. */
  private selectedSpan(): TextSpan | null {
    const selection = this.container.ownerDocument.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!this.container.contains(range.commonAncestorContainer)) return null;
    const a = offsetOf(this.index, range.startContainer, range.startOffset);
    const b = offsetOf(this.index, range.endContainer, range.endOffset);
    if (a === null || b === null) return null;
    return this.clamp({ start: Math.min(a, b), end: Math.max(a, b) });
  }

  private onSelectionChange(): void {
    // With a label pen, a selection being dragged is inked in its label and labeled on
    // release; no menu meanwhile.
    const pen = this.dragging ? this.events.pen?.() : null;
    if (pen) {
      const span = this.selectedSpan();
      this.setInk(span ? { id: INK_ID, label: pen.label, ...span } : null);
      return;
    }
    // Nor for the selection a release has just labeled, while it waits to be cleared.
    if (this.releasedSelection) return;
    const span = this.selectedSpan();
    if (span) {
      this.keyboard = span;
      this.paintCursor(false);
      this.events.onPending(span);
    }
  }

  private onPointerUp(): void {
    if (!this.dragging) return;
    this.dragging = false;
    const pen = this.events.pen?.();
    const span = pen ? this.selectedSpan() : null;
    if (pen && span) {
      this.labeledOnRelease = true;
      this.releasedSelection = true;
      // `release` puts the label through `put`, which takes the ink over when it is this span.
      pen.release(span);
    }
    // Ink not taken over (no selection, or the label was there already) goes.
    this.setInk(null);
  }

  private onClick(event: MouseEvent): void {
    if (this.labeledOnRelease) {
      this.labeledOnRelease = false;
      return;
    }
    const selection = this.container.ownerDocument.getSelection();
    if (selection && !selection.isCollapsed) return;
    const doc = this.container.ownerDocument as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    };
    const pos = doc.caretPositionFromPoint?.(event.clientX, event.clientY);
    const caret = pos
      ? { node: pos.offsetNode, offset: pos.offset }
      : (() => {
          const r = doc.caretRangeFromPoint?.(event.clientX, event.clientY);
          return r ? { node: r.startContainer, offset: r.startOffset } : null;
        })();
    if (!caret) return;
    const offset = offsetOf(this.index, caret.node, caret.offset);
    if (offset !== null) this.events.onActivate(offset);
  }

  /**
   * Moves the keyboard selection: ← → by word (Shift extends), ↑ ↓ by paragraph (Shift+↓
   * extends to the end of the sentence), Home and End to the first and last word.
   */
  private onKeyDown(event: KeyboardEvent): void {
    if (event.target !== this.container || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (key === 'ArrowRight' || key === 'ArrowLeft') {
      event.preventDefault();
      this.moveWord(key === 'ArrowRight' ? 1 : -1, event.shiftKey);
    } else if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      if (key === 'ArrowDown' && event.shiftKey) this.extendToSentenceEnd();
      else this.moveParagraph(key === 'ArrowDown' ? 1 : -1);
    } else if (key === 'Home' || key === 'End') {
      event.preventDefault();
      const { start, end } = this.bounds;
      this.setKeyboard(
        key === 'Home' ? wordAt(this.text, start) : wordAt(this.text, previousWordStart(this.text, end)),
      );
    } else if (/^[1-9]$/.test(key) && this.keyboard) {
      event.preventDefault();
      this.events.onKeyLabel(Number(key) - 1, this.keyboard);
    } else if ((key === 'Enter' || key === 'l' || key === 'L') && this.keyboard) {
      event.preventDefault();
      this.events.onMenu(this.keyboard);
    } else if (key === 'Escape') {
      this.clearPending();
    }
  }

  /** The selection the keys move from: the present one, else the one a label or Esc cleared. */
  private keysFrom(): { current: TextSpan | null; resumed: boolean } {
    if (this.keyboard) return { current: this.keyboard, resumed: false };
    const resumed = this.resumeFrom;
    this.resumeFrom = null;
    return { current: resumed, resumed: resumed !== null };
  }

  private moveWord(direction: 1 | -1, extend: boolean): void {
    const { start, end } = this.bounds;
    const { current, resumed } = this.keysFrom();
    if (!current) {
      const first = wordAt(this.text, start);
      this.setKeyboard(first);
      return;
    }
    if (resumed) {
      // After a label, the keys go on from it: the word after it (or before it, with ←).
      const at = direction === 1 ? nextWordStart(this.text, current.end) : previousWordStart(this.text, current.start);
      this.setKeyboard(at >= start && at < end ? wordAt(this.text, at) : current);
      return;
    }
    if (extend) {
      const newEnd =
        direction === 1
          ? Math.min(end, wordEndAfter(this.text, current.end))
          : Math.max(current.start, wordEndAfter(this.text, previousWordStart(this.text, current.end - 1)));
      if (newEnd > current.start) this.setKeyboard({ start: current.start, end: newEnd });
      return;
    }
    const at = direction === 1 ? nextWordStart(this.text, current.end) : previousWordStart(this.text, current.start);
    if (at < start || at >= end) return;
    this.setKeyboard(wordAt(this.text, at));
  }

  /** ↓ to the first word of the next paragraph; ↑ to this paragraph's first word, or the previous one's. */
  private moveParagraph(direction: 1 | -1): void {
    const { start, end } = this.bounds;
    const { current, resumed } = this.keysFrom();
    if (!current) {
      this.setKeyboard(wordAt(this.text, start));
      return;
    }
    if (direction === 1) {
      const next = nextParagraphFirstWord(this.text, current.end);
      if (next && next.start < end) this.setKeyboard(next);
      else if (resumed) this.setKeyboard(current);
      return;
    }
    const first = paragraphFirstWord(this.text, current.start);
    const target =
      first.start < current.start || current.start <= start
        ? first
        : paragraphFirstWord(this.text, Math.max(start, previousWordStart(this.text, current.start)));
    this.setKeyboard(target.start < start ? wordAt(this.text, start) : target);
  }

  /** Shift+↓: the selection grows to the end of its sentence, or of the next one. */
  private extendToSentenceEnd(): void {
    const { current } = this.keysFrom();
    if (!current) {
      this.setKeyboard(wordAt(this.text, this.bounds.start));
      return;
    }
    let newEnd = sentenceEndAfter(this.text, current.end);
    if (newEnd <= current.end) newEnd = sentenceEndAfter(this.text, nextWordStart(this.text, current.end));
    newEnd = Math.min(this.bounds.end, newEnd);
    if (newEnd > current.end) this.setKeyboard({ start: current.start, end: newEnd });
  }

  /**
   * Draws the keyboard's selection (the `cursor` highlight), or takes it away: a selection made
   * with the mouse or by touch is drawn by the browser itself.
   */
  private paintCursor(show: boolean): void {
    this.cursorShown = show && this.keyboard !== null;
    if (this.cursorShown && this.keyboard) this.painter.put({ id: CURSOR_ID, label: 'cursor', ...this.keyboard });
    else this.painter.remove(CURSOR_ID);
  }

  private setKeyboard(span: TextSpan): void {
    const clamped = this.clamp(span);
    if (!clamped) return;
    this.keyboard = clamped;
    this.paintCursor(true);
    this.events.onPending(clamped);
    rangesFor(this.index, clamped.start, clamped.end)[0]?.startContainer.parentElement?.scrollIntoView({
      block: 'nearest',
    });
  }

  /** Places the keyboard selection on a span (jump-to from the list). */
  focusSpan(span: TextSpan): void {
    this.keyboard = span;
    this.paintCursor(true);
    this.events.onPending(span);
    this.container.focus({ preventScroll: true });
    rangesFor(this.index, span.start, span.end)[0]?.startContainer.parentElement?.scrollIntoView({
      block: 'center',
      behavior: 'smooth',
    });
  }

  /**
   * Forgets the pending selection (after labeling, or on Escape). Given the span just labeled,
   * it forgets only that one: a labeler that clears after the frame with the paint must not
   * drop a selection the reader has made meanwhile (on a slow device a frame is long enough).
   */
  clearPending(labeled?: TextSpan): void {
    this.releasedSelection = false;
    if (labeled) {
      const now = this.selectedSpan() ?? this.keyboard;
      if (now && (now.start !== labeled.start || now.end !== labeled.end)) return;
    }
    // Only the keys' own selection is gone on from: after a mouse selection they start afresh.
    this.resumeFrom = this.cursorShown ? (labeled ?? this.keyboard) : null;
    this.keyboard = null;
    this.paintCursor(false);
    this.container.ownerDocument.getSelection()?.removeAllRanges();
    this.events.onPending(null);
  }

  /**
   * The menu's Cancel: forgets the pending selection and gives the text the focus back, since
   * the menu, with the button that had it, goes.
   */
  cancel(): void {
    this.clearPending();
    this.container.focus();
  }

  destroy(): void {
    if (this.inkFrame !== 0) cancelAnimationFrame(this.inkFrame);
    this.abort.abort();
    this.painter.destroy();
  }
}
