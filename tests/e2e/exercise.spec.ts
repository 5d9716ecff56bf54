import type { Locator } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import {
  clickPhrase,
  dragSelect,
  keyItems,
  paintedTexts,
  phraseEnds,
  tapPhrase,
  touchSelect,
  watchForMenu,
} from './helpers';

const LESSON = '/lessons/who-says-so';
const EXERCISE = '[data-exercise="who-says-so-attributions"]';

const coreSourcing = () =>
  keyItems('un-envoy-us-cooperation').filter((k) => k.label === 'sourcing' && !k.optional).length;

test.beforeEach(async ({ page }) => {
  await page.goto(LESSON);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test('label with mouse and keyboard, reload, submit, compare, try again', async ({ page }) => {
  const exercise = page.locator(EXERCISE);
  const frame = exercise.getByRole('region', { name: /Article text/ });
  const toolbar = exercise.getByRole('group', { name: 'Label the selection' });
  const mine = exercise.getByRole('region', { name: /My labels/ }).or(exercise.locator('.exercise-side'));

  // Three spans with the mouse; the second selection starts mid-word and snaps to whole words.
  for (const phrase of ['Majid Takht Ravanchi said', 'ess TV quoted Takhtravanchi as sayi', 'Saddam also used']) {
    await dragSelect(page, frame, phrase);
    await toolbar.getByRole('button', { name: /Sourcing/ }).click();
  }
  // One by keyboard alone: into the text, first word, extend by one word, press 1.
  await frame.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(toolbar).toContainText('Iran says');
  await page.keyboard.press('1');

  const items = mine.locator('.span-item');
  await expect(items).toHaveCount(4);
  await expect(mine).toContainText('“Press TV quoted Takhtravanchi as saying”');
  await expect(mine).toContainText('“Iran says”');

  // The draft survives a reload.
  await page.reload();
  await expect(page.locator(EXERCISE).locator('.span-item')).toHaveCount(4);

  await expectNoAxeViolations(page);

  await exercise.getByRole('button', { name: 'Submit my labels' }).click();
  const result = exercise.getByRole('region', { name: 'Your labels and the key' });
  await expect(result).toBeVisible();
  const row = result.getByRole('row', { name: /Sourcing/ });
  await expect(row.getByRole('cell').nth(0)).toHaveText(`3 of ${coreSourcing()}`);
  // Three of the four labels match the key; the fourth is the one extra.
  await expect(row.getByRole('cell').nth(1)).toHaveText('3 of 4');
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  await expect(result.getByText(/^Extra \(1\)$/)).toBeVisible();
  await expect(result.getByText(`Missed (${coreSourcing() - 3})`)).toBeVisible();
  await expect(result.locator('.feedback-item').filter({ hasText: 'Saddam also used' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The key can be shown in the text instead of my labels.
  await result.getByLabel('The key').check();
  await expect(result.getByLabel('The key')).toBeChecked();

  await exercise.getByRole('button', { name: 'Try again' }).click();
  await expect(exercise.locator('.span-item')).toHaveCount(4);
  await expect(exercise.getByRole('button', { name: 'Submit my labels' })).toBeEnabled();
  // This lesson lets the key stay visible while trying again.
  await expect(exercise.getByRole('region', { name: 'The key from your last attempt' })).toBeVisible();
});

test('the label pen inks a selection while it is dragged; the release keeps the ink as the label', async ({ page }) => {
  const exercise = page.locator(EXERCISE);
  const frame = exercise.getByRole('region', { name: /Article text/ });
  const items = exercise.locator('.span-item');
  await exercise.getByRole('radio', { name: 'As Sourcing' }).check();
  const inked = () => paintedTexts(page, 'sourcing');

  // While the button is down the selection is drawn in the pen's label, snapped to words, and
  // follows the mouse; nothing is labeled yet.
  const { x1, y1, x2, y2 } = await phraseEnds(frame, 'Majid Takht Ravanchi said');
  const said = await phraseEnds(frame, 'Ravanchi said');
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move(x2, y2, { steps: 4 });
  await expect.poll(inked).toEqual(['Majid Takht Ravanchi said']);
  await page.mouse.move(said.x1 - 4, said.y1, { steps: 2 });
  await expect.poll(inked).toEqual(['Majid Takht']);
  await expect(items).toHaveCount(0);
  await page.mouse.move(x2, y2, { steps: 2 });
  await expect.poll(inked).toEqual(['Majid Takht Ravanchi said']);

  // The release labels what was inked: one range, the label's own.
  await page.mouse.up();
  await expect(items).toHaveCount(1);
  expect(await inked()).toEqual(['Majid Takht Ravanchi said']);

  // The same words again: inked while dragged, then the ink goes, the label was there already.
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move(x2, y2, { steps: 4 });
  await expect.poll(inked).toEqual(['Majid Takht Ravanchi said', 'Majid Takht Ravanchi said']);
  await page.mouse.up();
  await expect(exercise.locator('p[aria-live="polite"]')).toContainText('already has that label');
  expect(await inked()).toEqual(['Majid Takht Ravanchi said']);
  await expect(items).toHaveCount(1);

  // A drag that leaves the text loses its ink, and its release labels nothing.
  const box = await frame.boundingBox();
  if (!box) throw new Error('the text is not shown');
  await page.mouse.move(said.x1, said.y1);
  await page.mouse.down();
  await page.mouse.move(said.x2, said.y2, { steps: 2 });
  await expect.poll(inked).toHaveLength(2);
  await page.mouse.move(box.x + box.width + 40, box.y - 40, { steps: 4 });
  await expect.poll(inked).toEqual(['Majid Takht Ravanchi said']);
  await page.mouse.up();
  await expect(items).toHaveCount(1);
  expect(await inked()).toEqual(['Majid Takht Ravanchi said']);
});

test('undo, redo, change label and delete work from the list', async ({ page }) => {
  const exercise = page.locator(EXERCISE);
  const frame = exercise.getByRole('region', { name: /Article text/ });
  await dragSelect(page, frame, 'He added');
  await exercise.getByRole('button', { name: /Sourcing/ }).click();
  await expect(exercise.locator('.span-item')).toHaveCount(1);
  await exercise.getByRole('button', { name: 'Undo' }).click();
  await expect(exercise.locator('.span-item')).toHaveCount(0);
  await exercise.getByRole('button', { name: 'Redo' }).click();
  await expect(exercise.locator('.span-item')).toHaveCount(1);
  await exercise.getByRole('button', { name: 'Kind of source of “He added”: Kind of source…' }).click();
  await exercise.getByLabel('Kind of source of “He added”').selectOption('named-person');
  await exercise.getByRole('button', { name: 'Delete “He added”' }).click();
  await expect(exercise.locator('.span-item')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(exercise.locator('.span-item')).toHaveCount(1);
  await expect(exercise.getByRole('button', { name: 'Kind of source of “He added”: Named person' })).toBeVisible();
});

test('words that begin with the article’s own quotation mark are quoted in single marks, not doubled', async ({
  page,
}) => {
  const exercise = page.locator(EXERCISE);
  const frame = exercise.getByRole('region', { name: /Article text/ });
  const menu = exercise.getByRole('group', { name: 'Label the selection' });
  // A quotation's marks are the first pair of its `quotes` (its ::before is open-quote).
  const marks = (q: Locator) => q.evaluate((el) => getComputedStyle(el).quotes.split(' ').slice(0, 2));

  // The article's own mark opens the selection: the menu quotes it ‘“an example…’.
  const words = '“an example to everyone';
  await dragSelect(page, frame, words);
  await expect(menu.locator('q')).toHaveText(words);
  expect(await marks(menu.locator('q'))).toEqual(['"‘"', '"’"']);
  await menu.getByRole('button', { name: /Sourcing/ }).click();
  const item = exercise.locator('.span-item');
  await expect(item.locator('.jump q')).toHaveText(words);
  expect(await marks(item.locator('.jump q'))).toEqual(['"‘"', '"’"']);
  await expect(item.getByRole('button', { name: `Delete ‘${words}’` })).toBeVisible();
  await expect(exercise.locator('[aria-live="polite"]')).toHaveText(`Labeled ‘${words}’ as Sourcing.`);

  // Words without a mark of their own keep the usual double marks.
  await dragSelect(page, frame, 'He added');
  await expect(menu.locator('q')).toHaveText('He added');
  expect(await marks(menu.locator('q'))).toEqual(['"“"', '"”"']);
});
test('a label’s choices in the list are buttons until used, then a select, by keyboard and by pointer', async ({
  page,
}) => {
  const exercise = page.locator(EXERCISE);
  const frame = exercise.getByRole('region', { name: /Article text/ });
  const selects = exercise.locator('.span-list select');
  await dragSelect(page, frame, 'He added');
  await exercise.getByRole('button', { name: /Sourcing/ }).click();
  await expect(exercise.locator('.span-item')).toHaveCount(1);
  // At rest the list holds no select: each choice is a button that says what it is.
  await expect(selects).toHaveCount(0);
  const kind = (now: string) => exercise.getByRole('button', { name: `Kind of source of “He added”: ${now}` });
  const select = exercise.getByLabel('Kind of source of “He added”');

  // By keyboard: Enter gives the select the focus, the arrows change it, Escape goes back.
  await kind('Kind of source…').focus();
  await page.keyboard.press('Enter');
  await expect(select).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('named-person');
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('named-organization');
  await page.keyboard.press('Escape');
  await expect(kind('Named organization or document')).toBeFocused();
  await expect(selects).toHaveCount(0);
  // Leaving the select with Tab goes on to the next control, and the select is gone too.
  await page.keyboard.press('Space');
  await expect(select).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(exercise.getByRole('button', { name: 'Delete “He added”' })).toBeFocused();
  await expect(selects).toHaveCount(0);

  // By pointer: a click opens the select, and the choice picked closes it.
  await kind('Named organization or document').click();
  await select.selectOption('anonymous');
  await expect(kind('Anonymous')).toBeFocused();
  await expect(selects).toHaveCount(0);
  await expectNoAxeViolations(page);
  // The choice is kept with the label.
  await page.reload();
  await expect(kind('Anonymous')).toBeVisible();
});

test('the label pen labels each mouse selection on release, without the menu', async ({ page }) => {
  const exercise = page.locator(EXERCISE);
  const frame = exercise.getByRole('region', { name: /Article text/ });
  const pen = exercise.getByRole('group', { name: 'Label each mouse selection' });
  const ask = pen.getByRole('radio', { name: 'Ask each time' });
  const sourcing = pen.getByRole('radio', { name: 'As Sourcing' });
  const menu = exercise.getByRole('group', { name: 'Label the selection' });
  const items = exercise.locator('.span-item');
  await expect(ask).toBeChecked();

  // The pen is chosen by keyboard: into the group, an arrow key moves the choice.
  await ask.focus();
  await page.keyboard.press('ArrowDown');
  await expect(sourcing).toBeChecked();
  await expect(exercise.locator('.label-toolbar.idle')).toContainText('labeled Sourcing at once');

  // Each release labels at once; the menu never opens, not even while dragging. A mid-word
  // start still snaps to words.
  const menuSeen = await watchForMenu(page);
  const painted = async () => (await paintedTexts(page, 'sourcing')).length;
  await dragSelect(page, frame, 'Majid Takht Ravanchi said');
  await expect(items).toHaveCount(1);
  await expect(menu).toHaveCount(0);
  expect(await painted()).toBe(1);
  await dragSelect(page, frame, 'ess TV quoted Takhtravanchi as sayi');
  await expect(items).toHaveCount(2);
  await expect(menu).toHaveCount(0);
  await expect(exercise.locator('.exercise-side')).toContainText('“Press TV quoted Takhtravanchi as saying”');
  expect(await painted()).toBe(2);
  expect(await menuSeen()).toBe(false);
  // A plain click (no selection) labels nothing.
  await frame.getByText('Saddam also used', { exact: false }).first().click();
  await expect(items).toHaveCount(2);
  await expectNoAxeViolations(page);

  // Undo takes the pen's label back like any other.
  await exercise.getByRole('button', { name: 'Undo' }).click();
  await expect(items).toHaveCount(1);

  // Back to asking: a selection opens the menu again and waits for a label.
  await ask.check();
  await dragSelect(page, frame, 'Saddam also used');
  await expect(menu).toBeVisible();
  await expect(items).toHaveCount(1);
  await menu.getByRole('button', { name: /Sourcing/ }).click();
  await expect(items).toHaveCount(2);

  // The labels are the draft's; the pen itself starts off again after a reload.
  await page.reload();
  await expect(page.locator(EXERCISE).locator('.span-item')).toHaveCount(2);
  await expect(page.locator(EXERCISE).getByRole('radio', { name: 'Ask each time' })).toBeChecked();
});

test('overlapping spans of different labels are both painted, and a click finds both', async ({ page }) => {
  await page.goto('/articles/un-envoy-us-cooperation/practice');
  const exercise = page.locator('[data-exercise="practice-un-envoy-us-cooperation"]');
  const frame = exercise.getByRole('region', { name: /Article text/ });
  const menu = exercise.getByRole('group', { name: 'Label the selection' });
  const claim =
    'The MKO terrorist group, which bears responsibility for the death of more than 12,000 Iranian civilians';
  await dragSelect(page, frame, claim);
  await menu.getByRole('button', { name: /Unverifiable claim/ }).click();
  await dragSelect(page, frame, 'terrorist group');
  await menu.getByRole('button', { name: /Loaded language/ }).click();
  const items = exercise.locator('.span-item');
  await expect(items).toHaveCount(2);

  // Both are painted, each with its own highlight, and they overlap.
  const painted = () => Promise.all(['unverifiable-claim', 'loaded-language'].map((l) => paintedTexts(page, l)));
  expect(await painted()).toEqual([[claim], ['terrorist group']]);

  // A click inside both finds both in the list; a click inside one finds only that one.
  const current = items.and(page.locator('[aria-current="true"]'));
  await clickPhrase(page, frame, 'terrorist group');
  await expect(current).toHaveCount(2);
  await clickPhrase(page, frame, 'Iranian civilians');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveClass(/label-unverifiable-claim/);
  // Deleting the outer span leaves the inner one painted.
  await exercise.getByRole('button', { name: `Delete “${claim.slice(0, 69)}…”` }).click();
  await expect(items).toHaveCount(1);
  expect(await painted()).toEqual([[], ['terrorist group']]);
});

test('notes, changing a label and jump-to; the comparison explains found, wrong-label, missed and extra', async ({
  page,
}) => {
  await page.goto('/lessons/one-letter-two-outlets');
  const exercise = page.locator('[data-exercise="one-letter-two-outlets-mehr"]');
  const frame = exercise.getByRole('region', { name: /Article text/ });
  const menu = exercise.getByRole('group', { name: 'Label the selection' });
  const key = keyItems('mehr-human-rights-letter').filter(
    (k) => !k.optional && ['sourcing', 'unverifiable-claim'].includes(k.label),
  );
  const core = (label: string) => key.filter((k) => k.label === label).length;
  const byQuote = (start: string) => key.find((k) => k.quote.startsWith(start)) as (typeof key)[number];
  const letterRead = byQuote('the letter read');
  const blasted = byQuote('Iran');
  const history = byQuote('The MKO has a long history');
  const short = (q: string) => (q.length > 70 ? `${q.slice(0, 69)}…` : q);

  // Found, with its kind and a note on why.
  await dragSelect(page, frame, letterRead.quote);
  await menu.getByRole('button', { name: /Sourcing/ }).click();
  await exercise.getByRole('button', { name: `Kind of source of “${letterRead.quote}”: Kind of source…` }).click();
  await exercise.getByLabel(`Kind of source of “${letterRead.quote}”`).selectOption('named-organization');
  await exercise.getByRole('button', { name: `Add a note on “${letterRead.quote}”` }).click();
  await exercise.getByLabel(`Why? (optional) “${letterRead.quote}”`).fill('The source is the letter itself.');
  // A wrong label: an attribution marked as a claim.
  await dragSelect(page, frame, blasted.quote);
  await menu.getByRole('button', { name: /Unverifiable claim/ }).click();
  // A claim first marked as sourcing, then changed from the list.
  await dragSelect(page, frame, history.quote);
  await menu.getByRole('button', { name: /Sourcing/ }).click();
  await exercise.getByRole('button', { name: `Label of “${short(history.quote)}”: Sourcing` }).click();
  await exercise.getByLabel(`Label of “${short(history.quote)}”`).selectOption('unverifiable-claim');
  // An extra: words the key does not mark.
  await dragSelect(page, frame, 'Antonio Guterres');
  await menu.getByRole('button', { name: /Unverifiable claim/ }).click();
  await expect(exercise.locator('.span-item')).toHaveCount(4);

  // Jump-to from the list puts the words back under the keyboard selection.
  await exercise.getByRole('button', { name: new RegExp(`^Sourcing ${letterRead.quote}`) }).click();
  await expect(menu).toContainText(`Selected: ${letterRead.quote}`);
  await page.keyboard.press('Escape');

  // The note survives a reload with the rest of the draft.
  await page.reload();
  await expect(exercise.getByLabel(`Why? (optional) “${letterRead.quote}”`)).toHaveValue(
    'The source is the letter itself.',
  );

  await exercise.getByRole('button', { name: 'Submit my labels' }).click();
  const result = exercise.getByRole('region', { name: 'Your labels and the key' });
  await expect(result).toBeVisible();
  const scores = result.getByRole('region', { name: 'Scores by label' });
  await expect(scores.getByRole('columnheader')).toHaveText([
    'Label',
    'Key items you found',
    'Your labels that match the key',
    'Extra labels',
    'Combined score',
  ]);
  const cells = (name: RegExp) => scores.getByRole('row', { name }).getByRole('cell');
  // The combined score is F1, the harmonic mean of the two shares in the columns before it.
  const combined = (p: number, r: number) => `${Math.round((100 * 2 * p * r) / (p + r))}%`;
  // Sourcing: 1 key item found of n; the one label matches the key, nothing extra.
  await expect(cells(/^Sourcing/)).toHaveText([
    `1 of ${core('sourcing')}`,
    '1 of 1',
    '0',
    combined(1, 1 / core('sourcing')),
  ]);
  // Claims: 1 found; of the three labels only one matches: the wrong label and the extra do not.
  await expect(cells(/^Unverifiable claim/)).toHaveText([
    `1 of ${core('unverifiable-claim')}`,
    '1 of 3',
    '1',
    combined(1 / 3, 1 / core('unverifiable-claim')),
  ]);
  await expect(result.getByText(/The combined score is high only when both are high/)).toBeVisible();
  await expect(result).not.toContainText('Precision');

  const group = (title: string) =>
    result.locator('details').filter({ has: page.locator('summary', { hasText: title }) });
  const found = group('Found (2)');
  await expect(found.locator('.feedback-item').filter({ hasText: letterRead.quote })).toContainText(
    letterRead.explanation,
  );
  // The student's own note, beside the key's explanation.
  await expect(found.locator('.feedback-item').filter({ hasText: letterRead.quote })).toContainText(
    'Your note: The source is the letter itself.',
  );
  const claim = found.locator('.feedback-item').filter({ hasText: history.quote.slice(0, 40) });
  await expect(claim).toContainText(history.explanation);
  await expect(claim).toContainText(`How to check: ${history.check}`);
  // The basis was asked for and left unchosen: said so in words, never as an empty quotation.
  await expect(claim).toContainText('You did not choose a basis (why it cannot be checked); the key says');
  await expect(result).not.toContainText('You chose “”');
  await expect(group('Wrong label (1)').locator('.feedback-item')).toContainText(blasted.quote);
  await expect(group('Wrong label (1)').locator('.feedback-item')).toContainText(blasted.explanation);
  // What the student chose, beside what the key says.
  await expect(group('Wrong label (1)').locator('.feedback-item')).toContainText(
    'You labeled it Unverifiable claim; the key says Sourcing.',
  );
  await expect(group(`Missed (${key.length - 3})`)).toBeVisible();
  // A missed claim the public record qualifies shows what the record shows.
  const delistings = byQuote('Western countries, led by');
  expect(delistings.record).toBeTruthy();
  await expect(
    group(`Missed (${key.length - 3})`)
      .locator('.feedback-item')
      .filter({ hasText: delistings.quote }),
  ).toContainText(`What the record shows: ${delistings.record}`);
  await expect(result.locator('details').filter({ hasText: 'Extra (1)' })).toContainText('Antonio Guterres');
  await expectNoAxeViolations(page);
});

test('a label that costs a point on an optional item of another label is shown, not left out', async ({ page }) => {
  await page.goto('/lessons/one-letter-two-outlets');
  const exercise = page.locator('[data-exercise="one-letter-two-outlets-mehr"]');
  const frame = exercise.getByRole('region', { name: /Article text/ });
  const claim = keyItems('mehr-human-rights-letter').find(
    (k) => k.optional && k.label === 'unverifiable-claim' && k.quote.includes('murdering'),
  ) as ReturnType<typeof keyItems>[number];
  // "murdering" lies only in an optional claim: as Sourcing it earns nothing and is not excused.
  await dragSelect(page, frame, 'murdering');
  await exercise
    .getByRole('group', { name: 'Label the selection' })
    .getByRole('button', { name: /Sourcing/ })
    .click();
  await expect(exercise.locator('.span-item')).toHaveCount(1);
  await exercise.getByRole('button', { name: 'Submit my labels' }).click();
  const result = exercise.getByRole('region', { name: 'Your labels and the key' });
  const scores = result.getByRole('region', { name: 'Scores by label' });
  await expect(
    scores
      .getByRole('row', { name: /^Sourcing/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('0 of 1');
  const wrong = result.locator('details').filter({ has: page.locator('summary', { hasText: 'Wrong label (1)' }) });
  const entry = wrong.locator('.feedback-item');
  await expect(entry).toContainText(claim.quote);
  await expect(entry).toContainText(claim.explanation);
  await expect(entry).toContainText(
    'You labeled it Sourcing. The key lists it as an optional Unverifiable claim item: with that label it would cost nothing, but as Sourcing it counts against your score.',
  );
  await expect(result.locator('summary', { hasText: 'Optional items you labeled' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('a label made just before the tab closes is kept', async ({ page, context }) => {
  const frame = page.locator(EXERCISE).getByRole('region', { name: /Article text/ });
  // The exercise is running once it has written its (empty) draft: keys pressed before would be lost.
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.includes(':who-says-so-attributions:'))))
    .toBe(true);
  await frame.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('1');
  // No waiting for the list: the tab closes at once, as a student's might.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(LESSON);
  await expect(again.locator(EXERCISE).locator('.span-item')).toHaveCount(1);
  await expect(again.locator(EXERCISE).locator('.span-item')).toContainText('Iran says');
});

test.describe('on a 375 px phone with touch', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

  test('the same loop works by touch', async ({ page }) => {
    const exercise = page.locator(EXERCISE);
    const frame = exercise.getByRole('region', { name: /Article text/ });
    // Touch selects with handles, not a release: the mouse's label pen is not offered.
    await expect(exercise.getByRole('group', { name: 'Label each mouse selection' })).toBeHidden();
    for (const phrase of ['Majid Takht Ravanchi said', 'He highlighted']) {
      await touchSelect(frame, phrase);
      await exercise
        .getByRole('group', { name: 'Label the selection' })
        .getByRole('button', { name: /Sourcing/ })
        .tap();
    }
    await expect(exercise.locator('.span-item')).toHaveCount(2);
    // Tapping a labeled word marks it in the list, and the page stays on the text.
    const scrolled = await tapPhrase(page, frame, 'Takht');
    await expect(exercise.locator('.span-item[aria-current="true"]')).toContainText('Majid Takht Ravanchi said');
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    // Tapping a label in the list finds it in the text.
    await exercise.locator('.span-item .jump').first().tap();
    await exercise.getByRole('button', { name: 'Submit my labels' }).tap();
    const result = exercise.getByRole('region', { name: 'Your labels and the key' });
    await expect(
      result
        .getByRole('row', { name: /Sourcing/ })
        .getByRole('cell')
        .nth(0),
    ).toHaveText(`2 of ${coreSourcing()}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    // The score table's columns, the combined score among them, fit without scrolling sideways.
    const table = await result
      .locator('.score-table')
      .evaluate((t) => ({ table: t.scrollWidth, box: (t.parentElement as HTMLElement).clientWidth }));
    expect(table.table).toBeLessThanOrEqual(table.box);
    await exercise.getByRole('button', { name: 'Try again' }).tap();
    await expect(exercise.locator('.span-item')).toHaveCount(2);
    await expectNoAxeViolations(page);
  });
});

test('submitting with no labels asks first; the student can label instead, or submit anyway', async ({ page }) => {
  const exercise = page.locator(EXERCISE);
  const submit = exercise.getByRole('button', { name: 'Submit my labels' });
  await submit.click();
  await expect(exercise.getByRole('alert')).toContainText('You have no labels yet.');
  await expect(exercise.getByRole('region', { name: 'Your labels and the key' })).toHaveCount(0);
  // A label made meanwhile takes the question away.
  await dragSelect(page, exercise.getByRole('region', { name: /Article text/ }), 'Majid Takht Ravanchi said');
  await exercise
    .getByRole('group', { name: 'Label the selection' })
    .getByRole('button', { name: /Sourcing/ })
    .click();
  await expect(exercise.getByRole('alert')).toHaveCount(0);
  await exercise.getByRole('button', { name: 'Undo' }).click();
  await expect(exercise.locator('.span-item')).toHaveCount(0);
  await submit.click();
  await exercise.getByRole('button', { name: 'Submit with no labels' }).click();
  await expect(exercise.getByRole('region', { name: 'Your labels and the key' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('self-guided: the comparison with the key is there again after a reload, until Try again', async ({ page }) => {
  const exercise = page.locator(EXERCISE);
  await dragSelect(page, exercise.getByRole('region', { name: /Article text/ }), 'Majid Takht Ravanchi said');
  await exercise
    .getByRole('group', { name: 'Label the selection' })
    .getByRole('button', { name: /Sourcing/ })
    .click();
  await exercise.getByRole('button', { name: 'Submit my labels' }).click();
  const result = exercise.getByRole('region', { name: 'Your labels and the key' });
  await expect(result).toBeVisible();
  const figures = await result.locator('.score-table').innerText();
  await page.reload();
  await expect(result).toBeVisible();
  expect(await result.locator('.score-table').innerText()).toBe(figures);
  await expect(exercise.getByRole('button', { name: 'Try again' })).toBeVisible();
  // Try again: editing, and so it stays after a reload.
  await exercise.getByRole('button', { name: 'Try again' }).click();
  await page.reload();
  await expect(exercise.locator('.span-item')).toHaveCount(1);
  await expect(exercise.getByRole('button', { name: 'Submit my labels' })).toBeVisible();
  await expect(result).toHaveCount(0);
});
