import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Browser, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { dragSelect } from './helpers';
import { firstQuestion } from './lesson-data';
import { createInstructor, TEACHER_PASSWORD as PASSWORD, teacherWithClass } from './teacher';

// Classroom mode end to end: an instructor (created with the admin script in the test
// server's own database) makes a class and two assignments; two students join in separate
// browsers, label and submit; the key reaches each one only when its assignment releases it.

const DATA_DIR = process.env.E2E_DATA_DIR;

test.skip(!DATA_DIR, 'E2E_DATA_DIR is not set: the test cannot create an instructor in the server’s database');

async function joinAs(browser: Browser, joinCode: string, name: string, timezoneId?: string): Promise<Page> {
  const page = await (await browser.newContext({ timezoneId })).newPage();
  await page.goto('/join');
  await page.getByRole('textbox', { name: 'Class code' }).fill(joinCode.toLowerCase());
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Join the class' }).click();
  await expect(page.getByRole('heading', { name: /You joined/ })).toBeVisible();
  await expect(page.getByText('Write this code down now.')).toBeVisible();
  await expect(page.locator('.big-code')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$|^[A-Z0-9 -]{12,16}$/);
  await page.getByRole('link', { name: /go to my class/ }).click();
  await expect(page.getByRole('heading', { name: 'My class' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(name);
  return page;
}

/**
 * Records what happens to a question's answer box from the page's start: focus, typing, presses
 * and clicks (with the box's text length), and each box that replaces another.
 */
async function recordBox(page: Page, questionId: string) {
  await page.addInitScript((id) => {
    const log: string[] = [];
    (window as unknown as { __box: string[] }).__box = log;
    const t0 = performance.now();
    const note = (what: string) =>
      log.push(
        `${Math.round(performance.now() - t0)} ms ${what}, focus on ${document.activeElement?.tagName.toLowerCase()}`,
      );
    const describe = (el: EventTarget | null) => {
      if (!(el instanceof Element)) return String(el);
      const area = el.closest(`[data-question="${id}"]`)?.querySelector('textarea');
      return `${el.tagName.toLowerCase()}${el instanceof HTMLButtonElement ? ` "${el.textContent}"` : ''} (text ${area?.value.length ?? '-'})`;
    };
    for (const type of ['focusin', 'focusout', 'input', 'pointerdown', 'pointerup', 'click', 'submit'])
      document.addEventListener(
        type,
        (e) => {
          if (e.target instanceof Element && e.target.closest(`[data-question="${id}"]`))
            note(`${type} ${describe(e.target)}`);
        },
        true,
      );
    let box: Element | null = null;
    new MutationObserver((records) => {
      box ??= document.querySelector(`[data-question="${id}"]`);
      for (const r of records)
        for (const n of r.removedNodes)
          if (box && n.contains(box)) {
            note(
              `removed with the box: ${n.nodeName.toLowerCase()}.${n instanceof Element ? n.className : ''} from ${r.target.nodeName.toLowerCase()}.${r.target instanceof Element ? r.target.className : ''}`,
            );
            box = null;
          }
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof Element && n.closest(`[data-question="${id}"]`) && n.querySelector('textarea'))
            note(`box replaced: ${n.tagName.toLowerCase()}.${n.className}`);
    }).observe(document, { childList: true, subtree: true });
  }, questionId);
}

/**
 * Runs an assertion about a student's answer box; if it fails, prints the box's record first.
 * A fresh-clone run once found a box empty, its check made on no text: a failure explains itself.
 */
async function explainingTheBox(page: Page, who: string, assertion: () => Promise<void>) {
  try {
    await assertion();
  } catch (error) {
    const record = await page.evaluate(() => (window as unknown as { __box?: string[] }).__box ?? []);
    console.log(`${who}'s answer box:\n${record.join('\n')}`);
    throw error;
  }
}

/** Labels one phrase in the exercise and submits. */
async function labelAndSubmit(page: Page, exerciseId: string, phrase: string, label: RegExp) {
  const exercise = page.locator(`[data-exercise="${exerciseId}"]`);
  await expect(exercise.locator('.classroom-banner')).toContainText('Assigned to your class');
  const frame = exercise.getByRole('region', { name: /Article text/ });
  await dragSelect(page, frame, phrase);
  await exercise.getByRole('group', { name: 'Label the selection' }).getByRole('button', { name: label }).click();
  await expect(exercise.locator('.span-item')).toHaveCount(1);
  await expect(exercise.locator('.classroom-banner')).toContainText('Saved to your class.');
  await exercise.getByRole('button', { name: 'Submit my labels' }).click();
  return exercise;
}

test('instructor assigns, students submit, the key comes only when released', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = `teacher-${randomUUID().slice(0, 8)}@school.example`;
  createInstructor(email, 'Ms Rivera');

  // Sign in: a wrong password is refused with a message and the field is emptied.
  await page.goto('/instructor/sign-in');
  await expect(page.getByText(/There is no sign-up/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The email or password is not right.' })).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveValue('');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'My classes' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Ms Rivera');

  // A class: an empty name is refused at the field; then created.
  await page.getByRole('button', { name: 'Create class' }).click();
  await expect(page.getByText('Enter a class name.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Class name' }).fill('Period 3');
  await page.getByRole('button', { name: 'Create class' }).click();
  await page.getByRole('link', { name: 'Period 3' }).click();
  await expect(page.getByRole('heading', { name: 'Period 3' })).toBeVisible();
  const joinCode = (await page.locator('.join-code-box .big-code').textContent())?.trim() ?? '';
  expect(joinCode).toMatch(/^[A-Z0-9]{8}$/);

  // Two assignments: key on submit, and key by hand.
  const form = page.locator('form.assignment-form');
  await form.getByRole('checkbox', { name: /Who says so/i }).check();
  await form.getByRole('radio', { name: 'Right after the student submits' }).check();
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assigned 1 lesson.' })).toBeVisible();
  await form.getByRole('checkbox', { name: /Words that judge/i }).check();
  await form.getByRole('radio', { name: 'When I release it' }).check();
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('button', { name: /Release the key for Words that judge/i })).toBeVisible();

  // Student A: the on-submit assignment shows the comparison at once.
  const studentA = await joinAs(browser, joinCode, 'Ada');
  await studentA.getByRole('link', { name: /Who says so/i }).click();
  const exerciseA = await labelAndSubmit(studentA, 'who-says-so-attributions', 'Majid Takht Ravanchi said', /Sourcing/);
  await expect(exerciseA.getByRole('region', { name: 'Your labels and the key' })).toBeVisible();
  await expectNoAxeViolations(studentA);
  await studentA.goto('/class');
  await expect(studentA.getByRole('row', { name: /Who says so/i })).toContainText('1 of 2 exercises submitted');
  await expectNoAxeViolations(studentA);

  // Student B: the manual assignment stores the work but sends no key.
  const studentB = await joinAs(browser, joinCode, 'Ben');
  await studentB.getByRole('link', { name: /Words that judge/i }).click();
  const exerciseB = await labelAndSubmit(studentB, 'words-that-judge-letter', 'notorious', /Loaded/);
  await expect(
    exerciseB.getByRole('status').filter({ hasText: /Submitted\. Your teacher will release the key after/ }),
  ).toBeVisible();
  await expect(exerciseB.getByRole('region', { name: 'Your labels and the key' })).toHaveCount(0);
  await studentB.reload();
  await expect(studentB.getByText(/Your teacher will release the key after/).first()).toBeVisible();
  await expect(studentB.locator('[data-exercise="words-that-judge-letter"] .feedback-item')).toHaveCount(0);
  // Free practice on the same article does not hand out the held-back key either.
  await studentB.goto('/articles/mehr-human-rights-letter/practice');
  const practice = studentB.locator('[data-exercise="practice-mehr-human-rights-letter"]');
  await practice.getByRole('button', { name: 'Submit my labels' }).click();
  // No labels: the page asks first.
  await practice.getByRole('button', { name: 'Submit with no labels' }).click();
  await expect(practice.getByRole('alert').filter({ hasText: /has not released its key/ })).toBeVisible();

  // The instructor sees who submitted, and releases the key.
  await page.reload();
  // Each assignment's list of submissions opens from its count.
  await page.getByText(/^Each submission to Who says so\?: 1 by 1 student$/).click();
  await page.getByText(/^Each submission to Words that judge: 1 by 1 student$/).click();
  await expect(page.getByRole('list', { name: /Submissions for Who says so/i })).toContainText('Ada');
  await expect(page.getByRole('list', { name: /Submissions for Words that judge/i })).toContainText('Ben');
  await expect(page.getByRole('row', { name: /Ada/ })).toBeVisible();
  await expectNoAxeViolations(page);
  // Releasing asks first: the students see the key at once.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toMatch(
      /^Release the key for “.+” now\? Every student of the class who has submitted sees it at once\.$/,
    );
    void dialog.accept();
  });
  await page.getByRole('button', { name: /Release the key for Words that judge/i }).click();
  // The page refreshes: the button gives way to the release time.
  await expect(page.getByText(/^Key released \w{3} \d{1,2}, \d{4}/)).toBeVisible();

  await studentB.goto('/lessons/words-that-judge');
  await expect(
    studentB
      .locator('[data-exercise="words-that-judge-letter"]')
      .getByRole('region', { name: 'Your labels and the key' }),
  ).toBeVisible();

  // Sign-out ends each session.
  await studentB.getByRole('button', { name: 'Sign out' }).click();
  await expect(
    studentB.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Join a class' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The action answers with a redirect home once the session is gone; asking for the page
  // before that would race the sign-out.
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto('/instructor');
  await expect(page.getByRole('heading', { name: 'Instructor sign in' })).toBeVisible();
});

