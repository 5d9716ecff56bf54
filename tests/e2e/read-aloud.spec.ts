import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

// Read aloud uses the browser's own speech synthesis. The page's calls to it are recorded
// (the real synthesis still runs) to see what would be read, in what order.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { spoken: string[] };
    w.spoken = [];
    const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      w.spoken.push(u.text);
      speak(u);
    };
  });
});

const spoken = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);

test('a lesson is read aloud paragraph by paragraph, without the exercises, with pause, resume and stop', async ({
  page,
}) => {
  await page.goto('/lessons/who-says-so');
  const controls = page.getByRole('group', { name: 'Read aloud' });
  await controls.getByRole('button', { name: 'Read this lesson aloud' }).click();
  const texts = await spoken(page);
  expect(texts[0]).toBe('Lesson 1');
  expect(texts).toContain('Who says so?');
  expect(texts.length).toBeGreaterThan(20);
  // Nothing of the labeling widgets or the answer boxes is read.
  expect(texts.join(' ')).not.toContain('Submit my labels');
  expect(texts.join(' ')).not.toContain('Check my answer');
  await controls.getByRole('button', { name: 'Pause reading' }).click();
  await controls.getByRole('button', { name: 'Resume reading' }).click();
  await controls.getByRole('button', { name: 'Stop reading' }).click();
  await expect(controls.getByRole('button', { name: 'Read this lesson aloud' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an article is read aloud; where the browser has no speech synthesis there is no control', async ({
  page,
  browser,
}) => {
  await page.goto('/articles/mehr-human-rights-letter');
  await page.getByRole('button', { name: 'Read the article aloud' }).click();
  const texts = await spoken(page);
  const first = (await page.locator('.para').first().innerText()).replace(/\s+/g, ' ').trim();
  expect(texts).toContain(first);

  const bare = await (await browser.newContext()).newPage();
  await bare.addInitScript(() => Object.defineProperty(window, 'speechSynthesis', { value: undefined }));
  await bare.goto('/articles/mehr-human-rights-letter');
  await expect(bare.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(bare.getByRole('group', { name: 'Read aloud' })).toHaveCount(0);
});
