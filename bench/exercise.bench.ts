// The labeling exercise in the browser, on the 60 KB aggregation page with 300 labels placed,
// under 4x CPU throttling:
// - exercise.paint_*: from releasing a mouse selection to its label being painted, with the
//   label pen on (real mouse events; the clock starts at the pointerup event's own time stamp);
// - exercise.release_event_ms: p95 of Chromium's Event Timing duration of those releases'
//   pointerup (what INP counts; the API reports 16 ms and longer, a shorter one counts as 16);
// - exercise.menu_paint_*: the menu's way, from the selection to the menu shown, plus from the
//   key that picks a label to that label painted (both frames counted, the reader's pause not);
// - exercise.bare_*: the same release on a bare page, for scale (bareRelease);
// and the weight of a lesson page (first-load JS and HTML, gzipped).
import { gzipSync } from 'node:zlib';
import { type CDPSession, chromium, type Locator, type Page } from '@playwright/test';
import { findChromium } from '../scripts/find-chromium.cjs';
import type { Figure } from './run';
import { freePort, startServer } from './server';

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

/**
 * Gzipped bytes of the page's HTML and of every script its HTML loads: by its script tags, and
 * by the loader that asks for them after the first paint (decision 19).
 */
async function pageWeight(base: string, path: string): Promise<{ js: number; html: number }> {
  const html = await (await fetch(base + path)).text();
  // Scripts marked nomodule (legacy polyfills) are skipped by every browser that runs the app.
  const scripts = [...html.matchAll(/<script([^>]*)>/g)]
    .filter((m) => !/\bnomodule\b/i.test(m[1] as string))
    .map((m) => /\bsrc="([^"]+)"/.exec(m[1] as string)?.[1])
    .filter((src): src is string => src !== undefined);
  const loader = /<script id="cr-text-first">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  scripts.push(...[...loader.matchAll(/"(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1] as string));
  if (scripts.length < 3) throw new Error(`${path}: found ${scripts.length} script files, expected the page's chunks`);
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

type Target = { start: number; end: number };
type Spans = ReturnType<typeof draftSpans>;

/** Resolves once the page has drawn a few frames and is idle: the previous label's work is done. */
function settle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const wait = (frames: number) =>
          frames === 0
            ? requestIdleCallback(() => resolve(), { timeout: 5000 })
            : requestAnimationFrame(() => wait(frames - 1));
        wait(3);
      }),
  );
}

/** Opens the practice page with exactly `placed` as the stored draft, and waits for the list. */
async function openWithDraft(page: Page, url: string, key: string, placed: Spans): Promise<Locator> {
  // Store the draft from a page without the exercise, which would otherwise save its own state on leaving.
  await page.goto(url.replace(PRACTICE, '/'));
  await page.evaluate(([k, spans]) => localStorage.setItem(k as string, JSON.stringify({ spans, savedAt: '' })), [
    key,
    placed,
  ] as const);
  await page.goto(url);
  await page
    .locator('.span-item')
    .nth(placed.length - 1)
    .waitFor();
  return page.locator('.text-frame');
}

/**
 * The label pen's way: the word is dragged over with the real mouse, then released; the clock
 * runs from the pointerup event's time stamp to the task right after the frame that paints the
 * new highlight (requestAnimationFrame runs just before that frame's style, layout and paint).
 */
