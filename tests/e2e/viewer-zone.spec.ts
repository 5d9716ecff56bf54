import { expect, test } from './fixtures';
import { teacherWithClass } from './teacher';

// Times in the reader's own zone from the server's first draw: a page that shows a time leaves
// the browser's locale and zone in a cookie, and the server writes the next pages' times in
// them, so no time shows in UTC and then changes once the page has loaded.

test('once a page has shown a time, the server writes times in the reader’s zone; until then in UTC, named', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page } = await teacherWithClass(browser, {
    name: 'Ms Sato',
    className: 'Homeroom 2',
    timezoneId: 'Asia/Tokyo',
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const year = new Date().getUTCFullYear() + 1;
  const form = page.locator('form.assignment-form');
  await form.getByRole('checkbox', { name: /Who says so/i }).check();
  await form.getByLabel('Due on (optional)').fill(`${year}-01-15`);
  // The second "at" is the due date's (the first is the opening date's).
  await form.getByLabel('at (optional)').nth(1).fill('10:00');
  await form.getByRole('button', { name: 'Assign' }).click();
  const due = page.locator('.assignment-item').filter({ hasText: 'Who says so?' }).locator('.meta time').first();
  const inTokyo = `Jan 15, ${year}, 10:00 AM GMT+9`;
  await expect(due).toHaveText(inTokyo);

  // The page that showed the time left the cookie: the browser's locale and zone, for the whole site.
  const zoneCookie = async () => (await page.context().cookies()).find((c) => c.name === 'cr-zone');
  await expect.poll(async () => (await zoneCookie())?.value).toBe(encodeURIComponent('en-US Asia/Tokyo'));
  const cookie = await zoneCookie();
  expect(cookie?.path).toBe('/');
  expect(cookie?.sameSite).toBe('Lax');

  // The server's own HTML now has the time in Tokyo's zone, not in UTC.
  const url = page.url();
  const served = await (await page.request.get(url)).text();
  expect(served).toContain(`>${inTokyo}</time>`);
  expect(served).not.toMatch(/UTC<\/time>/);
  // So is the zone the forms that take a date name, on the class page and the assignment's.
  /** The page's HTML as text reads: React marks the joins of text parts with empty comments. */
  const read = (html: string) => html.replaceAll('<!-- -->', '');
  const zoneNamed = (html: string) => /Times are in your time zone: ([^<.]+)\./.exec(read(html))?.[1];
  expect(zoneNamed(served)).toBe('Asia/Tokyo');
  const assignment = /href="(\/instructor\/assignments\/[^"/?]+)"/.exec(served)?.[1] as string;
  expect(assignment).toBeTruthy();
  const editServed = await (await page.request.get(assignment)).text();
  expect(zoneNamed(editServed)).toBe('Asia/Tokyo');

  // A browser that has not told its zone yet is sent UTC, named, and rewrites it on load.
  await page.context().clearCookies({ name: 'cr-zone' });
  const first = await (await page.request.get(url)).text();
  expect(first).toContain(`>15 Jan ${year}, 01:00 UTC</time>`);
  expect(zoneNamed(first)).toBe('UTC');
  expect(zoneNamed(await (await page.request.get(assignment)).text())).toBe('UTC');
  await page.reload();
  await expect(due).toHaveText(inTokyo);
  await expect.poll(async () => (await zoneCookie())?.value).toBe(encodeURIComponent('en-US Asia/Tokyo'));

  // With the cookie, the time is never drawn in UTC, from the first byte to the hydrated page.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __times: string[] }).__times = seen;
    new MutationObserver(() => {
      for (const t of document.querySelectorAll('time')) seen.push(t.textContent ?? '');
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
  await expect(due).toHaveText(inTokyo);
  const drawn = await page.evaluate(() => (window as unknown as { __times: string[] }).__times);
  expect(drawn).toContain(inTokyo);
  expect(drawn.filter((t) => t.includes('UTC'))).toEqual([]);
  // And the server's text and the browser's agreed: no hydration error.
  expect(errors).toEqual([]);
});
