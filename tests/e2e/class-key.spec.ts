import { type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { dragSelect, paintedTexts, watchForMenu } from './helpers';
import { type Demo, seedDemo, signInInstructor } from './review-demo';

// The class's key editor end to end, on classes seeded with `npm run seed-demo` in the test
// server's own database: an instructor edits a shipped key item for their class, rescores,
// and another class keeps the shipped key; the editor adds (mouse, keyboard, the label pen), edits,
// deletes, undoes and redoes, with axe checks.

const DATA_DIR = process.env.E2E_DATA_DIR;

test.skip(!DATA_DIR, 'E2E_DATA_DIR is not set: the test cannot seed a class in the server’s database');

const keyPage = (demo: Demo, item?: string) =>
  `/instructor/classes/${demo.classId}/key/${demo.exerciseIds[0]}${item ? `?item=${item}` : ''}`;

async function openEditor(page: Page, demo: Demo, item?: string) {
  await page.goto(keyPage(demo, item));
  await expect(page.getByRole('heading', { level: 1, name: /The class’s key/ })).toBeVisible();
  return page.getByRole('region', { name: /Article text/ });
}

test('an edited shipped key item changes one class’s key and figures; another class keeps the shipped key', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const mine = seedDemo(DATA_DIR as string, 4);
  const other = seedDemo(DATA_DIR as string, 2);
  await signInInstructor(page, mine);
  // From the review, as an instructor finds it.
  await page.goto(`/instructor/assignments/${mine.assignmentId}/review`);
  await page.getByRole('link', { name: 'Edit this class’s key' }).click();
  await expect(page).toHaveURL(new RegExp(`/instructor/classes/${mine.classId}/key/`));
  await expect(page.getByText(/^Version 0\. \d+ items\./)).toBeVisible();
  // Open the first item and make it optional, with an explanation of the class's own.
  const first = page.getByRole('list', { name: 'Key items' }).getByRole('button').first();
  const quote = (await first.innerText()).replace(/^“|”$/g, '');
  await first.click();
  const form = page.locator('form.key-item-form');
  await form.getByLabel(/^Explanation/).fill('For this class: a borderline attribution, so it is optional.');
  await form.getByRole('checkbox', { name: /^Optional/ }).check();
  await form.getByRole('button', { name: 'Apply to this item' }).click();
  await expect(page.getByText(/with changes not saved yet/)).toBeVisible();
  await page.getByRole('button', { name: 'Save the key' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved as version 1/ })).toBeVisible();
  await page.getByRole('button', { name: 'Rescore the class' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Rescored \d+ submissions? with version 1: \d+ students?’ figures changed/ }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^Version 1\./)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Key items' })).toContainText('optional, edited');

  // The other class's instructor sees the shipped item, unchanged.
  const otherPage = await (await browser.newContext()).newPage();
  await signInInstructor(otherPage, other);
  await otherPage.goto(keyPage(other));
  await expect(otherPage.getByText(/^Version 0\./)).toBeVisible();
  const theirs = otherPage.getByRole('list', { name: 'Key items' }).getByRole('listitem').filter({ hasText: quote });
  await expect(theirs.first()).toContainText('shipped');
  await expect(theirs.first()).not.toContainText('edited');
  // And neither instructor can open the other's class key.
  await otherPage.goto(keyPage(mine));
  await expect(otherPage.getByRole('heading', { level: 1, name: /The class’s key/ })).toHaveCount(0);
});

