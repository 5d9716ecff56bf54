import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';

// On a long article, only the labels near the screen are registered with the browser's
// highlights (lib/annotation/near-screen.ts: the browser rebuilds every registered highlight
// on each change): scrolling brings the others, a jump from the list and printing too.

const PRACTICE = '/articles/envoy-speech-aggregation/practice';

/** The paragraphs (by where their text starts) holding a registered range of the label. */
function registeredParagraphs(page: Page, label = 'sourcing'): Promise<number[]> {
  return page.evaluate((name) => {
    const ranges = [
      ...((CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(name) ?? []),
    ];
    return ranges.map((r) => Number(r.startContainer.parentElement?.closest<HTMLElement>('.para')?.dataset.start));
  }, `cr-${label}`);
}

/** Opens the aggregation practice page with the first word of every paragraph labeled. */
async function openWithLongDraft(page: Page) {
  await page.goto(PRACTICE);
  // A draft with the first word of every paragraph labeled, as a student's long draft.
  const { key, spans } = await page.locator('.text-frame').evaluate((root) => {
    const section = root.closest('[data-exercise]') as HTMLElement;
    const sha = root.querySelector<HTMLElement>('.article-text')?.dataset.sha256;
    const paras = Array.from(root.querySelectorAll<HTMLElement>('.para'));
    return {
      key: `close-read:v1:exercise:${section.dataset.exercise}:${sha}`,
      spans: paras.map((p, i) => {
        const start = Number(p.dataset.start);
        const word = /^[\p{L}\p{N}]+/u.exec(p.textContent ?? '')?.[0] ?? '';
        return { id: `draft-${i}`, label: 'sourcing', start, end: start + word.length };
      }),
    };
  });
  const usable = spans.filter((s) => s.end > s.start);
  expect(usable.length).toBeGreaterThan(150);
  // Stored from a page without the exercise, which would save its own state on leaving.
  await page.goto('/');
  await page.evaluate(([k, s]) => localStorage.setItem(k as string, JSON.stringify({ spans: s, savedAt: '' })), [
    key,
    usable,
  ] as const);
  await page.goto(PRACTICE);
  await expect(page.locator('.span-item')).toHaveCount(usable.length);
  return usable;
}

test('only labels near the screen are registered; scrolling, a jump from the list and printing bring the others', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const usable = await openWithLongDraft(page);
  const first = usable[0]?.start as number;
  const last = usable.at(-1)?.start as number;

  // At the top of the text: the first paragraphs' labels, not the last one's, and far fewer
  // than all.
  await expect.poll(() => registeredParagraphs(page)).toContain(first);
  const top = await registeredParagraphs(page);
  expect(top).not.toContain(last);
  expect(top.length).toBeLessThan(usable.length / 2);

  // Scrolled to the end, the last one comes and the first one goes.
  await page.locator('.text-frame .para').last().scrollIntoViewIfNeeded();
  await expect.poll(() => registeredParagraphs(page)).toContain(last);
  await expect.poll(() => registeredParagraphs(page)).not.toContain(first);

  // A jump from the list registers the label's part at once, before any scrolling is done.
  await page.locator('.span-item button.jump').first().click();
  expect(await registeredParagraphs(page)).toContain(first);

  // Printing registers every label, and after it only those near the screen stay.
  await page.evaluate(() => {
    const w = window as unknown as { printed?: number };
    addEventListener('beforeprint', () => {
      const ranges = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('cr-sourcing');
      w.printed = ranges?.size ?? 0;
    });
  });
  await page.pdf();
  expect(await page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(usable.length);
  await expect.poll(async () => (await registeredParagraphs(page)).length).toBeLessThan(usable.length / 2);
});

test('on a phone too, scrolling the text brings the far labels and lets the first ones go', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const usable = await openWithLongDraft(page);
  const first = usable[0]?.start as number;
  const last = usable.at(-1)?.start as number;
  await page.locator('.text-frame').scrollIntoViewIfNeeded();
  await expect.poll(() => registeredParagraphs(page)).toContain(first);
  expect(await registeredParagraphs(page)).not.toContain(last);
  await page.locator('.text-frame .para').last().scrollIntoViewIfNeeded();
  await expect.poll(() => registeredParagraphs(page)).toContain(last);
  await expect.poll(() => registeredParagraphs(page)).not.toContain(first);
});
