import { type Page, type Request, type Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { teacherWithClass } from './teacher';

// Lesson and practice pages are the same for every reader and are served as built (decision
// 15): loading one sends no POST at all (no server action), for a reader without an account
// and for a class student, whose per-person state comes from GET routes after load.

test.skip(
  !process.env.E2E_DATA_DIR,
  'E2E_DATA_DIR is not set: the test cannot create an instructor in the server’s database',
);

const PAGES = ['/lessons/who-says-so', '/articles/envoy-speech-aggregation/practice'];

/** On a new class's page: assigns lesson 1 (Who says so?) and waits for the confirmation. */
async function assignLessonOne(teacherPage: Page) {
  const form = teacherPage.locator('form.assignment-form');
  await form.getByRole('checkbox', { name: /Who says so/i }).check();
  await form.getByRole('button', { name: 'Assign' }).click();
  await expect(teacherPage.getByRole('status').filter({ hasText: 'Assigned 1 lesson.' })).toBeVisible();
}

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
  // The page's scripts and styles come from memory too, compressed, with the build's caching rules.
  const assets: Response[] = [];
  const collect = (r: Response) => {
    if (new URL(r.url()).pathname.startsWith('/_next/static/')) assets.push(r);
  };
  page.on('response', collect);
  await page.goto(PAGES[0] as string, { waitUntil: 'networkidle' });
  page.off('response', collect);
  expect(assets.length).toBeGreaterThan(3);
  for (const asset of assets) {
    const headers = await asset.allHeaders();
    const url = new URL(asset.url()).pathname;
    expect(headers['x-served-from'], `${url} is answered from memory`).toBe('memory');
    expect(headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
    if (/\.(js|css)$/.test(url)) expect(['br', 'gzip'], `${url} is compressed`).toContain(headers['content-encoding']);
  }
  // A class student with the lesson assigned: the banner comes from the GET route.
  const teacher = await teacherWithClass(browser, { name: 'Ms Page', className: 'Period 5' });
  await assignLessonOne(teacher.page);
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

/** The paths of the pages the router asked the server for (ahead or to go there) while `run` ran. */
async function pagesAskedFor(page: Page, run: () => Promise<unknown>): Promise<string[]> {
  const asked: string[] = [];
  const listener = (request: Request) => {
    const url = new URL(request.url());
    if (url.searchParams.has('_rsc')) asked.push(url.pathname + url.search.replace(/[?&]_rsc=[^&]*/, ''));
  };
  page.on('request', listener);
  try {
    await run();
  } finally {
    page.off('request', listener);
  }
  return asked;
}

const routerRequestFor = (path: string) => (request: Request) => {
  const url = new URL(request.url());
  return url.pathname === path && url.searchParams.has('_rsc');
};

// Decision 24: a link's page is asked for when the reader means to follow it, not whenever
// the link is on the screen.
test('a page asks for no other page while it loads; a link asks for its page when pointed at or focused', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  for (const url of ['/lessons/who-says-so', '/lessons', '/articles']) {
    const asked = await pagesAskedFor(page, async () => {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
    });
    expect(asked, `${url} asks for no page while it loads`).toEqual([]);
  }
  // On the article list: the pointer over "Lessons" asks for the lesson list…
  const main = page.getByRole('navigation', { name: 'Main' });
  const pointed = page.waitForRequest(routerRequestFor('/lessons'));
  await main.getByRole('link', { name: 'Lessons' }).hover();
  await pointed;
  // …the keyboard's focus on the site's name (Tab from the page's start) asks for the home page…
  const focused = page.waitForRequest(routerRequestFor('/'));
  const brand = page.getByRole('link', { name: 'Close Read', exact: true });
  for (let tabs = 0; tabs < 5 && !(await brand.evaluate((a) => a === document.activeElement)); tabs += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(brand).toBeFocused();
  await focused;
  // …and a link followed goes there.
  await main.getByRole('link', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lessons' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/lessons');

  // On a touch screen a tap asks for its page once, to go there: no request ahead, which
  // could not arrive before the tap's click anyway.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const tapper = await phone.newPage();
  await tapper.goto('/articles');
  await tapper.waitForLoadState('networkidle');
  const tapped = await pagesAskedFor(tapper, async () => {
    await tapper.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).tap();
    await expect(tapper.getByRole('heading', { level: 1, name: 'Lessons' })).toBeVisible();
    await tapper.waitForLoadState('networkidle');
  });
  expect(tapped, 'a tap asks for the page once').toEqual(['/lessons']);
  await phone.close();

  // A teacher's class page, with an assignment: its links (the assignment, the review, the
  // key…) are asked for by nobody until one is pointed at.
  const teacher = await teacherWithClass(browser, { name: 'Ms Links', className: 'Period 6' });
  await assignLessonOne(teacher.page);
  const asked = await pagesAskedFor(teacher.page, async () => {
    await teacher.page.reload();
    await teacher.page.waitForLoadState('networkidle');
  });
  expect(asked, 'the class page asks for no page while it loads').toEqual([]);
  await expect(teacher.page.locator('main a[href^="/instructor/assignments/"]').first()).toBeVisible();
});

test('while a followed link’s page is on its way the page says so, and stops once it has come', async ({ page }) => {
  await page.goto('/articles');
  // A slow line: the server's answers for pages are held until the test lets them go.
  let letGo = () => {};
  const held = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  await page.route(/[?&]_rsc=/, async (route) => {
    await held;
    await route.continue();
  });
  const root = page.locator('html');
  await expect(root).not.toHaveAttribute('data-navigating');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).focus();
  await page.keyboard.press('Enter');
  await expect(root).toHaveAttribute('data-navigating', '');
  // The bar along the top of the window, drawn without moving anything.
  const bar = await page.evaluate(() => {
    const style = getComputedStyle(document.body, '::before');
    return { position: style.position, height: style.height };
  });
  expect(bar).toEqual({ position: 'fixed', height: '4px' });
  letGo();
  await expect(page.getByRole('heading', { level: 1, name: 'Lessons' })).toBeVisible();
  await expect(root).not.toHaveAttribute('data-navigating');
});