test('the editor adds by mouse and keyboard, edits, deletes, undoes and redoes; a second tab’s save is refused', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const demo = seedDemo(DATA_DIR as string, 1);
  await signInInstructor(page, demo);
  const frame = await openEditor(page, demo);
  await expectNoAxeViolations(page);
  const count = async () => Number((await page.getByText(/^Version \d+/).innerText()).match(/(\d+) items/)?.[1]);
  const start = await count();

  // Mouse: select words, pick a label from the menu.
  const paragraph = (await frame.locator('.para').first().innerText()).trim();
  const words = paragraph.split(/\s+/).slice(0, 3).join(' ');
  await dragSelect(page, frame, words);
  await page.getByRole('group', { name: 'Label the selection' }).getByRole('button').first().click();
  await expect(page.getByRole('status').filter({ hasText: /^Added “/ })).toBeVisible();
  await expect.poll(count).toBe(start + 1);
  const form = page.locator('form.key-item-form');
  await expect(form).toBeVisible();
  await expect(form.getByRole('list', { name: 'Problems of this item' })).toContainText(/explanation/i);
  // Problems name the form's fields as the teacher reads them, not the data's.
  await expect(form.getByRole('list', { name: 'Problems of this item' })).toContainText(
    /\((Kind of source|Whose words|Why it cannot be checked)\): choose the/,
  );
  await expect(form.getByRole('list', { name: 'Problems of this item' })).not.toContainText('(attribute)');

  // Keyboard: into the text, a word to the right, Shift extends, 1 labels.
  await frame.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('1');
  await expect.poll(count).toBe(start + 2);

  // The opened item takes new words as its extent. Pressed with no words selected, the button
  // says to select them first, and the item keeps its words.
  const take = form.getByRole('button', { name: 'Use the selected words as its extent' });
  const before = await form.getByRole('heading', { level: 3 }).innerText();
  await take.click();
  await expect(form.getByRole('status').filter({ hasText: 'Select the words in the text first' })).toBeVisible();
  await expect(form.getByRole('heading', { level: 3 })).toHaveText(before);
  await dragSelect(page, frame, paragraph.split(/\s+/).slice(4, 6).join(' '));
  const chosen = await page.getByRole('group', { name: 'Label the selection' }).locator('.selected q').innerText();
  await take.click();
  await expect(page.getByRole('status').filter({ hasText: 'Extent changed; save to keep it.' })).toBeVisible();
  await expect(form.getByRole('heading', { level: 3 })).toContainText(chosen);
  await expect(form.getByText('Select the words in the text first')).toHaveCount(0);
  await expect.poll(count).toBe(start + 2);

  // Edit the opened item: explanation and attribute; problems clear.
  await form.getByLabel(/^Explanation/).fill('The words name who is speaking, so they are an attribution.');
  await form.getByLabel(/^Kind of source|^Whose words|^Why it cannot/).selectOption({ index: 1 });
  await form.getByRole('button', { name: 'Apply to this item' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Item changed' })).toBeVisible();

  // Delete it; undo brings it back, redo deletes it again.
  await form.getByRole('button', { name: 'Delete this item' }).click();
  await expect.poll(count).toBe(start + 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(count).toBe(start + 2);
  await page.keyboard.press('Control+y');
  await expect.poll(count).toBe(start + 1);
  await page.keyboard.press('Control+z');
  await expect.poll(count).toBe(start + 2);
  await expectNoAxeViolations(page);

  // Saving with an item that has problems is refused, naming them; nothing is stored.
  await page.getByRole('button', { name: 'Save the key' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /Nothing was stored/ })).toBeVisible();

  // Two tabs: both open version 0; the first saves, the second is told the key changed.
  const second = await page.context().newPage();
  await openEditor(second, demo);
  const firstTab = await (await browser.newContext()).newPage();
  await signInInstructor(firstTab, demo);
  await openEditor(firstTab, demo);
  for (const tab of [firstTab, second]) {
    await tab.getByRole('list', { name: 'Key items' }).getByRole('button').first().click();
    await tab
      .locator('form.key-item-form')
      .getByRole('checkbox', { name: /^Optional/ })
      .check();
    await tab.locator('form.key-item-form').getByRole('button', { name: 'Apply to this item' }).click();
  }
  await firstTab.getByRole('button', { name: 'Save the key' }).click();
  await expect(firstTab.getByRole('status').filter({ hasText: /Saved as version 1/ })).toBeVisible();
  await second.getByRole('button', { name: 'Save the key' }).click();
  await expect(
    second.getByRole('alert').filter({ hasText: /The key changed since you opened it: reload/ }),
  ).toBeVisible();

  // Leaving with changes not saved asks first: staying keeps them, leaving is the teacher's choice.
  const questions: string[] = [];
  second.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await second.getByRole('link', { name: 'The assignment' }).click();
  await expect.poll(() => questions).toEqual(['Leave the key editor? Your changes to the key are not saved yet.']);
  await expect(second.getByText(/with changes not saved yet/)).toBeVisible();
  second.once('dialog', (dialog) => void dialog.accept());
  await second.getByRole('link', { name: 'The assignment' }).click();
  await expect(second).toHaveURL(/\/instructor\/assignments\/[^/]+$/);
  // A saved key leaves without a question.
  await firstTab.getByRole('link', { name: 'The assignment' }).click();
  await expect(firstTab).toHaveURL(/\/instructor\/assignments\/[^/]+$/);
});

test('the label pen makes each mouse selection a key item at once, without the menu', async ({ page }) => {
  test.setTimeout(120_000);
  const demo = seedDemo(DATA_DIR as string, 1);
  await signInInstructor(page, demo);
  // From the class's assignment, as an instructor finds it there too.
  await page.goto(`/instructor/assignments/${demo.assignmentId}`);
  await page.getByRole('link', { name: 'Edit this class’s key of exercise 1' }).click();
  await expect(page).toHaveURL(new RegExp(`/instructor/classes/${demo.classId}/key/${demo.exerciseIds[0]}$`));
  await expect(page.getByRole('heading', { level: 1, name: /The class’s key/ })).toBeVisible();
  const frame = page.getByRole('region', { name: /Article text/ });
  const count = async () => Number((await page.getByText(/^Version \d+/).innerText()).match(/(\d+) items/)?.[1]);
  const start = await count();
  const pen = page.getByRole('group', { name: 'Label each mouse selection' });
  const menu = page.getByRole('group', { name: 'Label the selection' });
  await expect(pen.getByRole('radio', { name: 'Ask each time' })).toBeChecked();
  await pen.getByRole('radio', { name: 'As Sourcing' }).check();
  await expect(page.locator('.label-toolbar.idle')).toContainText('labeled Sourcing at once');
  const menuSeen = await watchForMenu(page);

  // Two releases, two items, each painted and opened for its explanation; no menu.
  const paragraphs = frame.locator('.para');
  const phrase = async (n: number) => (await paragraphs.nth(n).innerText()).trim().split(/\s+/).slice(1, 4).join(' ');
  const first = await phrase(0);
  const second = await phrase(2);
  await dragSelect(page, frame, first);
  await expect.poll(count).toBe(start + 1);
  await expect(page.getByRole('status').filter({ hasText: `Added “${first}” as Sourcing` })).toBeVisible();
  await dragSelect(page, frame, second);
  await expect.poll(count).toBe(start + 2);
  expect(await paintedTexts(page, 'sourcing')).toEqual(expect.arrayContaining([first, second]));
  await expect(page.locator('form.key-item-form')).toContainText(second);
  expect(await menuSeen()).toBe(false);
  await expectNoAxeViolations(page);

  // Undo takes the pen's item back; back to asking, a selection opens the menu and waits.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(count).toBe(start + 1);
  await pen.getByRole('radio', { name: 'Ask each time' }).check();
  await dragSelect(page, frame, second);
  await expect(menu).toBeVisible();
  expect(await count()).toBe(start + 1);
});
