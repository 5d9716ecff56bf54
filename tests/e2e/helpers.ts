import { execFileSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';

export type KeyRow = {
  article: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  optional: boolean;
  explanation: string;
  check?: string;
  basis?: string;
  record: string | null;
};

let keyRows: KeyRow[] | undefined;

/** Every resolved key item, read through the project's own `keys` command. */
export function keyItems(article: string): KeyRow[] {
  keyRows ??= JSON.parse(execFileSync('npm', ['run', '--silent', 'keys', '--', '--json'], { encoding: 'utf8' }));
  return (keyRows ?? []).filter((k) => k.article === article);
}

/** Window coordinates of the first and last character of `phrase` inside `frame`, scrolled into view. */
export async function phraseEnds(frame: Locator, phrase: string) {
  const box = await frame.evaluate(async (root, wanted) => {
    for (const p of Array.from(root.querySelectorAll<HTMLElement>('.para'))) {
      const t = p.firstChild as Text | null;
      const i = t?.data.indexOf(wanted) ?? -1;
      if (!t || i < 0) continue;
      // The paragraph groups brought near the screen are laid out in the next frame
      // (content-visibility), which can move the text: measure once they have been.
      const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      p.scrollIntoView({ block: 'center' });
      await frames();
      p.scrollIntoView({ block: 'center' });
      await frames();
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 1);
      const a = r.getBoundingClientRect();
      r.setStart(t, i + wanted.length - 1);
      r.setEnd(t, i + wanted.length);
      const b = r.getBoundingClientRect();
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }
    return null;
  }, phrase);
  expect(box, `"${phrase}" is in the exercise text`).not.toBeNull();
  return box as { x1: number; y1: number; x2: number; y2: number };
}

/** Selects a phrase by dragging the mouse across it, as a person would. */
export async function dragSelect(page: Page, frame: Locator, phrase: string) {
  const { x1, y1, x2, y2 } = await phraseEnds(frame, phrase);
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 4 });
  await page.mouse.move(x2, y2, { steps: 4 });
  await page.mouse.up();
}

/** The text of every range painted with a label's highlight (`cr-<label>`), as the page has them. */
export function paintedTexts(page: Page, label: string): Promise<string[]> {
  return page.evaluate(
    (name) =>
      // The painter registers static ranges (no text of their own): read each through a Range.
      [...((CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(name) ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    `cr-${label}`,
  );
}

/** Clicks the middle of a phrase (on one line) in the text, as a person clicks a word. */
export async function clickPhrase(page: Page, frame: Locator, phrase: string) {
  const { x1, y1, x2, y2 } = await phraseEnds(frame, phrase);
  await page.mouse.click((x1 + x2) / 2, (y1 + y2) / 2);
}

/**
 * Taps the middle of a phrase (on one line) in the text, as a finger does, once it is
 * scrolled into view; returns the page's scroll position just before the tap.
 */
export async function tapPhrase(page: Page, frame: Locator, phrase: string): Promise<number> {
  const { x1, y1, x2, y2 } = await phraseEnds(frame, phrase);
  const scrollBefore = await page.evaluate(() => scrollY);
  await page.touchscreen.tap((x1 + x2) / 2, (y1 + y2) / 2);
  return scrollBefore;
}

/**
 * Selects a phrase the way a touch screen's long-press handles leave it: a document
 * selection over the words (Playwright cannot drive the native handles themselves).
 */
export async function touchSelect(frame: Locator, phrase: string) {
  await frame.evaluate((root, wanted) => {
    for (const p of Array.from(root.querySelectorAll<HTMLElement>('.para'))) {
      const t = p.firstChild as Text | null;
      const i = t?.data.indexOf(wanted) ?? -1;
      if (!t || i < 0) continue;
      p.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + wanted.length);
      const s = document.getSelection();
      s?.removeAllRanges();
      s?.addRange(r);
      return;
    }
    throw new Error(`phrase not found: ${wanted}`);
  }, phrase);
}

/**
 * Starts watching the page for the label menu; the function returned says whether the menu
 * appeared since, even for a moment.
 */
export async function watchForMenu(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const w = window as unknown as { menuSeen: boolean };
    w.menuSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('.label-toolbar[role="group"]')) w.menuSeen = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { menuSeen: boolean }).menuSeen);
}