export async function penLabel(
  page: Page,
  frame: Locator,
  t: Target,
): Promise<{ paint: number; release: number; ink: number }> {
  // Finds and scrolls to the word (a reader selects what is on screen), and arms the clock for
  // the release; returns where the drag starts and ends.
  const box = await frame.evaluate((root, target) => {
    const para = Array.from(root.querySelectorAll<HTMLElement>('.para')).find(
      (p) => Number(p.dataset.start) <= target.start && Number(p.dataset.end) >= target.end,
    ) as HTMLElement;
    para.scrollIntoView({ block: 'center' });
    const node = para.firstChild as Text;
    const at = target.start - Number(para.dataset.start);
    const length = target.end - target.start;
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    const painted = () =>
      [...(registry.get('cr-sourcing') ?? [])].some(
        (r) => r.startContainer === node && r.startOffset === at && r.endOffset === at + length,
      );
    type Paint = { paint: number; release: number };
    // The ink: from the drag's first move to the frame that draws the word in the pen's label.
    (window as unknown as { __ink: Promise<number> }).__ink = new Promise<number>((resolve, reject) => {
      const onMove = (e: PointerEvent) => {
        if ((e.buttons & 1) === 0) return; // not dragging yet
        removeEventListener('pointermove', onMove, { capture: true });
        const t0 = e.timeStamp;
        setTimeout(() => reject(new Error('the drag was not inked within 10 s')), 10_000);
        const untilInked = () =>
          requestAnimationFrame(() => {
            if (painted()) setTimeout(() => resolve(performance.now() - t0), 0);
            else untilInked();
          });
        untilInked();
      };
      addEventListener('pointermove', onMove, { capture: true });
    });
    (window as unknown as { __paint: Promise<Paint> }).__paint = new Promise<Paint>((resolve, reject) => {
      addEventListener(
        'pointerup',
        (e) => {
          const t0 = e.timeStamp;
          setTimeout(() => reject(new Error('the label was not painted within 10 s')), 10_000);
          const untilPainted = () =>
            requestAnimationFrame(() => {
              if (painted()) setTimeout(() => resolve({ paint: performance.now() - t0, release: t0 }), 0);
              else untilPainted();
            });
          untilPainted();
        },
        { capture: true, once: true },
      );
    });
    const r = document.createRange();
    r.setStart(node, at);
    r.setEnd(node, at + 1);
    const a = r.getBoundingClientRect();
    r.setStart(node, at + length - 1);
    r.setEnd(node, at + length);
    const b = r.getBoundingClientRect();
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, t);
  await settle(page);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 3 });
  await settle(page);
  const ink = await page.evaluate(() => (window as unknown as { __ink: Promise<number> }).__ink);
  await page.mouse.up();
  const { paint, release } = await page.evaluate(
    () => (window as unknown as { __paint: Promise<{ paint: number; release: number }> }).__paint,
  );
  return { paint, release, ink };
}

/** Starts recording Chromium's Event Timing entries of pointerup (16 ms and longer: the API's floor). */
function observeReleases(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __releases?: { start: number; duration: number }[] };
    if (w.__releases) return;
    const releases: { start: number; duration: number }[] = [];
    w.__releases = releases;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === 'pointerup') releases.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
}

/**
 * The Event Timing duration of each release whose time stamp is in `starts`, once the entries
 * have arrived (they come after the frame is presented). A release with no entry took less
 * than 16 ms, the API's floor, and counts as 16.
 */
async function releaseDurations(page: Page, starts: number[]): Promise<number[]> {
  await settle(page);
  await page.waitForTimeout(500);
  const entries = await page.evaluate(
    () => (window as unknown as { __releases: { start: number; duration: number }[] }).__releases,
  );
  return starts.map((t) => entries.find((e) => Math.abs(e.start - t) < 0.5)?.duration ?? 16);
}

/**
 * The menu's way: the selection is made, the menu must appear (its frame is counted), then 1
 * is pressed as a key event of its own, and the clock stops at the task right after the frame
 * that paints the label.
 */
