import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import type { SeededDemo } from '../../scripts/demo-class';

// A demo class made with `npm run seed-demo` in the test server's own database, and the
// instructor's sign-in: shared by the answer review's browser tests.

/** What `seed-demo --json` prints: the class it made (scripts/demo-class.ts). */
export type Demo = SeededDemo;

/** Seeds a demo class of `students` (lesson 1 unless `lesson`) for a new instructor. */
export function seedDemo(dataDir: string, students: number, lesson?: string): Demo {
  const email = `reviewer-${randomUUID().slice(0, 8)}@school.example`;
  const args = ['run', '--silent', 'seed-demo', '--', '--json', '--students', String(students), '--email', email];
  if (lesson) args.push('--lesson', lesson);
  const run = spawnSync('npm', args, {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production', DATABASE_URL: '' },
  });
  expect(run.status, `seed-demo: ${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as Demo;
}

export async function signInInstructor(page: Page, demo: Demo) {
  await page.goto('/instructor/sign-in');
  await page.getByRole('textbox', { name: 'Email' }).fill(demo.email);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'My classes' })).toBeVisible();
}