test('an instructor changes the password: a wrong current one is refused and every field emptied', async ({ page }) => {
  const email = `teacher-${randomUUID().slice(0, 8)}@school.example`;
  createInstructor(email, 'Mr Okafor');
  const newPassword = 'a longer passphrase for spring';
  await page.goto('/instructor/sign-in');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'My classes' })).toBeVisible();

  await page.goto('/instructor/password');
  const fill = async (current: string) => {
    await page.getByLabel('Current password').fill(current);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: /Change password/ }).click();
  };
  await fill('not the current password');
  await expect(page.getByRole('alert').filter({ hasText: 'The current password is not right.' })).toBeVisible();
  for (const field of ['Current password', 'New password', 'Repeat the new password'])
    await expect(page.getByLabel(field, { exact: true })).toHaveValue('');
  await fill(PASSWORD);
  await expect(page.getByRole('status').filter({ hasText: 'Password changed.' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The new password signs in from a fresh browser; the old one no longer does.
  const other = await (await page.context().browser()?.newContext())?.newPage();
  if (!other) throw new Error('no second browser context');
  await other.goto('/instructor/sign-in');
  await other.getByRole('textbox', { name: 'Email' }).fill(email);
  await other.getByLabel('Password').fill(PASSWORD);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'The email or password is not right.' })).toBeVisible();
  await other.getByLabel('Password').fill(newPassword);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByRole('heading', { name: 'My classes' })).toBeVisible();
});

