import { expect, test } from './fixtures';
import { dragSelect, paintedTexts } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/lessons/words-that-judge');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test('Ctrl+Z in a note undoes the typing, not the last label', async ({ page }) => {
  const exercise = page.locator('[data-exercise="words-that-judge-letter"]');
  const frame = exercise.getByRole('region', { name: /Article text/ });
  const items = exercise.locator('.span-item');
  await dragSelect(page, frame, 'despot');
  await exercise
    .getByRole('group', { name: 'Label the selection' })
    .getByRole('button', { name: /Loaded/ })
    .click();
  await expect(items).toHaveCount(1);

  await exercise.getByRole('button', { name: 'Add a note on “despot”' }).click();
  const note = exercise.getByLabel('Why? (optional) “despot”');
  await expect(note).toBeFocused();
  // One insertion, so that one undo step takes all of it back.
  await page.keyboard.insertText('crimes');
  await expect(note).toHaveValue('crimes');
  await page.keyboard.press('Control+z');
  // The browser's own undo takes the typing back; the label stays.
  await expect(note).toHaveValue('');
  await expect(items).toHaveCount(1);

  // Outside a text box, Ctrl+Z still undoes the last label.
  await frame.focus();
  await page.keyboard.press('Control+z');
  await expect(items).toHaveCount(0);
});

test("the text's name counts the number keys the exercise has", async ({ page }) => {
  const text = (id: string) => page.locator(`[data-exercise="${id}"]`).getByRole('region', { name: /Article text/ });
  await expect(text('words-that-judge-letter')).toHaveAccessibleName(/, 1 labels the selection\.$/);
  await page.goto('/lessons/one-letter-two-outlets');
  await expect(text('one-letter-two-outlets-mehr')).toHaveAccessibleName(/, 1 or 2 label the selection\.$/);
  await page.goto('/lessons/capstone');
  const three = page
    .locator('[data-exercise]')
    .first()
    .getByRole('region', { name: /Article text/ });
  await expect(three).toHaveAccessibleName(/, 1 to 3 label the selection\.$/);
});

test('Enter in the text opens the label menu on the selection; a number key labels it', async ({ page }) => {
  const exercise = page.locator('[data-exercise="words-that-judge-letter"]');
  const frame = exercise.getByRole('region', { name: /Article text/ });
  const menu = exercise.getByRole('group', { name: 'Label the selection' });
  await frame.focus();
  await page.keyboard.press('ArrowRight');
  await expect(menu).toContainText('Kazem');
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('button').first()).toBeFocused();
  await frame.focus();
  await page.keyboard.press('1');
  await expect(exercise.locator('.span-item')).toHaveCount(1);
  // A number with no label behind it labels nothing.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('2');
  await expect(exercise.locator('.span-item')).toHaveCount(1);
});

test('Cancel in the label menu closes it and gives the text the focus back', async ({ page }) => {
  const exercise = page.locator('[data-exercise="words-that-judge-letter"]');
  const frame = exercise.getByRole('region', { name: /Article text/ });
  const menu = exercise.getByRole('group', { name: 'Label the selection' });
  await frame.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('button').first()).toBeFocused();
  await menu.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(frame).toBeFocused();
  // The hint is back; the arrow keys go on from the text.
  await expect(exercise.locator('.label-toolbar.idle')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(menu).toBeVisible();
  await expect(exercise.locator('.span-item')).toHaveCount(0);
});

test('the selection made with the arrow keys is drawn in the text, and goes once it is labeled', async ({ page }) => {
  const exercise = page.locator('[data-exercise="words-that-judge-letter"]');
  const frame = exercise.getByRole('region', { name: /Article text/ });
  await frame.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => paintedTexts(page, 'cursor')).toEqual(['Kazem']);
  await page.keyboard.press('Shift+ArrowRight');
  await expect
    .poll(() => paintedTexts(page, 'cursor'))
    .toEqual([await exercise.getByRole('group', { name: 'Label the selection' }).locator('q').innerText()]);
  await page.keyboard.press('1');
  await expect(exercise.locator('.span-item')).toHaveCount(1);
  await expect.poll(() => paintedTexts(page, 'cursor')).toEqual([]);
});

test('the keys move by paragraph and sentence, and go on after a label from where it was', async ({ page }) => {
  const exercise = page.locator('[data-exercise="words-that-judge-letter"]');
  const frame = exercise.getByRole('region', { name: /Article text/ });
  // textContent: paragraphs far from the screen are not laid out, so innerText may be empty.
  const paras = await frame.locator('.para').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  const second = paras[1] as string;
  const sentence = /^.*?[.!?]["”’)]*(?=\s|$)/u.exec(second)?.[0] as string;
  expect(sentence.length).toBeGreaterThan(0);
  await frame.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => paintedTexts(page, 'cursor')).toEqual([/^[\p{L}\p{N}’'-]+/u.exec(second)?.[0]]);
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => paintedTexts(page, 'cursor')).toEqual([sentence]);
  await page.keyboard.press('1');
  await expect(exercise.locator('.span-item')).toHaveCount(1);
  await expect(exercise.locator('.span-item q')).toHaveText(
    sentence.length > 70 ? `${sentence.slice(0, 69)}…` : sentence,
  );
  // The next word after the label, not the text's first word.
  await page.keyboard.press('ArrowRight');
  const after = /^\s*[^\p{L}\p{N}]*([\p{L}\p{N}’'-]+)/u.exec(second.slice(sentence.length))?.[1];
  await expect.poll(() => paintedTexts(page, 'cursor')).toEqual([after]);
  await page.keyboard.press('Home');
  await expect.poll(() => paintedTexts(page, 'cursor')).toEqual(['Kazem']);
});