type Shift = { value: number; sources: string[] };

test('a lesson or a practice page paints its text before it asks for a script file, and then works', async ({
  page,
}) => {
  for (const url of PAGES) {
    await page.goto(url);
    // Works: the first exercise answers a keyboard selection with its label menu.
    const exercise = page.locator('[data-exercise]').first();
    await exercise.locator('.text-frame').focus();
    await page.keyboard.press('ArrowRight');
    await expect(exercise.getByRole('group', { name: 'Label the selection' })).toBeVisible();
    const { paint, scripts } = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      scripts: performance
        .getEntriesByType('resource')
        .filter((r) => /\.js(\?|$)/.test(new URL(r.name).pathname))
        .map((r) => ({ name: new URL(r.name).pathname, start: r.startTime })),
    }));
    expect(paint, `${url}: the first contentful paint`).not.toBeNull();
    expect(scripts.length, `${url}: script files`).toBeGreaterThan(3);
    for (const script of scripts) {
      expect(script.start, `${url}: ${script.name} is asked for after the text is painted`).toBeGreaterThanOrEqual(
        paint as number,
      );
    }
    // Each file the page asks for at load is compiled while it downloads (V8's compile hint).
    const loader = (await page.locator('#cr-text-first').textContent()) ?? '';
    const loaded = JSON.parse(/var s=(\[[^\]]*\])/.exec(loader)?.[1] ?? '[]') as string[];
    expect(loaded.length, `${url}: script files the loader asked for`).toBeGreaterThan(3);
    for (const src of loaded) {
      const body = await (await page.request.get(src)).text();
      expect(body.startsWith('//# allFunctionsCalledOnLoad\n'), `${url}: ${src} begins with the compile hint`).toBe(
        true,
      );
    }
  }
});

test('the loader asks for the account while the scripts download, and the header takes that answer over', async ({
  page,
}) => {
  for (const url of PAGES) {
    const accounts: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/account') accounts.push(r.method());
    });
    // The page's script files wait until the account has been asked for.
    let asked: () => void = () => {};
    const accountAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/account') asked();
    });
    await page.route('**/_next/static/chunks/*.js', async (route) => {
      await accountAsked;
      await route.continue();
    });
    await page.goto(url);
    await expect(
      page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Join a class' }),
    ).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(accounts, `${url}: the account is asked for once, by GET`).toEqual(['GET']);
    await page.unrouteAll();
    page.removeAllListeners('request');
  }
});

test('a browser that asks for /favicon.ico, as most do by default, gets the site’s icon', async ({ request }) => {
  const response = await request.get('/favicon.ico');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/x-icon');
  const body = await response.body();
  // An ICO file: reserved 0, type 1, then three images (16, 32 and 48 pixels).
  expect([...body.subarray(0, 6)]).toEqual([0, 0, 1, 0, 3, 0]);
  expect([body[6], body[22], body[38]]).toEqual([16, 32, 48]);
});

test('nothing on a lesson or a practice page moves while it loads, on a phone and on a wide screen', async ({
  browser,
}) => {
  for (const viewport of [
    { width: 412, height: 823 },
    { width: 1280, height: 800 },
  ]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    // Without the web font: its styles name a system serif instead (in the render-blocking
    // stylesheet, so from the first frame), so that what is measured is the page's own late
    // parts (the account links, the read-aloud button, the exercise), not how fast the font
    // arrives or which fallback stands in for it meanwhile.
    await page.route(/\.woff2$/, (route) => route.abort());
    await page.route(/\/_next\/static\/.*\.css$/, async (route) => {
      const response = await route.fetch();
      const css = `${await response.text()}\nhtml { --font-serif: Georgia, serif !important; }`;
      await route.fulfill({ response, body: css });
    });
    await page.addInitScript(() => {
      const shifts: Shift[] = [];
      (window as unknown as { shifts: Shift[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          startTime: number;
          sources: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
        }[]) {
          shifts.push({
            value: entry.value,
            sources: entry.sources.map(
              (s) =>
                `${s.node instanceof Element ? `${s.node.tagName}.${s.node.className}` : String(s.node?.nodeName)} ` +
                `${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)} at ${Math.round(entry.startTime)} ms`,
            ),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const url of PAGES) {
      await page.goto(url);
      // Everything that arrives after load has arrived.
      await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link').first()).toBeVisible();
      // The read-aloud button (lessons) is in the page's HTML, enabled once the browser is asked.
      const readAloud = page.getByRole('group', { name: 'Read aloud' }).getByRole('button');
      if (url.startsWith('/lessons/')) await expect(readAloud.first()).toBeEnabled();
      await expect(page.locator('[data-exercise]').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      const shifts = await page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts);
      expect(shifts, `${url} at ${viewport.width} px`).toEqual([]);
    }
    await context.close();
  }
});