test('a due date without a time is the end of that day; times show in each viewer’s zone; names are told apart', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // The teacher is in Chicago, the student in Tokyo.
  const { page, joinCode } = await teacherWithClass(browser, {
    name: 'Mr Okafor',
    className: 'Period 5',
    timezoneId: 'America/Chicago',
  });
  await expect(page.locator('.join-activity')).toContainText('Joined in the last hour: 0.');
  // The teacher's guide is in reach: the unit overview from My classes, each lesson's guide from the class.
  await page.goto('/instructor');
  await page.getByRole('link', { name: 'The unit: sequence, timing, standards' }).click();
  await expect(page.getByRole('heading', { name: 'The unit, for teachers' })).toBeVisible();
  await expect(page.getByRole('row', { name: /One speech, many reports/ })).toContainText('Content warning');
  await expect(page.getByRole('row', { name: /Who says so\?/ })).toContainText(
    'First exercise: every attribution: 15 min',
  );
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: 'Sign in or go to my classes' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.goBack();
  await page.getByRole('link', { name: 'Period 5' }).click();

  // A due date on 15 January next year, no time: kept, as 23:59 in Chicago.
  const year = new Date().getUTCFullYear() + 1;
  const form = page.locator('form.assignment-form');
  await expect(form).toContainText('Times are in your time zone: America/Chicago.');
  await form.getByRole('checkbox', { name: /Who says so/i }).check();
  await form.getByLabel('Due on (optional)').fill(`${year}-01-15`);
  await form.getByRole('radio', { name: 'After the due date' }).check();
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assigned 1 lesson.' })).toBeVisible();
  const item = page.locator('.assignment-item').filter({ hasText: 'Who says so?' });
  await expect(item.locator('.meta')).toContainText(`Due Jan 15, ${year}, 11:59 PM CST`);
  await item.getByRole('link', { name: 'Teacher’s guide: Who says so?' }).click();
  await expect(page.getByText('for instructors only').first()).toBeVisible();
  await page.goBack();
  // A time without a day, and an impossible day, are refused with the field named.
  await form.getByRole('checkbox', { name: /Words that judge/i }).check();
  await form.getByLabel('at (optional)').nth(1).fill('10:00');
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(form.getByText('The due date: choose a day for this time.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The student in Tokyo sees the same instant in their own zone.
  const student = await joinAs(browser, joinCode, 'Maya R.', 'Asia/Tokyo');
  await expect(student.getByRole('row', { name: /Who says so/i })).toContainText(`Jan 16, ${year}, 2:59 PM GMT+9`);
  // Their own data, as a file, from My class; what is kept, from the footer.
  const [download] = await Promise.all([
    student.waitForEvent('download'),
    student.getByRole('link', { name: 'Download my data' }).click(),
  ]);
  const mine = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
  expect(mine.student.displayName).toBe('Maya R.');
  await student
    .getByRole('contentinfo')
    .getByRole('link', { name: /Privacy/ })
    .click();
  await expect(student.getByRole('heading', { name: 'Privacy: what Close Read keeps' })).toBeVisible();
  await expectNoAxeViolations(student);
  // A second "Maya R." (any case or spacing) is refused with a message; the name field keeps the text.
  const second = await (await browser.newContext()).newPage();
  await second.goto('/join');
  await second.getByRole('textbox', { name: 'Class code' }).fill(joinCode);
  await second.getByRole('textbox', { name: 'Your name' }).fill('maya  r.');
  await second.getByRole('button', { name: 'Join the class' }).click();
  await expect(second.getByText(/Someone in this class already uses the name/).first()).toBeVisible();
  await expect(second.getByRole('textbox', { name: 'Your name' })).toHaveValue('maya  r.');
  // A name that shows as blank is refused in the browser, before anything is sent.
  await second.getByRole('textbox', { name: 'Your name' }).fill('\u200B\u200B');
  await second.getByRole('button', { name: 'Join the class' }).click();
  await expect(second.getByText(/this name shows as blank/).first()).toBeVisible();

  // The instructor sees the join, and can lift the joining limit.
  await page.reload();
  await expect(page.locator('.join-activity')).toContainText('Joined in the last hour: 1.');
  await page.getByRole('button', { name: 'Lift the joining limit for an hour' }).click();
  await expect(page.locator('.join-activity')).toContainText('The limit is lifted until');

  // A key released after a due date that has passed is not offered for release again.
  const yesterday = new Date(Date.now() - 36 * 3600 * 1000).toISOString().slice(0, 10);
  await form.getByRole('checkbox', { name: /Can anyone check this/i }).check();
  await form.getByLabel('Due on (optional)').fill(yesterday);
  await form.getByLabel('at (optional)').nth(1).fill('');
  await form.getByRole('radio', { name: 'After the due date' }).check();
  await form.getByRole('button', { name: 'Assign' }).click();
  const past = page.locator('.assignment-item').filter({ hasText: 'Can anyone check this?' });
  await expect(past).toContainText('Key released at the due time');
  await expect(past.getByRole('button', { name: /Release the key/ })).toHaveCount(0);
});

test('written answers side by side, reviewed; a grade by the rule, one set by hand; the gradebook CSV', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { page, joinCode } = await teacherWithClass(browser, {
    name: 'Ms Lind',
    className: 'Period 6',
  });
  const form = page.locator('form.assignment-form');
  await form.getByRole('checkbox', { name: /Who says so/i }).check();
  await form.getByRole('radio', { name: 'When I release it' }).check();
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assigned 1 lesson.' })).toBeVisible();

  // Two students answer the first question; the model answer waits for the key.
  const question = firstQuestion('who-says-so');
  for (const [name, extra] of [
    ['Noor', 'I would search for the UN record.'],
    ['Sam', 'A name gives me somewhere to start.'],
  ] as const) {
    const student = await joinAs(browser, joinCode, name);
    await recordBox(student, question.id);
    await student.goto('/lessons/who-says-so');
    const box = student.locator(`[data-question="${question.id}"]`);
    const textbox = box.getByRole('textbox', { name: question.prompt });
    if (name === 'Noor') {
      // A draft is kept on the server while typing, and comes back on a device with nothing kept.
      await textbox.fill(`Half an answer, ${extra}`);
      // Said to be a draft, as the teacher's review shows it until it is checked.
      await expect(
        box.getByText('Draft saved to your class. Your teacher sees it as a draft until you check it.'),
      ).toBeVisible();
      await student.evaluate(() => localStorage.clear());
      await student.reload();
      await textbox.focus();
      await expect(textbox).toHaveValue(`Half an answer, ${extra}`);
    }
    await textbox.fill(`${question.model} ${extra}`);
    await box.getByRole('button', { name: 'Check my answer' }).click();
    await explainingTheBox(student, name, () =>
      expect(box.getByRole('status')).toContainText('Your answer is saved for your teacher.'),
    );
    await expect(box.getByText('A model answer')).toHaveCount(0);
  }

  // A third student is still writing: a draft, never checked.
  const ola = await joinAs(browser, joinCode, 'Ola');
  await recordBox(ola, question.id);
  await ola.goto('/lessons/who-says-so');
  const olaBox = ola.locator(`[data-question="${question.id}"]`);
  await olaBox.getByRole('textbox', { name: question.prompt }).fill('I am not sure yet, maybe the UN');
  await explainingTheBox(ola, 'Ola', () => expect(olaBox.getByText('Draft saved to your class.')).toBeVisible());

  // The teacher: both answers side by side; one marked complete, one to revise with a comment.
  await page.reload();
  await page.getByRole('link', { name: 'Written answers and grades for Who says so?' }).click();
  await expect(page.getByRole('heading', { name: 'Written answers and grades' })).toBeVisible();
  const answers = page.getByRole('list', { name: 'Answers to question 1' });
  await expect(answers.getByRole('listitem')).toHaveCount(2);
  // The draft is there too, said to be one (Noor's draft is her checked answer now, so it is not).
  const drafts = page.getByRole('list', { name: 'Still being written, question 1' });
  await expect(drafts.getByRole('listitem')).toHaveCount(1);
  await expect(drafts).toContainText('Ola');
  await expect(drafts).toContainText('Not checked yet');
  await expect(drafts).toContainText('I am not sure yet, maybe the UN');
  await expect(answers).toContainText('I would search for the UN record.');
  await expect(answers).toContainText('A name gives me somewhere to start.');
  const noor = page.getByRole('form', { name: 'Review Noor’s answer' });
  await noor.getByRole('radio', { name: 'Complete' }).check();
  await noor.getByRole('button', { name: 'Save the review' }).click();
  await expect(noor.getByRole('status')).toContainText('Marked complete.');
  const sam = page.getByRole('form', { name: 'Review Sam’s answer' });
  await sam.getByRole('radio', { name: 'To revise' }).check();
  await sam.getByLabel(/Comment/).fill('Which record, exactly?');
  await sam.getByRole('button', { name: 'Save the review' }).click();
  await expect(sam.getByRole('status')).toContainText('Marked to revise');

  // The rule: 10 points for the labeling, 2 per answer marked complete.
  const rule = page.getByRole('form', { name: 'Grading rule' });
  await rule.getByLabel('Points for the labeling').fill('10');
  await rule.getByLabel('Points per written answer marked complete').fill('2');
  await rule.getByRole('button', { name: 'Save the rule' }).click();
  await expect(page.getByText(/^The grade is up to 10 points for the labeling/)).toBeVisible();
  const noorRow = page.getByRole('row', { name: /^Noor/ });
  await expect(noorRow).toContainText('1 of 3');
  await expect(noorRow.getByRole('cell').filter({ hasText: /^2 of 16/ })).toBeVisible();
  // A grade set by hand needs a note, and sticks.
  const samGrade = page.getByRole('form', { name: 'Grade for Sam' });
  // More than the points possible is allowed, and said beside the field.
  await samGrade.getByLabel('Grade for Sam (blank: by the rule)').fill('25');
  await expect(samGrade.getByText('More than the 16 points possible')).toBeVisible();
  await samGrade.getByLabel('Grade for Sam (blank: by the rule)').fill('9');
  await expect(samGrade.getByText('More than the 16 points possible')).toHaveCount(0);
  await samGrade.getByRole('button', { name: 'Set' }).click();
  await expect(samGrade.getByText('Say why, for the record.')).toBeVisible();
  await samGrade.getByLabel('Why').fill('Oral answer in class');
  await samGrade.getByRole('button', { name: 'Set' }).click();
  // Saved before the reload: a reload while the save is on its way can cancel it.
  await expect(samGrade.getByText('Grade set by hand.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('row', { name: /^Sam/ })).toContainText('9 of 16 (set by hand: Oral answer in class');
  await expectNoAxeViolations(page);

  // The gradebook CSV: one row per student with the id and the grade.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Gradebook \(CSV\)/ }).click(),
  ]);
  const csv = Papa.parse<Record<string, string>>(readFileSync((await download.path()) as string, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  expect(csv.errors).toEqual([]);
  expect(csv.data.map((r) => r['Display name']).sort()).toEqual(['Noor', 'Ola', 'Sam']);
  for (const row of csv.data) expect(row['Student ID']).toMatch(/^[0-9a-f-]{36}$/);
  expect(csv.data.find((r) => r['Display name'] === 'Sam')?.Grade).toBe('9');
  expect(Number(csv.data.find((r) => r['Display name'] === 'Noor')?.Grade)).toBe(2);
});

test('two devices of one student: a reload on the old one shows the newer class copy, its own labels one undo away', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page, joinCode } = await teacherWithClass(browser, { name: 'Mr Okafor', className: 'Period 5' });
  const form = page.locator('form.assignment-form');
  await form.getByRole('checkbox', { name: /Words that judge/i }).check();
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assigned 1 lesson.' })).toBeVisible();

  const label = async (device: Page, phrase: string) => {
    const exercise = device.locator('[data-exercise="words-that-judge-letter"]');
    await dragSelect(device, exercise.getByRole('region', { name: /Article text/ }), phrase);
    await exercise
      .getByRole('group', { name: 'Label the selection' })
      .getByRole('button', { name: /Loaded/ })
      .click();
  };
  const quotes = (device: Page) =>
    device.locator('[data-exercise="words-that-judge-letter"] .span-item q').allTextContents();
  const banner = (device: Page) => device.locator('[data-exercise="words-that-judge-letter"] .classroom-banner');

  // Device A labels one word; it reaches the class copy.
  const deviceA = await joinAs(browser, joinCode, 'Tomi');
  await deviceA.getByRole('link', { name: /Words that judge/i }).click();
  await expect(banner(deviceA)).toContainText('Assigned to your class');
  await label(deviceA, 'notorious');
  await expect(banner(deviceA)).toContainText('Saved to your class.');

  // Device B: the same student (the session, not the browser's storage) takes the class copy and adds two.
  const cookies = await deviceA.context().cookies();
  const deviceB = await (await browser.newContext({ storageState: { cookies, origins: [] } })).newPage();
  await deviceB.goto(deviceA.url());
  await expect.poll(() => quotes(deviceB)).toEqual(['notorious']);
  // While a change is on its way to the class copy, the banner says so, never "Saved" (held here).
  let release = () => {};
  let sent = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const saveSent = new Promise<void>((resolve) => {
    sent = resolve;
  });
  await deviceB.route('**/*', async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) {
      sent();
      await held;
    }
    await route.continue();
  });
  await label(deviceB, 'despot');
  await expect.poll(async () => (await quotes(deviceB)).length).toBe(2);
  await expect(banner(deviceB)).toContainText('Saving to your class…');
  await saveSent;
  await expect(banner(deviceB)).toContainText('Saving to your class…');
  release();
  await expect(banner(deviceB)).toContainText('Saved to your class.');
  await deviceB.unrouteAll();

  // Device A reloads with its older copy: the class copy wins and is not overwritten.
  await deviceA.reload();
  await expect.poll(async () => (await quotes(deviceA)).sort()).toEqual(['despot', 'notorious']);
  await expect(banner(deviceA)).toContainText('changed on another device or tab');
  // A fresh browser of the student's sees both of device B's labels. (Before device A's undo
  // below: the undone state is a change of its own, saved to the class copy a moment later.)
  const deviceC = await (await browser.newContext({ storageState: { cookies, origins: [] } })).newPage();
  await deviceC.goto(deviceA.url());
  await expect.poll(async () => (await quotes(deviceC)).sort()).toEqual(['despot', 'notorious']);
  // Device A's own labels are one undo away.
  await deviceA.locator('[data-exercise="words-that-judge-letter"]').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => quotes(deviceA)).toEqual(['notorious']);
  await deviceA.locator('[data-exercise="words-that-judge-letter"]').getByRole('button', { name: 'Redo' }).click();
  await expect.poll(async () => (await quotes(deviceA)).sort()).toEqual(['despot', 'notorious']);
});

