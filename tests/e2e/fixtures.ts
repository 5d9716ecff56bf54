import { type Browser, type BrowserContext, test as base, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

// A lesson or practice page asks for its scripts once its text is painted (decision 19), so its
// `load` event, which `page.goto` and `page.reload` wait for, can come before the page's code.
// A person reads first; a test acts at once. Every page of these tests therefore waits, after
// a navigation to such a page, until React has hydrated it (`<html data-hydrated>`, set by
// components/layout/hydration-mark.tsx). Pages of every context are covered: the `page`
// fixture's and those of contexts a test makes with `browser.newContext()`. A context without
// JavaScript never hydrates and does not wait.
//
// The contexts a test makes (a teacher and each student of a class are contexts of their own)
// are closed when the test ends: a worker that kept them would go on running every page of every
// test before it, which costs a two-core machine its memory and processor (one worker had 13
// pages open when a test failed).

const ready = new WeakSet<Page>();
/** Contexts the running test made with `browser.newContext()` or `browser.newPage()`. */
const made = new Set<BrowserContext>();

async function hydrated(page: Page) {
  await page.waitForFunction(
    () => !document.getElementById('cr-text-first') || document.documentElement.hasAttribute('data-hydrated'),
  );
}

function waitsForHydration(page: Page): Page {
  if (ready.has(page)) return page;
  ready.add(page);
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (...args: Parameters<Page['goto']>) => {
    const response = await goto(...args);
    await hydrated(page);
    return response;
  };
  page.reload = async (...args: Parameters<Page['reload']>) => {
    const response = await reload(...args);
    await hydrated(page);
    return response;
  };
  return page;
}

function pagesWaitForHydration(context: BrowserContext, javaScript: boolean): BrowserContext {
  if (!javaScript) return context;
  for (const page of context.pages()) waitsForHydration(page);
  context.on('page', waitsForHydration);
  const newPage = context.newPage.bind(context);
  context.newPage = async () => waitsForHydration(await newPage());
  return context;
}

export const test = base.extend<{ closesContexts: void }, { browser: Browser }>({
  browser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      const newPage = browser.newPage.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        made.add(context);
        return pagesWaitForHydration(context, options?.javaScriptEnabled !== false);
      };
      browser.newPage = async (options) => {
        const page = await newPage(options);
        made.add(page.context());
        if (options?.javaScriptEnabled !== false) waitsForHydration(page);
        return page;
      };
      await use(browser);
    },
    { scope: 'worker' },
  ],
  context: async ({ context, javaScriptEnabled }, use) => {
    await use(pagesWaitForHydration(context, javaScriptEnabled !== false));
  },
  // After the test (and after a failed test's screenshots, taken as its function ends).
  closesContexts: [
    // The empty pattern is Playwright's: it reads a fixture's dependencies from it.
    async ({}, use) => {
      await use();
      const open = [...made];
      made.clear();
      await Promise.all(open.map((context) => context.close()));
    },
    { auto: true },
  ],
});
