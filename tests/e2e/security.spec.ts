import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { manifestActions } from './authz';

// Pages rendered per request: their scripts carry a fresh nonce.
const PAGES = ['/', '/lessons', '/no-such-page'];
// Pages the build prerendered, the same for every reader (decision 15): their inline scripts
// are allowed by hash, their script files because they are the site's own.
const PRERENDERED = [
  '/lessons/who-says-so',
  '/articles/envoy-speech-aggregation',
  '/articles/envoy-speech-aggregation/practice',
];

function expectCommonHeaders(h: Record<string, string>) {
  const csp = h['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-frame-options']).toBe('DENY');
  // The test server runs in production mode: HSTS is on everywhere but `next dev`.
  expect(h['strict-transport-security']).toContain('max-age=');
  expect(h['x-powered-by']).toBeUndefined();
}

/** The script-src directive of a policy. */
const scriptSrc = (csp: string) => /(?:^|;\s*)script-src ([^;]*)/.exec(csp)?.[1] ?? '';

for (const path of PAGES) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path);
    const h = response.headers();
    expectCommonHeaders(h);
    expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  });
}

for (const path of PRERENDERED) {
  test(`security headers on the prerendered ${path}: scripts allowed by hash, never inline at large`, async ({
    request,
  }) => {
    const response = await request.get(path);
    const h = response.headers();
    expectCommonHeaders(h);
    const scripts = scriptSrc(h['content-security-policy'] ?? '');
    expect(scripts).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
    expect(scripts).not.toContain('unsafe-inline');
    expect(scripts).not.toContain('nonce-');
  });
}

test('every script on a page rendered per request carries the response nonce', async ({ request }) => {
  const response = await request.get('/lessons');
  const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];
  expect(nonce).toBeTruthy();
  const tags = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(tags.length).toBeGreaterThan(2);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  const again = await request.get('/lessons');
  expect(again.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`);
});

test('every inline script on a lesson is in its CSP by hash, every script file is the site’s own, and the page works under the CSP', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto('/lessons/who-says-so');
  const allowed = scriptSrc(response?.headers()['content-security-policy'] ?? '').split(' ');
  const html = (await response?.text()) ?? '';
  const scripts = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)];
  const files = scripts.filter((m) => /\ssrc=/.test(m[1] ?? ''));
  const inline = scripts.filter((m) => !/\ssrc=/.test(m[1] ?? ''));
  expect(files.length).toBeGreaterThan(2);
  expect(inline.length).toBeGreaterThan(2);
  for (const m of files) expect(/\ssrc="([^"]+)"/.exec(m[1] ?? '')?.[1]).toMatch(/^\/_next\/static\//);
  for (const m of inline) {
    const hash = createHash('sha256')
      .update(m[2] ?? '', 'utf8')
      .digest('base64');
    expect(allowed, 'an inline script of the page').toContain(`'sha256-${hash}'`);
  }
  // Hydrated: the exercise answers a selection with its label menu.
  const frame = page.locator('[data-exercise="who-says-so-attributions"] .text-frame');
  await frame.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('group', { name: 'Label the selection' }).first()).toBeVisible();
  expect(violations).toEqual([]);
  // An inline script the page did not ship is refused.
  const injected = await page.evaluate(() => {
    const w = window as unknown as { injectedRan?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.injectedRan = true';
    document.body.append(s);
    return w.injectedRan === true;
  });
  expect(injected).toBe(false);
  await expect.poll(() => violations.length).toBe(1);
});

test('static assets are served with nosniff', async ({ page, request }) => {
  await page.goto('/');
  const src = await page.locator('script[src]').first().getAttribute('src');
  const response = await request.get(src ?? '');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test('a server action’s answer carries the security headers, once each', async ({ request, baseURL }) => {
  const id = manifestActions().find((a) => a.key === 'app/lessons/actions.ts#submitExercise')?.id;
  expect(id, 'submitExercise is in the build').toBeTruthy();
  const response = await request.post('/lessons/who-says-so', {
    headers: {
      'Next-Action': id as string,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: baseURL as string,
    },
    data: JSON.stringify([{ exerciseId: 'who-says-so-attributions', clientId: crypto.randomUUID(), answers: [] }]),
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('"ok":true');
  const h = response.headers();
  expect(h['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['strict-transport-security']).toContain('max-age=');
});

test('malformed server action calls get 400 or 413 with a plain message, never a 500, and store nothing', async ({
  request,
  baseURL,
}) => {
  const id = manifestActions().find((a) => a.key === 'app/lessons/classroom-actions.ts#saveDraftToClass')?.id;
  expect(id, 'saveDraftToClass is in the build').toBeTruthy();
  const call = (data: string) =>
    request.post('/lessons/who-says-so', {
      headers: {
        'Next-Action': id as string,
        'Content-Type': 'text/plain;charset=UTF-8',
        Accept: 'text/x-component',
        Origin: baseURL as string,
      },
      data,
    });
  const cases: [string, string, number, RegExp][] = [
    ['bad JSON', '[zxc', 400, /could not be read/],
    ['an empty body', '', 400, /no body/],
    ['5,000-deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`, 400, /nested too deeply/],
    ['a 2 MB body', JSON.stringify([{ exerciseId: 'x'.repeat(2 * 1024 * 1024), answers: [] }]), 413, /too large/],
  ];
  for (const [what, data, status, message] of cases) {
    const response = await call(data);
    expect(response.status(), what).toBe(status);
    const body = await response.text();
    expect(body, what).toMatch(message);
    expect(body, what).not.toContain('digest');
  }
  // A well-formed call still reaches the action (an anonymous caller is refused by it, in its own words).
  const fine = await call(JSON.stringify([{ exerciseId: 'who-says-so-attributions', answers: [] }]));
  expect(fine.status()).toBe(200);
  expect(await fine.text()).toContain('Only students of a class save drafts to it.');
});
