import { type Browser, expect, type Page, test } from '@playwright/test';
import { parseAllDocuments, stringify } from 'yaml';
import { expectNoAxeViolations } from './axe';
import { dragSelect } from './helpers';
import { teacherWithClass } from './teacher';

// An instructor's own article in class: pasted, exported, its key written in the file and
// imported, assigned with the key held back; a student joins, labels, submits, and sees the
// instructor's explanations only after the instructor releases the key.
// (The key is written in the export's file: the key editor is not part of this version.)

const TEXT = [
  'Harbor plan fails, officials say',
  'Officials said the harbor plan failed last week.',
  'Critics slammed the reckless scheme, and the mayor admitted mistakes.',
].join('\n');

const ITEMS = [
  {
    label: 'sourcing',
    quote: 'Officials said',
    kind: 'vague',
    explanation: 'No official is named: who exactly said it, and how would they know?',
  },
  {
    label: 'unverifiable-claim',
    quote: 'the harbor plan failed last week',
    basis: 'vague-source',
    explanation: 'The failure rests on unnamed officials; the article gives nothing a reader could check.',
    check: 'Look for the port authority’s own report on the plan.',
  },
  {
    label: 'loaded-language',
    quote: 'slammed',
    voice: 'outlet',
    explanation: 'Slammed makes criticism sound violent; criticised is the neutral word.',
  },
  {
    label: 'loaded-language',
    quote: 'reckless',
    voice: 'outlet',
    explanation: 'Reckless passes judgment on the scheme instead of describing it.',
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

  // Write its key of four items in the exported file, and import it.
  const url = await page.getByRole('link', { name: 'Export the article with its key (YAML)' }).getAttribute('href');
  const exported = await (await page.request.get(url ?? '')).text();
  const [article, key] = parseAllDocuments(exported).map((d) => d.toJS()) as [
    Record<string, unknown>,
    Record<string, unknown>,
  ];
  const file = `${stringify(article)}---\n${stringify({ ...key, items: ITEMS })}`;
  await page.goto('/instructor/articles');
  await page.getByRole('textbox', { name: 'The file’s content' }).fill(file);
  await page.getByRole('button', { name: 'Import as a new article' }).click();
  await expect(page.getByRole('heading', { name: 'Harbor plan fails', level: 1 })).toBeVisible();
  await expect(page.locator('.key-items > li')).toHaveCount(4);

  // Assign it to the class, the key held back until released by hand.
  await expect(page.getByText('The workbook’s lessons have public keys by design')).toBeVisible();
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
  const frame = exercise.getByRole('region', { name: /Article text/ });
  for (const [phrase, label] of [
    ['Officials said', /Sourcing/],
    ['slammed', /Loaded language/],
  ] as const) {
    await dragSelect(student, frame, phrase);
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
  await page.getByRole('button', { name: 'Release the key for Harbor plan fails' }).click();
  await expect(page.getByText(/^Key released \w{3} \d{1,2}, \d{4}/)).toBeVisible();
  await student.reload();
  const comparison = student
    .locator('[data-exercise^="own-"]')
    .getByRole('region', { name: 'Your labels and the key' });
  await expect(comparison).toBeVisible();
  await expect(comparison).toContainText('No official is named: who exactly said it');
  await expect(comparison).toContainText('Reckless passes judgment');
  // The unverifiable claim does not count in this assignment, so its item is not shown.
  await expect(comparison).not.toContainText('The failure rests on unnamed officials');
});