test('joining on a phone: a refusal is shown once, at its field; the resume code stays on one line', async ({
  browser,
}) => {
  const { joinCode } = await teacherWithClass(browser, { name: 'Ms Haddad', className: 'Period 6' });
  const phone = await (
    await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })
  ).newPage();
  await phone.goto('/join');
  await phone.getByRole('textbox', { name: 'Class code' }).fill('ZZZZ1234');
  await phone.getByRole('textbox', { name: 'Your name' }).fill('Lena');
  await phone.getByRole('button', { name: 'Join the class' }).click();
  // Shown once, under the code; the alert that carries it to a screen reader is not shown again.
  await expect(phone.locator('.field-error')).toHaveCount(1);
  await expect(phone.locator('#joinCode-error')).toContainText('No open class has that code');
  await expect(phone.getByRole('alert').filter({ hasText: 'No open class has that code' })).toHaveCount(1);
  await expect(phone.locator('.form-error')).toHaveCount(0);
  await expect(phone.getByRole('textbox', { name: 'Your name' })).toHaveValue('Lena');

  await phone.getByRole('textbox', { name: 'Class code' }).fill(joinCode);
  await phone.getByRole('button', { name: 'Join the class' }).click();
  const code = phone.locator('.big-code');
  await expect(code).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const box = await code.evaluate((el) => ({
    lines: Math.round(el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight || '0')),
    wide: el.scrollWidth > el.clientWidth,
  }));
  expect(box).toEqual({ lines: 1, wide: false });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The same name again, from another browser: pointed to the resume code, shown once.
  const other = await (await browser.newContext()).newPage();
  await other.goto('/join');
  await other.getByRole('textbox', { name: 'Class code' }).fill(joinCode);
  await other.getByRole('textbox', { name: 'Your name' }).fill('Lena');
  await other.getByRole('button', { name: 'Join the class' }).click();
  await expect(other.locator('#displayName-error')).toContainText('continue with your resume code instead');
  await expect(other.locator('.form-error')).toHaveCount(0);
});

