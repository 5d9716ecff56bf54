// The build step that makes a prerendered page ask for its scripts after its first paint
// (lib/server/text-first.mjs, decision 19). The page below has the shape of Next.js's
// prerendered HTML: script tags in the head, one preload hint, the page's data in inline
// scripts, a noModule fallback. The browser side (the scripts are asked for after the first
// contentful paint, and the page hydrates) is tests/e2e/text-first.spec.ts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineScriptHashes } from '@/lib/server/prerendered-pages';
import {
  COMPILE_HINT,
  compileHintBuild,
  loaderScript,
  loaderSources,
  PAINT_WAIT_MS,
  textFirst,
  textFirstBuild,
  withCompileHint,
} from '@/lib/server/text-first.mjs';

const HEAD =
  '<meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/main.js"/>' +
  '<script src="/_next/static/chunks/one.js" async=""></script>' +
  '<script src="/_next/static/chunks/two.js" async=""></script>' +
  '<script src="/_next/static/chunks/poly.js" noModule=""></script>' +
  '<script src="/_next/static/chunks/main.js" async=""></script>';
const BODY =
  '<main><h1>Who says so?</h1><p>Every fact comes from somewhere.</p></main>' +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>' +
  '<script>self.__next_f.push([1,"data"])</script>';
const PAGE = `<!DOCTYPE html><html lang="en"><head>${HEAD}</head><body>${BODY}</body></html>`;

describe('textFirst', () => {
  const page = textFirst(PAGE);

  it('removes the script tags and the script preload, and keeps the text, the styles, the data and the fallback', () => {
    expect(page).not.toMatch(/<script src="[^"]*" async="">/);
    expect(page).not.toContain('rel="preload" as="script"');
    expect(page).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(page).toContain('<script src="/_next/static/chunks/poly.js" noModule=""></script>');
    expect(page).toContain(BODY);
    expect(page).toContain('<h1>Who says so?</h1>');
  });

  it('puts one loader at the end of the head that asks for every script once, in the page’s order', () => {
    const loaders = [...page.matchAll(/<script id="cr-text-first">([\s\S]*?)<\/script>/g)];
    expect(loaders).toHaveLength(1);
    expect(page.indexOf('<script id="cr-text-first">')).toBeLessThan(page.indexOf('</head>'));
    expect(page.indexOf('</script></head>')).toBeGreaterThan(0);
    expect(loaders[0]?.[1]).toBe(
      loaderScript(['/_next/static/chunks/one.js', '/_next/static/chunks/two.js', '/_next/static/chunks/main.js']),
    );
  });

  it('is allowed by the page’s CSP, which hashes the rewritten page’s inline scripts', () => {
    const loader = /<script id="cr-text-first">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    const hashes = inlineScriptHashes(page);
    expect(hashes).toHaveLength(3);
    expect(hashes).toEqual(expect.arrayContaining(inlineScriptHashes(`<script>${loader}</script>`)));
  });

  it('leaves a page it has already rewritten as it is', () => {
    expect(textFirst(page)).toBe(page);
  });

  it('stops the build when Next.js writes its script tags in a form it does not know', () => {
    expect(() => textFirst(PAGE.replaceAll(' async=""', ''))).toThrow(/no `<script src async>` tag/);
    expect(() =>
      textFirst(PAGE.replace('</head>', '<script async src="/_next/static/chunks/x.js"></script></head>')),
    ).toThrow(/a form this step does not know/);
    expect(() => textFirst(PAGE.replace('</head><body>', '<body>'))).toThrow(/no <\/head>/);
  });
});

