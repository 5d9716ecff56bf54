import { createHash } from 'node:crypto';
import { manifestActions } from './authz';
import { expect, test } from './fixtures';

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
  // The script files the page asks for: most of them by its loader, after the first paint (decision 19).
  const files: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') files.push(new URL(r.url()).pathname);
  });
  const response = await page.goto('/lessons/who-says-so');
  const allowed = scriptSrc(response?.headers()['content-security-policy'] ?? '').split(' ');
  const html = (await response?.text()) ?? '';
  const scripts = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)];
  const inline = scripts.filter((m) => !/\ssrc=/.test(m[1] ?? ''));
  expect(inline.length).toBeGreaterThan(2);
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
  expect(files.length).toBeGreaterThan(2);
  for (const file of files) expect(file, 'a script file of the page').toMatch(/^\/_next\/static\//);
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
  // answerQuestion: public, and stores nothing for a reader without a class.
  const id = manifestActions().find((a) => a.key === 'app/lessons/question-actions.ts#answerQuestion')?.id;
  expect(id, 'answerQuestion is in the build').toBeTruthy();
  const response = await request.post('/lessons/who-says-so', {
    headers: {
      'Next-Action': id as string,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: baseURL as string,
    },
    data: JSON.stringify([
      {
        questionId: 'who-says-so-q-vague',
        answer: 'Press TV names an outlet and a speaker, so I could look up the record of the speech myself.',
      },
    ]),
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('"ok":true');
  expectDataHeaders(response.headers());
});

function expectDataHeaders(h: Record<string, string>) {
  expect(h['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['strict-transport-security']).toContain('max-age=');
}

const submission = (answers: unknown[] = []) => ({
  exerciseId: 'who-says-so-attributions',
  clientId: crypto.randomUUID(),
  answers,
});

test('a submission’s answer carries the security headers, once each, and is never cached', async ({
  request,
  baseURL,
}) => {
  const response = await request.post('/api/submissions', {
    headers: { 'Content-Type': 'application/json', Origin: baseURL as string },
    data: JSON.stringify(submission()),
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, graded: { exerciseId: 'who-says-so-attributions' } });
  expectDataHeaders(response.headers());
  expect(response.headers()['cache-control']).toBe('no-store');
  // Answered by the route's handler called directly by the production server (decision 20).
  expect(response.headers()['x-served-from']).toBe('handler');
});

test('submissions from another site, or not as JSON, are refused before anything is read', async ({
  request,
  baseURL,
}) => {
  const post = (headers: Record<string, string>, data = JSON.stringify(submission())) =>
    request.post('/api/submissions', { headers, data });
  const json = { 'Content-Type': 'application/json' };
  const cases: [string, Record<string, string>, number, string, RegExp][] = [
    ['another origin', { ...json, Origin: 'https://evil.example' }, 403, 'Origin', /another site/],
    ['an opaque origin', { ...json, Origin: 'null' }, 403, 'Origin', /another site/],
    ['a cross-site fetch', { ...json, 'Sec-Fetch-Site': 'cross-site' }, 403, 'Sec-Fetch-Site', /another site/],
    ['a same-site fetch', { ...json, 'Sec-Fetch-Site': 'same-site' }, 403, 'Sec-Fetch-Site', /another site/],
    // What a plain HTML form can send: refused even from this origin.
    [
      'a form post',
      { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseURL as string },
      415,
      'Content-Type',
      /must be JSON/,
    ],
    ['text/plain', { 'Content-Type': 'text/plain', Origin: baseURL as string }, 415, 'Content-Type', /must be JSON/],
  ];
  for (const [what, headers, status, field, message] of cases) {
    const response = await post(headers);
    expect(response.status(), what).toBe(status);
    const body = (await response.json()) as { ok: boolean; message: string; fieldErrors: Record<string, string[]> };
    expect(body.ok, what).toBe(false);
    expect(body.message, what).toMatch(message);
    expect(body.message, what).toContain('Nothing was saved.');
    expect(Object.keys(body.fieldErrors), what).toEqual([field]);
  }
});

test('malformed submissions get 400 or 413 naming the field, never a 500', async ({ request, baseURL }) => {
  // As bytes: Playwright would JSON-encode a string that is not JSON itself.
  const post = (data: string) =>
    request.post('/api/submissions', {
      headers: { 'Content-Type': 'application/json', Origin: baseURL as string },
      data: Buffer.from(data),
    });
  const big = JSON.stringify(submission([{ label: 'sourcing', start: 0, end: 1, why: 'x'.repeat(2 * 1024 * 1024) }]));
  const cases: [string, string, number, string, RegExp][] = [
    ['bad JSON', '{zxc', 400, 'body', /could not be read/],
    ['an empty body', '', 400, 'body', /no body/],
    ['5,000-deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`, 400, 'body', /nested too deeply/],
    ['a 2 MB body', big, 413, 'body', /larger than 1 MiB/],
    [
      'a span with no end',
      JSON.stringify(submission([{ label: 'sourcing', start: 3 }])),
      400,
      'answers.0.end',
      /could not be read/,
    ],
    ['no submission id', JSON.stringify({ ...submission(), clientId: 'x' }), 400, 'clientId', /could not be read/],
  ];
  for (const [what, data, status, field, message] of cases) {
    const response = await post(data);
    expect(response.status(), what).toBe(status);
    const body = (await response.json()) as { ok: boolean; message: string; fieldErrors: Record<string, string[]> };
    expect(body, what).toMatchObject({ ok: false });
    expect(body.message, what).toMatch(message);
    expect(body.message, what).toContain('Nothing was saved.');
    expect(Object.keys(body.fieldErrors), what).toContain(field);
  }
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