test('the roster: each student is one row, their actions behind Manage; rename, a new resume code, export and remove', async ({
  browser,
}) => {
  const { page, joinCode } = await teacherWithClass(browser, { name: 'Mr Osei', className: 'Period 7' });
  // Ada's first resume code, read from the page that shows it once.
  const ada = await (await browser.newContext()).newPage();
  await ada.goto('/join');
  await ada.getByRole('textbox', { name: 'Class code' }).fill(joinCode);
  await ada.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await ada.getByRole('button', { name: 'Join the class' }).click();
  const oldCode = ((await ada.locator('.big-code').textContent()) ?? '').trim();
  expect(oldCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await joinAs(browser, joinCode, 'Ben');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Students (2)' })).toBeVisible();
  // The assignments come before the roster; the roster before the class's settings.
  const headings = await page.locator('main h2, .page h2').allTextContents();
  expect(headings.indexOf('Assignments')).toBeLessThan(headings.indexOf('Students (2)'));
  expect(headings.indexOf('Students (2)')).toBeLessThan(headings.indexOf('Class settings'));
  const roster = page.getByRole('table');
  // Closed, a student's row offers one control: Manage.
  await expect(roster.getByRole('textbox')).toHaveCount(0);
  await expect(roster.getByRole('button', { name: /Remove/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // By keyboard: Manage opens Ada's actions; she is renamed.
  await roster.getByText('Manage Ada').focus();
  await page.keyboard.press('Enter');
  const name = roster.getByRole('textbox', { name: 'New name for Ada' });
  await name.fill('Ada L.');
  await name.press('Enter');
  await expect(roster.getByText('Saved “Ada L.”.')).toBeVisible();
  await page.reload();
  await expect(roster.getByRole('rowheader', { name: 'Ada L.' })).toBeVisible();

  // A new resume code, asked first, shown once; the old one no longer signs Ada in.
  await roster.getByText('Manage Ada L.').click();
  page.once('dialog', (d) => d.accept());
  await roster.getByRole('button', { name: 'Reset resume code for Ada L.' }).click();
  const told = roster.getByRole('status').filter({ hasText: 'New resume code:' });
  await expect(told).toBeVisible();
  const newCode = /New resume code: ([A-Z0-9-]+)/.exec((await told.textContent()) ?? '')?.[1] ?? '';
  expect(newCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const resume = async (code: string) => {
    const p = await (await browser.newContext()).newPage();
    await p.goto('/resume');
    await p.getByRole('textbox', { name: 'Class code' }).fill(joinCode);
    await p.getByRole('textbox', { name: 'Your resume code' }).fill(code);
    await p.getByRole('button', { name: /Sign in|Continue|Resume/ }).click();
    return p;
  };
  const refused = await resume(oldCode);
  await expect(refused.getByText('That class code and resume code do not match.')).toBeVisible();
  await expect(await resume(newCode)).toHaveURL(/\/class/);

  // Her data, as a file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    roster.getByRole('link', { name: 'Export Ada L.’s data (JSON)' }).click(),
  ]);
  const exported = readFileSync((await download.path()) as string, 'utf8');
  expect(exported).toContain('"Ada L."');

  // Removing Ben is asked first; dismissed, he stays; accepted, his row goes.
  await roster.getByText('Manage Ben').click();
  page.once('dialog', (d) => d.dismiss());
  await roster.getByRole('button', { name: 'Remove Ben' }).click();
  await expect(roster.getByRole('rowheader', { name: 'Ben' })).toBeVisible();
  page.once('dialog', (d) => d.accept());
  await roster.getByRole('button', { name: 'Remove Ben' }).click();
  await expect(page.getByRole('heading', { name: 'Students (1)' })).toBeVisible();
  await expect(roster.getByRole('rowheader', { name: 'Ben' })).toHaveCount(0);
});
