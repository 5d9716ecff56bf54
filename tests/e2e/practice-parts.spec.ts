import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { dragSelect, keyItems } from './helpers';

// The aggregation page joins five texts; its practice page offers each as an exercise of its
// own, scored against that part's key items only, and keeps the whole page.
const SLUG = 'envoy-speech-aggregation';
const ROOT = path.resolve(__dirname, '../..');
const meta = parse(readFileSync(path.join(ROOT, 'content/articles', `${SLUG}.yaml`), 'utf8')) as {
  seed: string;
  parts: { title: string; startsWith: string }[];
};
const text = readFileSync(path.join(ROOT, 'seeds', meta.seed), 'utf8').replace(/\r\n?/g, '\n');

/** Offsets of part n (1-based): from its first words to the end of its text before the next part. */
function partRange(n: number) {
  const start = text.indexOf(meta.parts[n - 1]?.startsWith as string);
  const next = meta.parts[n];
  const end = next ? text.slice(0, text.indexOf(next.startsWith)).trimEnd().length : text.length;
  return { start, end };
}

test('the aggregation page offers its parts, each scored against its own key items', async ({ page }) => {
  await page.goto(`/articles/${SLUG}/practice`);
  const nav = page.getByRole('navigation', { name: 'Practise one part at a time' });
  await expect(nav.getByRole('link')).toHaveText(meta.parts.map((p) => p.title));
  // The whole page stays available below the list.
  await expect(page.locator(`[data-exercise="practice-${SLUG}"]`)).toBeVisible();
  await expectNoAxeViolations(page);

  // Part 3, Xinhua's report: its own text only.
  await nav.getByRole('link', { name: meta.parts[2]?.title as string }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${SLUG}/practice/3$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meta.parts[2]?.title as string);
  const exercise = page.locator(`[data-exercise="practice-${SLUG}--part-3"]`);
  const frame = exercise.getByRole('region', { name: /Article text/ });
  await expect(frame).toContainText('UNITED NATIONS, July 9 (Xinhua)');
  await expect(frame).not.toContainText('TEHRAN, Jul. 10 (MNA)');
  await expect(frame).not.toContainText('By Luisa Hommerich');

  // One attribution of the part, then the comparison: counts from this part's key alone.
  const { start, end } = partRange(3);
  const core = keyItems(SLUG).filter((k) => !k.optional && k.start >= start && k.end <= end);
  const count = (label: string) => core.filter((k) => k.label === label).length;
  const attribution = core.find((k) => k.label === 'sourcing' && k.quote.startsWith('An Iranian envoy said'));
  expect(attribution).toBeDefined();
  await dragSelect(page, frame, attribution?.quote as string);
  await exercise
    .getByRole('group', { name: 'Label the selection' })
    .getByRole('button', { name: /Sourcing/ })
    .click();
  await exercise.getByRole('button', { name: 'Submit my labels' }).click();
  const scores = exercise.getByRole('region', { name: 'Scores by label' });
  const cells = (name: RegExp) => scores.getByRole('row', { name }).getByRole('cell');
  await expect(cells(/^Sourcing/).first()).toHaveText(`1 of ${count('sourcing')}`);
  // A label with no core item in this part and none of the student's is not scored at all.
  for (const [label, row] of [
    ['loaded-language', /^Loaded language/],
    ['unverifiable-claim', /^Unverifiable claim/],
  ] as const) {
    if (count(label) > 0) await expect(cells(row).first()).toHaveText(`0 of ${count(label)}`);
    else await expect(scores.getByRole('row', { name: row })).toHaveCount(0);
  }
  await expect(cells(/^All labels/).first()).toHaveText(`1 of ${core.length}`);
  // The whole page's key is far larger than this part's.
  expect(keyItems(SLUG).filter((k) => !k.optional).length).toBeGreaterThan(core.length * 5);
  await expectNoAxeViolations(page);
});
