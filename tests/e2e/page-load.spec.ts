import { expect, type Page, type Request, test } from '@playwright/test';
import { teacherWithClass } from './teacher';

// Lesson and practice pages are the same for every reader and are served as built (decision
// 15): loading one sends no POST at all (no server action), for a reader without an account
// and for a class student, whose per-person state comes from GET routes after load.

test.skip(
  !process.env.E2E_DATA_DIR,
  'E2E_DATA_DIR is not set: the test cannot create an instructor in the server’s database',
);

const PAGES = ['/lessons/who-says-so', '/articles/envoy-speech-aggregation/practice'];

async function postsWhileLoading(page: Page, url: string): Promise<string[]> {
  const posts: string[] = [];
  const listener = (request: Request) => {
    if (request.method() !== 'GET') posts.push(`${request.method()} ${request.url()}`);
  };
  page.on('request', listener);
  await page.goto(url, { waitUntil: 'networkidle' });
  // The exercise asks after load; give it time to be seen.
  await expect(page.locator('[data-exercise]').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  page.off('request', listener);
  return posts;
}

test('loading a lesson or a practice page sends no POST, for a reader and for a class student', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  for (const url of PAGES) {
    expect(await postsWhileLoading(page, url), `${url}, no account`).toEqual([]);
    const response = await page.request.get(url);
    expect(response.headers()['x-nextjs-cache'], `${url} is served as built`).toBe('HIT');
    // …from the production server's memory (scripts/server.mjs), with the page's CSP by hashes.
    expect(response.headers()['x-served-from'], `${url} is answered from memory`).toBe('memory');
    expect(response.headers()['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
  }
  // A class student with the lesson assigned: the banner comes from the GET route.
  const teacher = await teacherWithClass(browser, { name: 'Ms Page', className: 'Period 5' });
  const form = teacher.page.locator('form.assignment-form');
  await form.getByRole('checkbox', { name: /Who says so/i }).check();
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(teacher.page.getByRole('status').filter({ hasText: 'Assigned 1 lesson.' })).toBeVisible();
  await page.goto('/join');
  await page.getByRole('textbox', { name: 'Class code' }).fill(teacher.joinCode.toLowerCase());
  await page.getByRole('textbox', { name: 'Your name' }).fill('Noor P.');
  await page.getByRole('button', { name: 'Join the class' }).click();
  await expect(page.getByRole('heading', { name: /You joined/ })).toBeVisible();
  const gets: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/classroom/')) gets.push(r.method());
  });
  expect(await postsWhileLoading(page, PAGES[0] as string), 'class student').toEqual([]);
  await expect(page.locator('.classroom-banner').first()).toContainText('Assigned to your class');
  expect(gets.length, 'the classroom state was read by GET').toBeGreaterThan(0);
  expect(gets.every((m) => m === 'GET')).toBe(true);
});
