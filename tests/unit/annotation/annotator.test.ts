// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Annotator, type AnnotatorEvents, type TextSpan } from '@/lib/annotation/annotator';
import { afterNextPaint } from '@/lib/annotation/frames';

/** One frame: resolves in a requestAnimationFrame callback queued now. */
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** A task after the current ones (and after the timers they queued). */
const task = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

describe('afterNextPaint', () => {
  it('runs after the next frame, in a task of its own, never inside the caller or the frame', async () => {
    const seen: string[] = [];
    afterNextPaint(() => seen.push('work'));
    expect(seen).toEqual([]);
    await frame();
    // The frame's callbacks have run; the work waits for the task after them.
    expect(seen).toEqual([]);
    await task();
    expect(seen).toEqual(['work']);
  });

  it('can be cancelled before it runs', async () => {
    const seen: string[] = [];
    const cancel = afterNextPaint(() => seen.push('work'));
    await frame();
    cancel();
    await task();
    expect(seen).toEqual([]);
  });
});

/** The annotator made by `mount`, destroyed after each test. */
let mounted: Annotator | null = null;
afterEach(() => {
  mounted?.destroy();
  mounted = null;
});

/** One paragraph, "Officials said it was false", with an annotator over it; events default to none. */
function mount(events: Partial<AnnotatorEvents> = {}) {
  const root = document.createElement('div');
  root.tabIndex = 0;
  root.innerHTML = '<p class="para" data-start="0" data-end="27">Officials said it was false</p>';
  document.body.replaceChildren(root);
  mounted = new Annotator(
    root,
    { start: 0, end: 27 },
    { onPending: () => {}, onActivate: () => {}, onKeyLabel: () => {}, onMenu: () => {}, ...events },
  );
  return { root, annotator: mounted };
}

describe('Annotator with a label pen', () => {
  function setup() {
    const pending: (TextSpan | null)[] = [];
    const labeled: TextSpan[] = [];
    const { root, annotator } = mount({
      onPending: (span) => pending.push(span),
      pen: () => ({ label: 'sourcing', release: (span) => labeled.push(span) }),
    });
    const text = root.querySelector('.para')?.firstChild as Text;
    const select = (from: number, to: number) => {
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, to);
      const selection = document.getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    };
    return { root, pending, labeled, select, annotator };
  }

  it('labels the selection on release, and the selection left behind opens no menu until cleared', () => {
    const { root, pending, labeled, select, annotator } = setup();
    root.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', button: 0, bubbles: true }));
    select(2, 13); // "ficials sai": snapped to whole words
    document.dispatchEvent(new PointerEvent('pointerup', { pointerType: 'mouse', button: 0, bubbles: true }));
    expect(labeled).toEqual([{ start: 0, end: 14 }]);
    // The selection stays until the labeler clears it after its paint; a selectionchange meanwhile
    // (the browser's own, queued during the drag) is not a new selection waiting for the menu.
    document.dispatchEvent(new Event('selectionchange'));
    expect(pending).toEqual([]);
    annotator.clearPending();
    expect(pending).toEqual([null]);
    // After that, a selection made otherwise (keyboard, touch) asks for the menu again.
    select(15, 17);
    expect(pending[0]).toBeNull();
    expect(pending.at(-1)).toEqual({ start: 15, end: 17 });
  });

  it('draws no ink while dragging where the browser lacks highlights (marks would drop the selection)', () => {
    const { root, labeled, select } = setup();
    root.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', button: 0, bubbles: true }));
    select(0, 9);
    const text = root.querySelector('.para')?.firstChild;
    expect(root.querySelectorAll('mark')).toHaveLength(0);
    // The selection is still on the paragraph's own text node.
    expect(document.getSelection()?.getRangeAt(0).startContainer).toBe(text);
    document.dispatchEvent(new PointerEvent('pointerup', { pointerType: 'mouse', button: 0, bubbles: true }));
    expect(labeled).toEqual([{ start: 0, end: 9 }]);
  });

  it('after a label, clears the labeled selection only: one made meanwhile waits for its label', () => {
    const { pending, select, annotator } = setup();
    select(0, 9); // "Officials", labeled from the menu
    const labeled = pending.at(-1) as TextSpan;
    expect(labeled).toEqual({ start: 0, end: 9 });
    // Before the labeler's clearing runs (after the frame with the paint), the reader selects again.
    select(15, 17);
    annotator.clearPending(labeled);
    expect(pending.at(-1)).toEqual({ start: 15, end: 17 });
    expect(document.getSelection()?.toString()).toBe('it');
    // Clearing the span that is pending does clear it.
    annotator.clearPending({ start: 15, end: 17 });
    expect(pending.at(-1)).toBeNull();
    expect(document.getSelection()?.isCollapsed ?? true).toBe(true);
  });
});

