import { type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { dragSelect } from './helpers';
import { teacherWithClass } from './teacher';

// An instructor's own article in class: pasted, its key written in the key editor (three
// items by mouse, one by keyboard), assigned with the key held back; a student joins, labels,
// submits, and sees the instructor's explanations only after the instructor releases the key;
// the instructor changes one item's label in the class's key, rescores, and the student's
// figures follow.

const TEXT = [
  'Harbor plan fails, officials say',
  'Officials said the harbor plan failed last week.',
  'Critics slammed the reckless scheme, and the mayor admitted mistakes.',
].join('\n');

const ITEMS = [
  {
    name: /Sourcing/,
    quote: 'Officials said',
    attribute: 'vague',
    explanation: 'No official is named: who exactly said it, and how would they know?',
  },
  {
    name: /Unverifiable claim/,
    quote: 'the harbor plan failed last week',
    attribute: 'vague-source',
    explanation: 'The failure rests on unnamed officials; the article gives nothing a reader could check.',
    check: 'Look for the port authority’s own report on the plan.',
  },
  {
    name: /Loaded language/,
    quote: 'slammed',
    attribute: 'outlet',
    explanation: 'Slammed makes criticism sound violent; criticised is the neutral word.',
  },
  {
    name: /Loaded language/,
    quote: 'Harbor',
    attribute: 'outlet',
    explanation: 'The headline’s first word, labeled from the keyboard: the test’s fourth item.',
  },
];

async function joinAs(browser: Browser, joinCode: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/join');
  await page.getByRole('textbox', { name: 'Class code' }).fill(joinCode);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Join the class' }).click();
  await page.getByRole('link', { name: /go to my class/ }).click();
  await expect(page.getByRole('heading', { name: 'My class' })).toBeVisible();
  return page;
}

test('an instructor brings an article with a key, assigns it, and a student sees the key after release', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const { page, joinCode } = await teacherWithClass(browser, { name: 'Ines Ortega', className: 'Civics 10' });

  // Paste the article.
  await page.goto('/instructor/articles/new');
  await page.getByRole('textbox', { name: 'Title' }).fill('Harbor plan fails');
  await page.getByRole('textbox', { name: 'Outlet' }).fill('The Example Courier');
  await page.getByRole('textbox', { name: 'Date published' }).fill('2026-11-30');
  await page.getByRole('textbox', { name: 'Source address' }).fill('https://news.example/harbor');
  await page.getByRole('textbox', { name: 'Provenance and licence' }).fill('Written for this class as an example.');
  await page.getByRole('textbox', { name: 'Text' }).fill(TEXT);
  await page.getByRole('button', { name: 'Add the article' }).click();
  await expect(page.getByRole('heading', { name: 'Harbor plan fails', level: 1 })).toBeVisible();

  // Write its key of four items in the editor: three by mouse, one by keyboard.
  await page.getByRole('link', { name: 'Write the key in the editor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The key: Harbor plan fails' })).toBeVisible();
  await expectNoAxeViolations(page);
  const frame = page.getByRole('region', { name: /Article text/ });
  const form = page.locator('form.key-item-form');
  const describe = async (item: { attribute: string; explanation: string; check?: string }) => {
    await form.getByLabel(/^Kind of source|^Whose words|^Why it cannot/).selectOption(item.attribute);
    await form.getByLabel(/^Explanation/).fill(item.explanation);
    if (item.check) await form.getByLabel(/^How to check/).fill(item.check);
    await form.getByRole('button', { name: 'Apply to this item' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Item changed' })).toBeVisible();
  };
  for (const item of ITEMS.slice(0, 3)) {
    await dragSelect(page, frame, item.quote);
    await page.getByRole('group', { name: 'Label the selection' }).getByRole('button', { name: item.name }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Added “/ })).toBeVisible();
    await describe(item);
  }
  // Keyboard: into the text, a word selected with Shift and the arrow keys, 2 labels it.
  await frame.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('2');
  await expect(page.getByText(/^Version 1, with changes not saved yet\. 4 items\./)).toBeVisible();
  await describe(ITEMS[3] as (typeof ITEMS)[number]);
  await page.getByRole('button', { name: 'Save the key' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved as version 2/ })).toBeVisible();
  // The saved key opens again as it was saved, with nothing to fix, and saves again.
  await page.reload();
  await expect(page.getByText(/^Version 2\. 4 items\./)).toBeVisible();
  await expect(page.getByText(/problems? to fix/)).toHaveCount(0);
  await page
    .getByRole('list', { name: 'Key items' })
    .getByRole('button', { name: /Harbor/ })
    .click();
  await form.getByLabel(/^Explanation/).fill(`${ITEMS[3]?.explanation} Changed once saved.`);
  await form.getByRole('button', { name: 'Apply to this item' }).click();
  await page.getByRole('button', { name: 'Save the key' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved as version 3/ })).toBeVisible();
  await page.getByRole('link', { name: '← Harbor plan fails' }).click();
  await expect(page.locator('.key-items > li')).toHaveCount(4);

  // Assign it to the class, the key held back until released by hand.
  // The note on keys speaks of this article's key, not of the workbook's public ones.
  await expect(page.getByText('This article’s key reaches only the classes you assign it to')).toBeVisible();
  await expect(page.getByText('The workbook’s lessons have public keys by design')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Unverifiable claim' }).uncheck();
  await page.getByRole('radio', { name: 'When I release it' }).check();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assigned to Civics 10.' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A student joins and labels two phrases by mouse, then submits.
  const student = await joinAs(browser, joinCode, 'Rosa');
  await student.getByRole('link', { name: 'Harbor plan fails' }).click();
  const exercise = student.locator('[data-exercise^="own-"]');
  await expect(exercise.locator('.classroom-banner')).toContainText('Assigned to your class');
  await expectNoAxeViolations(student);
  const studentFrame = exercise.getByRole('region', { name: /Article text/ });
  for (const [phrase, label] of [
    ['Officials said', /Sourcing/],
    ['slammed', /Loaded language/],
  ] as const) {
    await dragSelect(student, studentFrame, phrase);
    await exercise.getByRole('group', { name: 'Label the selection' }).getByRole('button', { name: label }).click();
  }
  await expect(exercise.locator('.span-item')).toHaveCount(2);
  await expect(exercise.locator('.classroom-banner')).toContainText('Saved to your class.');
  await exercise.getByRole('button', { name: 'Submit my labels' }).click();
  await expect(
    exercise.getByRole('status').filter({ hasText: /Submitted\. Your teacher will release the key after/ }),
  ).toBeVisible();
  await expect(student.getByText('No official is named')).toHaveCount(0);

  // The instructor releases the key; the student sees the instructor's explanations.
  await page.goto('/instructor');
  await page.getByRole('link', { name: 'Civics 10' }).click();
  await expect(page.getByRole('heading', { name: 'Harbor plan fails' })).toBeVisible();
  // Releasing asks first: the students see the key at once.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toMatch(
      /^Release the key for “.+” now\? Every student of the class who has submitted sees it at once\.$/,
    );
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Release the key for Harbor plan fails' }).click();
  await expect(page.getByText(/^Key released \w{3} \d{1,2}, \d{4}/)).toBeVisible();
  await student.reload();
  const comparison = student
    .locator('[data-exercise^="own-"]')
    .getByRole('region', { name: 'Your labels and the key' });
  await expect(comparison).toBeVisible();
  await expect(comparison).toContainText('No official is named: who exactly said it');
  await expect(comparison).toContainText('Slammed makes criticism sound violent');
  // The unverifiable claim does not count in this assignment, so its item is not shown.
  await expect(comparison).not.toContainText('The failure rests on unnamed officials');
  const scores = student.locator('[data-exercise^="own-"] .score-table');
  const before = await scores.innerText();
  // Two of the three core items found, both labels on them: recall 2/3, precision 1, F1 80%.
  expect(before).toMatch(/All labels\s+2 of 3\s+2 of 2\s+0\s+80%/);

  // The instructor changes one item's label in the class's key (slammed: not loaded language
  // but an attribution, for the sake of the test), and rescores the class.
  await page.getByRole('link', { name: 'Review the submissions for Harbor plan fails' }).click();
  await page.getByRole('link', { name: 'Edit this class’s key' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /The class’s key: Harbor plan fails/ })).toBeVisible();
  await page
    .getByRole('list', { name: 'Key items' })
    .getByRole('button', { name: /slammed/ })
    .click();
  const itemForm = page.locator('form.key-item-form');
  await itemForm.getByLabel(/^Label$/).selectOption('sourcing');
  await itemForm.getByLabel(/^Kind of source/).selectOption('named-organization');
  await itemForm.getByRole('button', { name: 'Apply to this item' }).click();
  await page.getByRole('button', { name: 'Save the key' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved as version 1/ })).toBeVisible();
  await page.getByRole('button', { name: 'Rescore the class' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Rescored 1 submission with version 1: 1 student’s figures changed/ }),
  ).toBeVisible();
  // The student's figures follow: "slammed" as loaded language no longer matches the key.
  await student.reload();
  await expect(scores).toBeVisible();
  // Now one of three found, one of two labels on the key: F1 40%.
  expect(await scores.innerText()).toMatch(/All labels\s+1 of 3\s+1 of 2\s+0\s+40%/);
  // The banner names the assignment by the article's title.
  await expect(student.locator('[data-exercise^="own-"] .classroom-banner')).toContainText('Harbor plan fails');
});
