import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { teacherWithClass } from './teacher';

// An instructor brings an article of their own: the form refuses bad input field by field,
// the article is stored with its normalized text, exported as one YAML file with its key,
// and a workbook article's export is imported as a new article of theirs, with its key.

const TEXT = 'Officials said the harbor plan failed.\nCritics slammed the reckless scheme, reports said.';

test('an instructor adds an article, exports it, and imports a workbook article with its key', async ({ browser }) => {
  test.setTimeout(90_000);
  const { page } = await teacherWithClass(browser, { name: 'Olive Owens', className: 'Media 9' });
  await page.goto('/instructor');
  await page.getByRole('link', { name: 'My articles' }).click();
  await expect(page.getByRole('heading', { name: 'My articles', level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Add an article' }).click();

  // Nothing filled in: every required field says what it needs, and nothing is sent.
  await page.getByRole('button', { name: 'Add the article' }).click();
  await expect(page.getByText('Write the title.')).toBeVisible();
  await expect(page.getByText('Paste the article’s text: it is empty.')).toBeVisible();
  await expect(
    page.getByText('The source address must be a web address starting with http:// or https://.'),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('textbox', { name: 'Title' }).fill('Harbor plan <script>alert(1)</script>');
  await page.getByRole('textbox', { name: 'Outlet' }).fill('The Example Courier');
  await page.getByRole('textbox', { name: 'Date published' }).fill('2026-11-30');
  await page.getByRole('textbox', { name: 'Source address' }).fill('https://news.example/harbor');
  await page.getByRole('textbox', { name: 'Provenance and licence' }).fill('Pasted from the outlet for class use.');
  await page.getByRole('textbox', { name: 'Text' }).fill(TEXT);
  await page.getByRole('button', { name: 'Add the article' }).click();
  await expect(page.getByText('The title must be plain text, without HTML or script.')).toBeVisible();

  await page.getByRole('textbox', { name: 'Title' }).fill('Harbor plan fails');
  await page.getByRole('button', { name: 'Add the article' }).click();
  await expect(page.getByRole('heading', { name: 'Harbor plan fails', level: 1 })).toBeVisible();
  await expect(page.getByText(`${TEXT.length} characters, SHA-256`)).toBeVisible();
  await expectNoAxeViolations(page);

  // The export is the article and an empty key; the browser downloads it.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export the article with its key (YAML)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('harbor-plan-fails.yaml');

  // A workbook article's export, imported through the file picker, brings its whole key.
  const shipped = await page.request.get('/instructor/articles/shipped/mehr-human-rights-letter/export');
  expect(shipped.status()).toBe(200);
  const yaml = await shipped.text();
  await page.goto('/instructor/articles');
  await page.getByLabel('Article file (.yaml)').setInputFiles({
    name: 'mehr-human-rights-letter.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(yaml),
  });
  await expect(page.getByRole('textbox', { name: 'The file’s content' })).toHaveValue(yaml);
  await page.getByRole('button', { name: 'Import as a new article' }).click();
  const title = /^title: (.*)$/m.exec(yaml)?.[1] ?? '';
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const items = (yaml.match(/^ {2}- label: /gm) ?? []).length;
  expect(items).toBeGreaterThan(5);
  await expect(page.locator('.key-items > li')).toHaveCount(items);

  // A file whose quote no longer resolves is refused, naming the item; nothing is added.
  await page.goto('/instructor/articles');
  const broken = yaml.replace(/^( {4}quote: ).*$/m, '$1Not in the text at all');
  await page.getByRole('textbox', { name: 'The file’s content' }).fill(broken);
  await page.getByRole('button', { name: 'Import as a new article' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'quote not found: "Not in the text at all' })).toBeVisible();
  await expect(page.locator('.class-list > li')).toHaveCount(2);

  // A copy, with its key.
  await page.getByRole('link', { name: 'Harbor plan fails' }).click();
  await page.getByRole('button', { name: 'Make a copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied, with its key.' })).toBeVisible();
  await page.goto('/instructor/articles');
  await expect(page.getByRole('link', { name: 'Copy of Harbor plan fails' })).toBeVisible();
});

test('an instructor deletes an article of theirs after confirming; one a class has assigned stays, saying why', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { page } = await teacherWithClass(browser, { name: 'Dora Dunn', className: 'Media 10' });
  const add = async (title: string) => {
    await page.goto('/instructor/articles/new');
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await page.getByRole('textbox', { name: 'Outlet' }).fill('The Example Courier');
    await page.getByRole('textbox', { name: 'Date published' }).fill('2026-11-30');
    await page.getByRole('textbox', { name: 'Source address' }).fill('https://news.example/harbor');
    await page.getByRole('textbox', { name: 'Provenance and licence' }).fill('Pasted from the outlet for class use.');
    await page.getByRole('textbox', { name: 'Text' }).fill(TEXT);
    await page.getByRole('button', { name: 'Add the article' }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  };

  // Asked first: "Cancel" keeps it.
  await add('Pasted by mistake');
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Delete the article' }).click();
  await expect
    .poll(() => asked)
    .toEqual(['Delete “Pasted by mistake” and its key for good? An export keeps a copy you can import again.']);
  await expect(page.getByRole('heading', { name: 'Pasted by mistake', level: 1 })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete the article' }).click();
  await expect(page).toHaveURL(/\/instructor\/articles\?deleted=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'The article is deleted, with its key.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Pasted by mistake' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Assigned to a class: the article stays, and the page says what to do.
  await add('Harbor plan fails');
  await page.getByRole('radio', { name: 'When I release it' }).check();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assigned to Media 10.' })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete the article' }).click();
  await expect(page.locator('.form-error[role="alert"]')).toHaveText(
    '“Harbor plan fails” is assigned in Media 10. Delete that assignment on the class’s page first (its students’ work goes with it), then delete the article.',
  );
  await expectNoAxeViolations(page);
  await page.goto('/instructor/articles');
  await expect(page.getByRole('link', { name: 'Harbor plan fails' })).toBeVisible();
});
