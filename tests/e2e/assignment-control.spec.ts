import { type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { dragSelect } from './helpers';
import { teacherWithClass } from './teacher';

// The instructor controls an assignment after making it: edits its due date (the change is
// recorded on the assignment, in the teacher's own zone), reopens it for one student (who then
// submits a second time), gives that student a later due date, copies the class for next
// year, and deletes the assignment after a confirmation that counts what goes with it.

const DATA_DIR = process.env.E2E_DATA_DIR;
const EXERCISE = 'who-says-so-attributions';

test.skip(!DATA_DIR, 'E2E_DATA_DIR is not set: the test cannot create an instructor in the server’s database');

async function joinAs(browser: Browser, joinCode: string, name: string): Promise<Page> {
  const page = await (await browser.newContext({ timezoneId: 'America/Chicago' })).newPage();
  await page.goto('/join');
  await page.getByRole('textbox', { name: 'Class code' }).fill(joinCode);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Join the class' }).click();
  await expect(page.getByRole('heading', { name: /You joined/ })).toBeVisible();
  return page;
}

/** A date `days` from today as a date input takes it (the day in UTC; the window is years wide). */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

test('edit, reopen for one student, extend, copy and delete an assignment', async ({ browser }) => {
  test.setTimeout(240_000);
  const { page, joinCode } = await teacherWithClass(browser, {
    name: 'Ms Lindqvist',
    className: 'Period 6',
    timezoneId: 'America/Chicago',
  });

  // One submission each; due at the end of a day a week on (no time typed).
  const form = page.locator('form.assignment-form');
  await form.getByRole('checkbox', { name: /Who says so/i }).check();
  await form.getByLabel('Due on (optional)').fill(dayFromNow(7));
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assigned 1 lesson.' })).toBeVisible();

  // Maya submits once; the rule gives her no second try.
  const maya = await joinAs(browser, joinCode, 'Maya R.');
  await joinAs(browser, joinCode, 'Ben K.');
  await maya.goto('/lessons/who-says-so');
  const exercise = maya.locator(`[data-exercise="${EXERCISE}"]`);
  await expect(exercise.locator('.classroom-banner')).toContainText('Assigned to your class');
  await dragSelect(maya, exercise.getByRole('region', { name: /Article text/ }), 'Majid Takht Ravanchi said');
  await exercise
    .getByRole('group', { name: 'Label the selection' })
    .getByRole('button', { name: /Sourcing/ })
    .click();
  await expect(exercise.locator('.classroom-banner')).toContainText('Saved to your class.');
  await exercise.getByRole('button', { name: 'Submit my labels' }).click();
  await expect(exercise.getByRole('region', { name: 'Your labels and the key' })).toBeVisible();
  await expect(exercise.getByRole('button', { name: 'Try again' })).toHaveCount(0);

  // The assignment's own page: the dates are shown in the teacher's zone, with its name.
  await page.reload();
  await page.getByRole('link', { name: /Change Who says so/ }).click();
  await expect(page.getByRole('heading', { name: /Who says so/, level: 1 })).toBeVisible();
  const meta = page.locator('p.meta');
  // The browser speaks en-US here: 23:59 reads 11:59 PM.
  await expect(meta).toContainText(/Due .*11:59\s?PM CST/);
  await expect(page.getByText('No changes since.')).toBeVisible();
  const edit = page.getByRole('form', { name: 'Change the assignment' });
  await expect(edit.getByLabel('Due on (optional)')).toHaveValue(dayFromNow(7));
  await expect(edit.getByLabel('at (optional)').nth(1)).toHaveValue('23:59');
  await expectNoAxeViolations(page);

  // A bad edit is refused at the field and loses nothing; a good one is recorded.
  await edit.getByLabel('Opens on (optional)').fill(dayFromNow(9));
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByText('The due date must come after the opening date.')).toBeVisible();
  await expect(edit.getByLabel('Opens on (optional)')).toHaveValue(dayFromNow(9));
  await edit.getByLabel('Opens on (optional)').fill('');
  await edit.getByLabel('Due on (optional)').fill(dayFromNow(8));
  await edit.getByLabel('at (optional)').nth(1).fill('17:00');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved 1 change.' })).toBeVisible();
  const history = page.getByRole('list', { name: 'Changes' });
  await expect(history).toContainText(/Due date changed on .* CST from .*11:59\s?PM CST to .*5:00\s?PM CST\./);
  await expect(meta).toContainText(/Due .*5:00\s?PM CST/);

  // Reopen for Maya only: she gets a second try and the list shows her second attempt.
  await page.getByRole('button', { name: 'Reopen for Maya R.' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Reopened/ })).toBeVisible();
  await expect(history).toContainText(/Reopened for Maya R\. on .* CST/);
  await expect(page.getByRole('row', { name: /Maya R\./ })).toContainText('reopened once');
  await maya.reload();
  await exercise.getByRole('button', { name: 'Try again' }).click();
  await exercise.getByRole('button', { name: 'Submit my labels' }).click();
  await expect(exercise.getByRole('region', { name: 'Your labels and the key' })).toBeVisible();
  // That was the one more attempt: the exercise offers no third, now or loaded again.
  await expect(exercise.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await maya.reload();
  await expect(exercise.getByRole('region', { name: 'Your labels and the key' })).toBeVisible();
  await expect(exercise.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await page.reload();
  const submitted = page.getByRole('list', { name: /Submissions for Who says so/ });
  await expect(submitted).toContainText(/Maya R\.: exercise 1, attempt 1/);
  await expect(submitted).toContainText(/Maya R\.: exercise 1, attempt 2/);

  // A later due date for Maya alone: a day is needed; then it shows in her row and the history.
  await page.getByText('Later due date for Maya R.').click();
  const extension = page.getByRole('form', { name: 'Later due date for Maya R.' });
  await extension.getByRole('button', { name: /Give Maya R\. this due date/ }).click();
  await expect(extension.getByText('The new due date: choose a day.')).toBeVisible();
  await extension.getByLabel('New due date for Maya R.').fill(dayFromNow(10));
  await extension.getByRole('button', { name: /Give Maya R\. this due date/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /own due date now/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Maya R\./ })).toContainText(/11:59\s?PM CST/);
  await expect(page.getByRole('row', { name: /Ben K\./ })).toContainText('The assignment’s');
  await expect(history).toContainText(
    /Due date for Maya R\. changed on .* CST from .*5:00\s?PM CST to .*11:59\s?PM CST\./,
  );
  await expectNoAxeViolations(page);

  // Copy the class for next year: its assignment comes along, its students do not.
  await page.getByRole('link', { name: '← Period 6' }).click();
  await page.getByText('Copy this class for next year').click();
  const copy = page.getByRole('form', { name: 'Copy this class' });
  await expect(copy.getByLabel('Name of the copy')).toHaveValue('Period 6 (copy)');
  await expectNoAxeViolations(page);
  await copy.getByLabel('Move every date by').fill('');
  await copy.getByRole('button', { name: 'Copy the class' }).click();
  await expect(copy.getByText('Enter a whole number (0 keeps the dates).')).toBeVisible();
  await copy.getByLabel('Move every date by').fill('52');
  await copy.getByRole('button', { name: 'Copy the class' }).click();
  await expect(page.getByRole('heading', { name: 'Period 6 (copy)', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Students (0)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Who says so/, level: 3 })).toBeVisible();
  const copyCode = (await page.locator('.join-code-box .big-code').textContent())?.trim() ?? '';
  expect(copyCode).toMatch(/^[A-Z0-9]{8}$/);
  expect(copyCode).not.toBe(joinCode);
  await page.goBack();
  await page.reload();

  // Delete asks with the count; declining keeps it, accepting removes it and its work.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: /Delete Who says so/ }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain('2 submissions by 1 student go with it');
  await expect(page.getByRole('heading', { name: /Who says so/, level: 3 })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: /Delete Who says so/ }).click();
  await expect(page.getByText('No assignments yet.')).toBeVisible();
  await expectNoAxeViolations(page);
  await maya.goto('/class');
  await expect(maya.getByRole('link', { name: /Who says so/ })).toHaveCount(0);
});