describe('Annotator, the keyboard cursor', () => {
  // This DOM has no CSS Custom Highlight API: the cursor is drawn as a <mark> by the fallback painter.
  function setup() {
    const { root, annotator } = mount();
    const key = (k: string, shiftKey = false) =>
      root.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));
    const cursor = () => Array.from(root.querySelectorAll('.cr-mark-cursor')).map((m) => m.textContent);
    return { root, key, cursor, annotator };
  }

  it('is drawn where the arrow keys put it, follows them, and goes with Escape', () => {
    const { key, cursor } = setup();
    expect(cursor()).toEqual([]);
    key('ArrowRight');
    expect(cursor()).toEqual(['Officials']);
    key('ArrowRight');
    expect(cursor()).toEqual(['said']);
    key('ArrowRight', true);
    expect(cursor()).toEqual(['said it']);
    key('Escape');
    expect(cursor()).toEqual([]);
  });

  it('is drawn on a span jumped to, and not over a selection made with the mouse', () => {
    const { root, key, cursor, annotator } = setup();
    annotator.focusSpan({ start: 15, end: 17 });
    expect(cursor()).toEqual(['it']);
    const text = root.querySelector('.para')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 9);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    expect(cursor()).toEqual([]);
    // The keys go on from the mouse's selection, and draw again.
    key('ArrowRight');
    expect(cursor()).toEqual(['said']);
  });
});

describe('Annotator, moving through a long text by keyboard', () => {
  // Three paragraphs; the text between them is a line break.
  const PARAS = ['Officials said it was false. They lied.', 'Critics slammed it.', 'The end.'];
  function setup() {
    const root = document.createElement('div');
    root.tabIndex = 0;
    let at = 0;
    root.innerHTML = PARAS.map((p) => {
      const html = `<p class="para" data-start="${at}" data-end="${at + p.length}">${p}</p>`;
      at += p.length + 1;
      return html;
    }).join('');
    document.body.replaceChildren(root);
    const text = PARAS.join('\n');
    const labeled: TextSpan[] = [];
    let annotator: Annotator | null = null;
    annotator = new Annotator(
      root,
      { start: 0, end: text.length },
      {
        onPending: () => {},
        onActivate: () => {},
        onMenu: () => {},
        // As the exercise does: the span is labeled, then the selection is cleared.
        onKeyLabel: (_label, span) => {
          labeled.push(span);
          annotator?.clearPending(span);
        },
      },
    );
    mounted = annotator;
    const key = (k: string, shiftKey = false) =>
      root.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));
    const cursor = () => Array.from(root.querySelectorAll('.cr-mark-cursor')).map((m) => m.textContent);
    return { key, cursor, labeled };
  }

  it('goes on after a label from the word after it, not from the first word', () => {
    const { key, cursor, labeled } = setup();
    key('ArrowRight');
    key('ArrowRight');
    key('1');
    expect(labeled).toEqual([{ start: 10, end: 14 }]);
    expect(cursor()).toEqual([]);
    key('ArrowRight');
    expect(cursor()).toEqual(['it']);
    key('1');
    key('ArrowLeft');
    expect(cursor()).toEqual(['said']);
    // Esc too: the keys go on from where it was.
    key('ArrowRight');
    key('Escape');
    key('ArrowRight');
    expect(cursor()).toEqual(['was']);
  });

  it('moves by paragraph with ↓ and ↑, and to the first and last word with Home and End', () => {
    const { key, cursor } = setup();
    key('ArrowDown');
    expect(cursor()).toEqual(['Officials']);
    key('ArrowDown');
    expect(cursor()).toEqual(['Critics']);
    key('ArrowDown');
    expect(cursor()).toEqual(['The']);
    key('ArrowDown');
    expect(cursor()).toEqual(['The']);
    key('ArrowUp');
    expect(cursor()).toEqual(['Critics']);
    key('ArrowRight');
    key('ArrowUp');
    expect(cursor()).toEqual(['Critics']);
    key('ArrowUp');
    expect(cursor()).toEqual(['Officials']);
    key('ArrowUp');
    expect(cursor()).toEqual(['Officials']);
    key('End');
    expect(cursor()).toEqual(['end']);
    key('Home');
    expect(cursor()).toEqual(['Officials']);
  });

  it('extends to the end of the sentence with Shift+↓, then to the next one', () => {
    const { key, cursor } = setup();
    key('ArrowRight');
    key('ArrowDown', true);
    expect(cursor()).toEqual(['Officials said it was false.']);
    key('ArrowDown', true);
    expect(cursor()).toEqual(['Officials said it was false. They lied.']);
  });
});

describe('Annotator, the text its offsets count', () => {
  function textOf(html: string, bounds: TextSpan): string {
    const root = document.createElement('div');
    root.innerHTML = html;
    document.body.replaceChildren(root);
    mounted = new Annotator(root, bounds, {
      onPending: () => {},
      onActivate: () => {},
      onMenu: () => {},
      onKeyLabel: () => {},
    });
    return mounted.text;
  }

  it('puts each paragraph at its start, with line breaks between paragraphs and up to the end', () => {
    const html =
      '<h2 class="para" data-start="0" data-end="5">Title</h2>' +
      '<p class="para" data-start="7" data-end="16">Body one.</p>' +
      '<p class="para" data-start="17" data-end="26">Body two.</p>';
    expect(textOf(html, { start: 0, end: 28 })).toBe('Title\n\nBody one.\nBody two.\n\n');
  });

  it('counts from 0 for an excerpt that starts later, and reads paragraphs in the order of their offsets', () => {
    const html =
      '<p class="para" data-start="12" data-end="16">Last</p>' +
      '<p class="para" data-start="4" data-end="10">Middle</p>';
    const text = textOf(html, { start: 4, end: 16 });
    expect(text).toBe('\n\n\n\nMiddle\n\nLast');
    expect(mounted?.quote({ start: 4, end: 10 })).toBe('Middle');
    expect(mounted?.quote({ start: 12, end: 16 })).toBe('Last');
  });
});