export function menuLabel(frame: Locator, t: Target): Promise<number> {
  return frame.evaluate(
    (root, target) =>
      new Promise<number>((resolve, reject) => {
        setTimeout(() => reject(new Error('the label was not painted within 10 s')), 10_000);
        const para = Array.from(root.querySelectorAll<HTMLElement>('.para')).find(
          (p) => Number(p.dataset.start) <= target.start && Number(p.dataset.end) >= target.end,
        ) as HTMLElement;
        const node = para.firstChild as Text;
        const offset = Number(para.dataset.start);
        const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
        const range = document.createRange();
        range.setStart(node, target.start - offset);
        range.setEnd(node, target.end - offset);
        const painted = () =>
          [...(registry.get('cr-sourcing') ?? [])].some(
            (r) => r.startContainer === node && r.startOffset === range.startOffset && r.endOffset === range.endOffset,
          );
        para.scrollIntoView({ block: 'center' });
        const settled = (frames: number, then: () => void) =>
          frames === 0
            ? requestIdleCallback(() => then(), { timeout: 5000 })
            : requestAnimationFrame(() => settled(frames - 1, then));
        settled(3, () => {
          const t0 = performance.now();
          getSelection()?.removeAllRanges();
          getSelection()?.addRange(range);
          const untilPainted = () =>
            requestAnimationFrame(() => {
              if (painted()) setTimeout(() => resolve(performance.now() - t0), 0);
              else untilPainted();
            });
          // selectionchange is queued: once the menu shows, press 1 as a key event of its own.
          const whenShown = () => {
            if (root.parentElement?.querySelector('.label-toolbar[role="group"]')) {
              setTimeout(() => {
                (root as HTMLElement).focus({ preventScroll: true });
                root.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
                untilPainted();
              }, 0);
            } else requestAnimationFrame(whenShown);
          };
          requestAnimationFrame(whenShown);
        });
      }),
    t,
  );
}

/**
 * The same release on a bare page, for scale: one paragraph, and a pointerup handler that adds
 * the next word to a CSS highlight, either at once (`in_handler`, as the exercise does) or
 * after the next frame (`next_frame`, as `@recogito/text-annotator` does). The clocks are the
 * exercise's: Event Timing of the pointerup, and its time stamp to the task after the frame
 * whose requestAnimationFrame first sees the range. What the browser itself needs, with no
 * article, list or framework around the highlight (decision 13).
 */