test('moving a past due date later hides a released key again, and the save says students may have seen it', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { page } = await teacherWithClass(browser, { name: 'Mr Okafor', className: 'Period 2' });
  // Due yesterday, the key released after the due date: the class can see it now.
  const form = page.locator('form.assignment-form');
  await form.getByRole('checkbox', { name: /Who says so/i }).check();
  await form.getByLabel('Due on (optional)').fill(dayFromNow(-1));
  await form.getByRole('radio', { name: 'After the due date' }).check();
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assigned 1 lesson.' })).toBeVisible();
  await page.getByRole('link', { name: /Change Who says so/ }).click();
  const edit = page.getByRole('form', { name: 'Change the assignment' });
  await edit.getByLabel('Due on (optional)').fill(dayFromNow(2));
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved 1 change.' })).toHaveText(
    'Saved 1 change. The class could already see the key; it is hidden again now, but students who looked at it have seen it. To give some students more time, extend the due date for them instead.',
  );
  // Moved again at once, while the page may still be bringing back the stored settings (what
  // is typed is kept), nothing more is hidden: the plain message.
  await edit.getByLabel('Due on (optional)').fill(dayFromNow(3));
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved 1 change\.$/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Changes' })).toContainText(/Due date changed .*\n?.*Due date changed/s);
  await expectNoAxeViolations(page);
});
