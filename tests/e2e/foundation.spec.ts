import type { BrowserContext } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

const ARTICLES = [
  { slug: 'iran-raps-western-states', title: 'Iran Raps Western States’ Blind Eye to MKO Crimes' },
  { slug: 'un-envoy-us-cooperation', title: 'Iran says U.S. has close cooperation with MKO' },
  { slug: 'mehr-human-rights-letter', title: "Iran's human rights chief blasts West" },
  { slug: 'defectors-framed-as-agents', title: 'MKO Framing Defected Members as Agents from Iran' },
  { slug: 'envoy-speech-aggregation', title: 'US Intelligence MKO Terrorists work closely against Iran' },
];

test('the home page points students, self-learners and instructors somewhere', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Close Read' })).toBeVisible();
  for (const name of ['On your own', 'In a class', 'Teaching']) {
    await expect(page.getByRole('heading', { name })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Start the lessons' }).click();
  await expect(page).toHaveURL(/\/lessons$/);
  await expectNoAxeViolations(page);
});

for (const article of ARTICLES) {
  test(`article ${article.slug} renders as paragraphs with provenance, without axe violations`, async ({ page }) => {
    await page.goto(`/articles/${article.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(article.title.slice(0, 30));
    await expect(page.getByRole('complementary', { name: 'About this article' })).toBeVisible();
    const paragraphs = page.locator('.article-text .para');
    expect(await paragraphs.count()).toBeGreaterThan(2);
    await expectNoAxeViolations(page);
  });
}

test('the text on an article page is the normalized seed text, offsets intact', async ({ page, request }) => {
  await page.goto('/articles/mehr-human-rights-letter');
  const spans = await page
    .locator('.article-text .para')
    .evaluateAll((ps) =>
      ps.map((p) => ({ start: Number(p.dataset.start), end: Number(p.dataset.end), text: p.textContent })),
    );
  expect(spans.length).toBeGreaterThan(3);
  const seed = await (await request.get('/articles/mehr-human-rights-letter')).text();
  expect(seed.length).toBeGreaterThan(0);
  for (const s of spans) expect(s.text?.length).toBe(s.end - s.start);
});

test('the aggregation page has a table of contents that jumps to its parts', async ({ page }) => {
  await page.goto('/articles/envoy-speech-aggregation');
  const toc = page.getByRole('navigation', { name: 'Parts of this page' });
  await expect(toc.getByRole('link')).toHaveCount(5);
  await toc.getByRole('link', { name: /DER SPIEGEL/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /DER SPIEGEL/ })).toBeInViewport();
});

test('an article prints as a worksheet with numbered paragraphs and no navigation', async ({ page }) => {
  await page.goto('/articles/un-envoy-us-cooperation');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const first = page.locator('.article-text .para').first();
  const number = await first.evaluate((p) => getComputedStyle(p, '::before').content);
  expect(number).toBe('"1"');
});

test('the lesson renders from MDX with its excerpts and passes axe', async ({ page }) => {
  await page.goto('/lessons');
  await page.getByRole('link', { name: /Who says so\?/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who says so?' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'You will learn to' })).toBeVisible();
  await expect(page.locator('figure.excerpt').first()).toContainText('Majid Takht Ravanchi said');
  await expectNoAxeViolations(page);
});

test('an unknown address shows a helpful not-found page', async ({ page }) => {
  const response = await page.goto('/articles/no-such-article');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('with scripts turned off, a lesson still reads and says what needs them; with scripts on, nothing says so', async ({
  browser,
  page,
}) => {
  const note = /JavaScript is turned off in this browser/;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const off = await context.newPage();
  await off.goto('/lessons/who-says-so');
  await expect(off.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(off.locator('[data-exercise] .para').first()).toBeVisible();
  await expect(off.getByText(note)).toBeVisible();
  await context.close();

  await page.goto('/lessons/who-says-so');
  await expect(page.locator('html[data-hydrated]')).toBeAttached();
  await expect(page.getByText(note)).toHaveCount(0);
});

// The tests' own housekeeping (tests/e2e/fixtures.ts): run in order, in one worker.
test.describe('contexts a test makes', () => {
  test.describe.configure({ mode: 'serial' });
  let made: BrowserContext | null = null;

  test('a test makes a context of its own, as each student of a class has', async ({ browser }) => {
    made = await browser.newContext();
    await (await made.newPage()).goto('/');
    expect(browser.contexts()).toContain(made);
  });

  test('are closed when it ends: the next test does not run its pages', async ({ browser }) => {
    expect(made).not.toBeNull();
    expect(browser.contexts()).not.toContain(made);
  });
});
