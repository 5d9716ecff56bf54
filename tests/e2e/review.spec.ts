import { randomUUID } from 'node:crypto';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { type Demo, seedDemo, signInInstructor } from './review-demo';

// The instructor's answer review end to end: a class seeded with `npm run seed-demo` in the
// test server's own database; the instructor reads the dashboard and heatmap, accepts a
// common extra into the class key (scores change), comments on a student's span, and the
// student sees the comment only once the key is released.

const DATA_DIR = process.env.E2E_DATA_DIR;

test.skip(!DATA_DIR, 'E2E_DATA_DIR is not set: the test cannot seed a class in the server’s database');

test('instructor reviews answers, extends the class key, comments; the student sees it after release', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const demo = seedDemo(DATA_DIR as string, 6);
  await signInInstructor(page, demo);
  const review = `/instructor/assignments/${demo.assignmentId}/review`;
  await page.goto(review);
  await expect(page.getByRole('heading', { name: 'Answer review', level: 1 })).toBeVisible();
  const roster = page.getByRole('table', { name: /Students, their status/ });
  await expect(roster.getByRole('row')).toHaveCount(7);
  // The heatmap's text alternative: a table of the most-labeled stretches with counts.
  const heatTable = page.getByRole('table', { name: /stretches of text most labeled, of 6 submissions/ });
  await expect(heatTable).toBeVisible();
  expect(await heatTable.getByRole('row').count()).toBeGreaterThan(1);
  // The shaded article arrives after the page; its stretches carry the shading.
  await expect(
    page
      .getByRole('group', { name: /The article, shaded/ })
      .locator('.heat-1, .heat-2, .heat-3, .heat-4, .heat-5')
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Sorting by a column reorders through a link.
  await roster.getByRole('link', { name: /^Overall F1/ }).click();
  await expect(page).toHaveURL(/sort=-overall\.f1/);
  await expect(page.getByRole('columnheader', { name: /Overall F1/ })).toHaveAttribute('aria-sort', 'descending');

  // Selecting a key item shows who found and who missed it.
  await page.locator('.key-item-list a').first().click();
  await expect(page.locator('#item-detail')).toContainText(/Found \(\d+\)/);
  await expect(page.locator('#item-detail')).toContainText(/Missed \(\d+\)/);

  // Accept the most common extra into the class key: every submission is rescored.
  const averages = page.getByRole('table', { name: /Mean figures/ });
  const before = await averages.innerText();
  const extra = page.locator('.extra-group').first();
  await extra.getByLabel('Explanation for students').fill('An attribution the published key leaves out; count it.');
  await extra.getByRole('button', { name: 'Accept into this class’s key' }).click();
  // The page refreshes with the extended key (the accepted group leaves the list, and its
  // form with it, so the brief "rescored" message may already be gone): check the outcome.
  await expect(page.getByText(/Sourcing, class addition/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/This class’s key adds 1 item to/)).toBeVisible();
  await expect(averages).not.toHaveText(before);

  // Comment on one student's span.
  const student = demo.students[0] as Demo['students'][number];
  await page.goto(`/instructor/assignments/${demo.assignmentId}/students/${student.studentId}`);
  await expect(page.getByRole('heading', { name: student.name, level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  const form = page
    .locator('form')
    .filter({ has: page.getByRole('button', { name: 'Add comment' }) })
    .first();
  const option = await form.getByLabel('Comment on').locator('option').nth(1).getAttribute('value');
  await form.getByLabel('Comment on').selectOption(option as string);
  const body = `Look again at who is speaking here (${randomUUID().slice(0, 6)}).`;
  await form.getByLabel('Comment', { exact: true }).fill(body);
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Comment added' })).toBeVisible();

  // The student, signed in with their resume code, sees nothing before the key is released…
  const pupil = await (await browser.newContext()).newPage();
  await pupil.goto('/resume');
  await pupil.getByRole('textbox', { name: 'Class code' }).fill(demo.joinCode);
  await pupil.getByRole('textbox', { name: 'Your resume code' }).fill(student.resumeCode);
  await pupil.getByRole('button', { name: /Sign in|Continue|Resume/ }).click();
  await expect(pupil).toHaveURL(/\/class/);
  await pupil.goto(`/feedback/${demo.assignmentId}`);
  await expect(pupil.getByText(body)).toHaveCount(0);
  await expect(pupil.getByText(/appear here once the answer key is released/).first()).toBeVisible();

  // …and sees it once the instructor releases the key.
  await page.goto(`/instructor/classes/${demo.classId}`);
  // Releasing asks first: the students see the key at once.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toMatch(
      /^Release the key for “.+” now\? Every student of the class who has submitted sees it at once\.$/,
    );
    void dialog.accept();
  });
  await page.getByRole('button', { name: /Release the key for/ }).click();
  await expect(page.getByText(/Key released/)).toBeVisible();
  // The class page links to the comments once the key is released.
  await pupil.goto('/class');
  await pupil.getByRole('link', { name: 'Teacher’s comments' }).click();
  await expect(pupil).toHaveURL(new RegExp(`/feedback/${demo.assignmentId}$`));
  await expect(pupil.getByText(body)).toBeVisible();
});
