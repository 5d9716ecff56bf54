// A teacher for the browser tests: an instructor account made with the admin script in the
// test server's own database, signed in, with a new class.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { type Browser, expect, type Page } from '@playwright/test';

export const TEACHER_PASSWORD = 'correct horse battery staple';

/** Creates an instructor with `npm run create-instructor` in the server's DATA_DIR. */
export function createInstructor(email: string, name: string) {
  const run = spawnSync('npm', ['run', '--silent', 'create-instructor', '--', '--email', email, '--name', name], {
    input: TEACHER_PASSWORD,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, NODE_ENV: 'production', DATABASE_URL: '' },
  });
  expect(run.status, `create-instructor: ${run.stderr}`).toBe(0);
}

/**
 * A new instructor signed in, in a browser of their own (in `timezoneId` when given), on the
 * page of a new class called `className`; returns the page and the class code.
 */
export async function teacherWithClass(
  browser: Browser,
  { name, className, timezoneId }: { name: string; className: string; timezoneId?: string },
): Promise<{ page: Page; joinCode: string }> {
  const email = `teacher-${randomUUID().slice(0, 8)}@school.example`;
  createInstructor(email, name);
  const page = await (await browser.newContext({ timezoneId })).newPage();
  await page.goto('/instructor/sign-in');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill(TEACHER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('textbox', { name: 'Class name' }).fill(className);
  await page.getByRole('button', { name: 'Create class' }).click();
  await page.getByRole('link', { name: className }).click();
  const joinCode = (await page.locator('.join-code-box .big-code').textContent())?.trim() ?? '';
  expect(joinCode).toMatch(/^[A-Z0-9]{8}$/);
  return { page, joinCode };
}
