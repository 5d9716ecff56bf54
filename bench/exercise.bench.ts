// The labeling exercise in the browser: time from a finished selection to its label being
// painted on the 60 KB aggregation page with 300 labels placed, under 4x CPU throttling;
// and the weight of a lesson page (first-load JS and HTML, gzipped).
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findChromium } from '../scripts/find-chromium.cjs';
import type { Figure } from './run';
import { startServer } from './server';

const PORT = 3210;
const PLACED = 300;
const MEASURED = 30;
const CPU_THROTTLE = 4;
const PRACTICE = '/articles/envoy-speech-aggregation/practice';
const LESSON = '/lessons/who-says-so';

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Gzipped bytes of the page's HTML and of every script its HTML loads. */
async function pageWeight(base: string, path: string): Promise<{ js: number; html: number }> {
  const html = await (await fetch(base + path)).text();
  // Scripts marked nomodule (legacy polyfills) are skipped by every browser that runs the app.
  const scripts = [...html.matchAll(/<script([^>]*)>/g)]
    .filter((m) => !/\bnomodule\b/i.test(m[1] as string))
    .map((m) => /\bsrc="([^"]+)"/.exec(m[1] as string)?.[1])
    .filter((src): src is string => src !== undefined);
  let js = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    js += gzipSync(body, { level: 9 }).length;
  }
  return { js, html: gzipSync(Buffer.from(html), { level: 9 }).length };
}

/** Word spans spread over the text, as a student's draft of `count` labels. */
function draftSpans(text: string, count: number) {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const step = Math.floor(words.length / count);
  const labels = ['sourcing', 'loaded-language', 'unverifiable-claim'];
  return Array.from({ length: count }, (_, i) => {
    const w = words[i * step] as { start: number; end: number };
    return { id: `seed-${i}`, label: labels[i % 3], start: w.start, end: w.end };
  });
}

export async function run(): Promise<Record<string, Figure>> {
  const server = await startServer(PORT);
  const browser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // tsx keeps function names with a helper that page scripts do not have.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(server.url + PRACTICE);
    const frame = page.locator('.text-frame');
    await frame.waitFor();
    const { key, text } = await frame.evaluate((root) => {
      const section = root.closest('[data-exercise]') as HTMLElement;
      const paras = Array.from(root.querySelectorAll<HTMLElement>('.para'));
      const end = Math.max(...paras.map((p) => Number(p.dataset.end)));
      const chars = new Array<string>(end).fill('\n');
      for (const p of paras) {
        const s = Number(p.dataset.start);
        const t = p.textContent ?? '';
        for (let k = 0; k < t.length; k++) chars[s + k] = t[k] as string;
      }
      const sha = root.querySelector<HTMLElement>('.article-text')?.dataset.sha256;
      return { key: `close-read:v1:exercise:${section.dataset.exercise}:${sha}`, text: chars.join('') };
    });
    const placed = draftSpans(text, PLACED);
    // Store the draft from a page without the exercise, which would otherwise save its own state on leaving.
    await page.goto(`${server.url}/`);
    await page.evaluate(([k, spans]) => localStorage.setItem(k as string, JSON.stringify({ spans, savedAt: '' })), [
      key,
      placed,
    ] as const);
    await page.goto(server.url + PRACTICE);
    await page
      .locator('.span-item')
      .nth(PLACED - 1)
      .waitFor();

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    const targets = draftSpans(text, PLACED + MEASURED)
      .filter((s) => !placed.some((p) => p.start === s.start))
      .slice(0, MEASURED);
    const times: number[] = [];
    for (const target of targets) {
      const ms = await frame.evaluate(
        (root, t) =>
          new Promise<number>((resolve) => {
            const para = Array.from(root.querySelectorAll<HTMLElement>('.para')).find(
              (p) => Number(p.dataset.start) <= t.start && Number(p.dataset.end) >= t.end,
            ) as HTMLElement;
            const node = para.firstChild as Text;
            const offset = Number(para.dataset.start);
            const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
            const range = document.createRange();
            range.setStart(node, t.start - offset);
            range.setEnd(node, t.end - offset);
            const painted = () =>
              [...(registry.get('cr-sourcing') ?? [])].some(
                (r) =>
                  r.startContainer === node && r.startOffset === range.startOffset && r.endOffset === range.endOffset,
              );
            // A reader selects what is on screen, seconds after the last label: bring the words
            // into view and start once the page has finished the previous label's work.
            para.scrollIntoView({ block: 'center' });
            const settle = (frames: number, then: () => void) =>
              frames === 0
                ? requestIdleCallback(() => then(), { timeout: 5000 })
                : requestAnimationFrame(() => settle(frames - 1, then));
            settle(3, () => {
              const t0 = performance.now();
              getSelection()?.removeAllRanges();
              getSelection()?.addRange(range);
              // The end: the task right after the frame that paints the label (rAF runs just before
              // that frame's style, layout and paint).
              const untilPainted = () =>
                requestAnimationFrame(() => {
                  if (painted()) setTimeout(() => resolve(performance.now() - t0), 0);
                  else untilPainted();
                });
              // selectionchange is queued: once the menu shows, press 1 as a key event of its own.
              const whenShown = () => {
                if (root.parentElement?.querySelector('.label-toolbar[role="group"]')) {
                  setTimeout(() => {
                    (window as unknown as { __t1: number }).__t1 = performance.now() - t0;
                    (root as HTMLElement).focus({ preventScroll: true });
                    root.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
                    untilPainted();
                  }, 0);
                } else requestAnimationFrame(whenShown);
              };
              requestAnimationFrame(whenShown);
            });
          }),
        target,
      );
      times.push(ms);
      if (process.env.BENCH_DEBUG)
        console.error(ms, await page.evaluate(() => (window as unknown as { __t1: number }).__t1));
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const labeled = await page.locator('.span-item').count();
    if (labeled !== PLACED + MEASURED) throw new Error(`expected ${PLACED + MEASURED} labels, found ${labeled}`);
    times.sort((a, b) => a - b);
    const weight = await pageWeight(server.url, LESSON);
    return {
      'exercise.paint_median_ms': { value: round(percentile(times, 50)), unit: 'ms', better: 'lower' },
      'exercise.paint_p95_ms': { value: round(percentile(times, 95)), unit: 'ms', target: 100, better: 'lower' },
      'lesson.first_load_js_gz_kb': { value: round(weight.js / 1024), unit: 'KB', target: 165, better: 'lower' },
      'lesson.html_gz_kb': { value: round(weight.html / 1024), unit: 'KB', better: 'lower' },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