async function bareRelease(
  page: Page,
  cdp: CDPSession,
  mode: 'in_handler' | 'next_frame',
): Promise<{ paint: number[]; event: number[] }> {
  const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
  await page.setContent(
    `<!doctype html><style>::highlight(bare){background:#fde68a}</style><p id="p" style="font:16px/1.5 sans-serif;width:40rem">${words}</p>`,
  );
  // The init script's helper (see run) is not carried into content set this way.
  await page.evaluate('window.__name = (f) => f;');
  type Bare = { starts: number[]; paints: number[] };
  await page.evaluate((deferred) => {
    const node = document.getElementById('p')?.firstChild as Text;
    const highlight = new Highlight();
    CSS.highlights.set('bare', highlight);
    const bare: Bare = { starts: [], paints: [] };
    (window as unknown as { __bare: Bare }).__bare = bare;
    let k = 0;
    addEventListener('pointerup', (e) => {
      const t0 = e.timeStamp;
      bare.starts.push(t0);
      const range = new Range();
      range.setStart(node, k * 8);
      range.setEnd(node, k * 8 + 5);
      k++;
      if (deferred) requestAnimationFrame(() => setTimeout(() => highlight.add(range), 0));
      else highlight.add(range);
      const untilPainted = () =>
        requestAnimationFrame(() => {
          if (highlight.has(range)) setTimeout(() => bare.paints.push(performance.now() - t0), 0);
          else untilPainted();
        });
      untilPainted();
    });
  }, mode === 'next_frame');
  await observeReleases(page);
  const box = await page.locator('#p').boundingBox();
  if (!box) throw new Error('bare page: the paragraph is not shown');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  // The first release is the warm-up, not counted.
  for (let i = 0; i <= MEASURED; i++) {
    await settle(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await settle(page);
    await page.mouse.up();
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const starts = await page.evaluate(() => (window as unknown as { __bare: Bare }).__bare.starts);
  const event = await releaseDurations(page, starts.slice(1));
  const paints = await page.evaluate(() => (window as unknown as { __bare: Bare }).__bare.paints);
  if (paints.length !== MEASURED + 1) throw new Error(`bare page: ${paints.length} paints, expected ${MEASURED + 1}`);
  return { paint: paints.slice(1), event };
}

/** The `p`th percentile of times in milliseconds, lower better. */
function percentileFigure(times: number[], p: number): Figure {
  return {
    value: round(
      percentile(
        [...times].sort((x, y) => x - y),
        p,
      ),
    ),
    unit: 'ms',
    better: 'lower',
  };
}

/** A median and a 95th percentile of paint times, named `<prefix>_median_ms` and `<prefix>_p95_ms`. */
export function figures(prefix: string, times: number[], target?: number): Record<string, Figure> {
  return {
    [`${prefix}_median_ms`]: percentileFigure(times, 50),
    [`${prefix}_p95_ms`]: { ...percentileFigure(times, 95), ...(target === undefined ? {} : { target }) },
  };
}

export async function run(): Promise<Record<string, Figure>> {
  const server = await startServer(await freePort());
  const browser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // tsx keeps function names with a helper that page scripts do not have.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    const url = server.url + PRACTICE;
    await page.goto(url);
    const { key, text } = await page.locator('.text-frame').evaluate((root) => {
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
    const fresh = draftSpans(text, PLACED + 4 * MEASURED).filter((s) => !placed.some((p) => p.start === s.start));
    const cdp = await page.context().newCDPSession(page);
    const measure = async (label: (frame: Locator, t: Target) => Promise<number>, targets: Target[]) => {
      const frame = await openWithDraft(page, url, key, placed);
      await label(frame, targets[0] as Target); // warm-up, not counted
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
      const times: number[] = [];
      for (const t of targets.slice(1, MEASURED + 1)) times.push(await label(frame, t));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      // The list redraws after the paint, in a transition: wait for the last label's row.
      await page
        .locator('.span-item')
        .nth(PLACED + MEASURED)
        .waitFor({ timeout: 10_000 })
        .catch(() => undefined);
      const labeled = await page.locator('.span-item').count();
      if (labeled !== PLACED + MEASURED + 1)
        throw new Error(`expected ${PLACED + MEASURED + 1} labels, found ${labeled}`);
      return times;
    };

    // Each release's time stamp, to find its Event Timing entry; the first is the warm-up.
    const releases: number[] = [];
    const inks: number[] = [];
    const pen = await measure(
      async (frame, t) => {
        const radio = page.getByRole('radio', { name: 'As Sourcing' });
        if (!(await radio.isChecked())) await radio.check();
        await observeReleases(page);
        const { paint, release, ink } = await penLabel(page, frame, t);
        releases.push(release);
        inks.push(ink);
        return paint;
      },
      fresh.filter((_, i) => i % 2 === 0),
    );
    const releaseEvents = await releaseDurations(page, releases.slice(1));
    const menu = await measure(
      menuLabel,
      fresh.filter((_, i) => i % 2 === 1),
    );
    if (process.env.BENCH_DEBUG) console.error({ pen, menu, releaseEvents });

    const bare = {
      in_handler: await bareRelease(page, cdp, 'in_handler'),
      next_frame: await bareRelease(page, cdp, 'next_frame'),
    };
    const weight = await pageWeight(server.url, LESSON);
    return {
      ...figures('exercise.paint', pen, 30),
      // The first ink's time is the warm-up's.
      ...figures('exercise.ink', inks.slice(1)),
      ...figures('exercise.menu_paint', menu, 60),
      'exercise.release_event_ms': { ...percentileFigure(releaseEvents, 95), target: 24 },
      ...Object.fromEntries(
        Object.entries(bare).flatMap(([mode, { paint, event }]) => [
          [`exercise.bare_paint_p95_ms.${mode}`, percentileFigure(paint, 95)],
          [`exercise.bare_release_event_ms.${mode}`, percentileFigure(event, 95)],
        ]),
      ),
      'lesson.first_load_js_gz_kb': { value: round(weight.js / 1024), unit: 'KB', target: 165, better: 'lower' },
      'lesson.html_gz_kb': { value: round(weight.html / 1024), unit: 'KB', better: 'lower' },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