describe('the loader', () => {
  /** Runs the loader in a bare context: a document whose head records appended scripts, and a fake clock. */
  function run(paint: 'supported' | 'unsupported') {
    const appended: string[] = [];
    const timers: { fn: () => void; ms: number }[] = [];
    let observer: ((list: { getEntriesByName(n: string): unknown[] }, o: { disconnect(): void }) => void) | null = null;
    let disconnected = false;
    class FakeObserver {
      static supportedEntryTypes = paint === 'supported' ? ['paint', 'event'] : ['event'];
      constructor(callback: typeof observer) {
        observer = callback;
      }
      observe() {}
    }
    const fetched: { url: string; init: unknown }[] = [];
    let storageOpened = 0;
    const context = {
      fetch: (url: string, init: unknown) => {
        fetched.push({ url, init });
        return Promise.resolve('the response');
      },
      get localStorage() {
        storageOpened++;
        if (paint === 'unsupported') throw new Error('storage is turned off');
        return { length: 0 };
      },
      document: {
        createElement: () => ({ src: '', async: false }),
        head: {
          appendChild: (e: { src: string; async: boolean }) => appended.push(`${e.src}${e.async ? ' async' : ''}`),
        },
      },
      setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
      PerformanceObserver: FakeObserver,
      window: {} as Record<string, unknown>,
    };
    context.window = context as unknown as Record<string, unknown>;
    runInNewContext(loaderScript(['/a.js', '/b.js']), context);
    const paintReported = (name: string) =>
      observer?.(
        { getEntriesByName: (n: string) => (n === name ? [{}] : []) },
        { disconnect: () => (disconnected = true) },
      );
    return {
      appended,
      timers,
      paintReported,
      disconnected: () => disconnected,
      fetched,
      storageOpened: () => storageOpened,
      window: context.window,
    };
  }

  it('asks for the scripts after the first contentful paint, not at the first paint or before', () => {
    const page = run('supported');
    expect(page.appended).toEqual([]);
    page.paintReported('first-paint');
    expect(page.appended).toEqual([]);
    page.paintReported('first-contentful-paint');
    expect(page.disconnected()).toBe(true);
    // In a task of its own after the paint is reported.
    expect(page.appended).toEqual([]);
    const next = page.timers.find((t) => t.ms === 0);
    next?.fn();
    expect(page.appended).toEqual(['/a.js async', '/b.js async']);
    // The fallback timer, when it fires later, asks for nothing a second time.
    page.timers.find((t) => t.ms === PAINT_WAIT_MS)?.fn();
    expect(page.appended).toHaveLength(2);
  });

  it('asks for them after PAINT_WAIT_MS when no paint is reported', () => {
    const page = run('supported');
    const wait = page.timers.find((t) => t.ms === PAINT_WAIT_MS);
    expect(wait).toBeDefined();
    wait?.fn();
    expect(page.appended).toEqual(['/a.js async', '/b.js async']);
  });

  it('asks for them at once in a browser that cannot report paints', () => {
    const page = run('unsupported');
    expect(page.appended).toEqual(['/a.js async', '/b.js async']);
    expect(page.timers.some((t) => t.ms === PAINT_WAIT_MS)).toBe(false);
  });

  it('then, each in a task of its own, asks for the account and opens the page’s storage', async () => {
    const page = run('supported');
    page.paintReported('first-contentful-paint');
    const go = page.timers.findIndex((t) => t.ms === 0);
    page.timers.splice(go, 1)[0]?.fn();
    expect(page.appended).toHaveLength(2);
    // Not in the task that asks for the scripts.
    expect(page.fetched).toEqual([]);
    expect(page.storageOpened()).toBe(0);
    const after = page.timers.filter((t) => t.ms === 0);
    expect(after).toHaveLength(2);
    after[0]?.fn();
    expect(page.fetched).toEqual([{ url: '/api/account', init: { cache: 'no-store' } }]);
    // The answer waits for AccountLinks, which takes it over.
    expect(await (page.window.__crAccount as Promise<string>)).toBe('the response');
    after[1]?.fn();
    expect(page.storageOpened()).toBe(1);
  });

  it('goes on when storage is turned off', () => {
    const page = run('unsupported');
    for (const t of page.timers.filter((t) => t.ms === 0)) expect(() => t.fn()).not.toThrow();
    expect(page.storageOpened()).toBe(1);
    expect(page.fetched).toHaveLength(1);
  });
});

describe('textFirstBuild', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'close-read-text-first-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('rewrites the prerendered pages of a build once, and leaves Next’s own error pages alone', () => {
    mkdirSync(path.join(dist, 'server', 'app', 'lessons'), { recursive: true });
    writeFileSync(
      path.join(dist, 'prerender-manifest.json'),
      JSON.stringify({ routes: { '/lessons/who-says-so': {}, '/_not-found': {}, '/icon.svg': {} } }),
    );
    writeFileSync(path.join(dist, 'server', 'app', 'lessons', 'who-says-so.html'), PAGE);
    writeFileSync(path.join(dist, 'server', 'app', '_not-found.html'), PAGE);
    expect(textFirstBuild(dist)).toBe(1);
    expect(readFileSync(path.join(dist, 'server', 'app', 'lessons', 'who-says-so.html'), 'utf8')).toBe(textFirst(PAGE));
    expect(readFileSync(path.join(dist, 'server', 'app', '_not-found.html'), 'utf8')).toBe(PAGE);
    expect(textFirstBuild(dist)).toBe(0);
  });
});

describe('the compile hint', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'close-read-compile-hint-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('reads the files a rewritten page asks for, and none from a page not rewritten', () => {
    expect(loaderSources(textFirst(PAGE))).toEqual([
      '/_next/static/chunks/one.js',
      '/_next/static/chunks/two.js',
      '/_next/static/chunks/main.js',
    ]);
    expect(loaderSources(PAGE)).toEqual([]);
  });

  it('begins a file with it once', () => {
    expect(withCompileHint('(globalThis.TURBOPACK||[]).push([])')).toBe(
      `${COMPILE_HINT}(globalThis.TURBOPACK||[]).push([])`,
    );
    expect(withCompileHint(withCompileHint('x()'))).toBe(withCompileHint('x()'));
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad\n');
  });

  it('marks every file a prerendered page asks for at load, and no other', () => {
    mkdirSync(path.join(dist, 'server', 'app', 'lessons'), { recursive: true });
    mkdirSync(path.join(dist, 'static', 'chunks'), { recursive: true });
    writeFileSync(
      path.join(dist, 'prerender-manifest.json'),
      JSON.stringify({ routes: { '/lessons/who-says-so': {} } }),
    );
    writeFileSync(path.join(dist, 'server', 'app', 'lessons', 'who-says-so.html'), textFirst(PAGE));
    for (const name of ['one', 'two', 'main', 'later', 'poly']) {
      writeFileSync(path.join(dist, 'static', 'chunks', `${name}.js`), `/* ${name} */`);
    }
    expect(compileHintBuild(dist)).toBe(3);
    const read = (name: string) => readFileSync(path.join(dist, 'static', 'chunks', `${name}.js`), 'utf8');
    for (const name of ['one', 'two', 'main']) expect(read(name)).toBe(`${COMPILE_HINT}/* ${name} */`);
    // Loaded later (the answer boxes), or never by a modern browser (the noModule fallback).
    expect(read('later')).toBe('/* later */');
    expect(read('poly')).toBe('/* poly */');
    // A second run changes nothing.
    expect(compileHintBuild(dist)).toBe(0);
  });

  it('stops the build when a page asks for a file the build does not have', () => {
    writeFileSync(
      path.join(dist, 'server', 'app', 'lessons', 'who-says-so.html'),
      textFirst(PAGE.replace('two.js', 'gone.js')),
    );
    expect(() => compileHintBuild(dist)).toThrow(/gone\.js, which the build does not have/);
  });
});
