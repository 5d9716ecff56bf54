// Lighthouse on the production build, as a reader on a slow phone meets the pages: the
// default mobile settings (4× CPU slowdown, simulated slow 4G), Debian's Chromium (the one the
// browser tests use), RUNS runs per page, and the median of each figure. A run starts a fresh
// browser with an empty cache, so each is a first visit. Lighthouse's simulated throttling
// makes the figures depend on the machine's own speed: compare runs made on one machine.
// Beside them, `lesson.real_*`: real loads of the same pages under Chromium's own slow-4G and
// 4x CPU throttling, for what the simulation leaves out (decision 19); and
// `lesson.lighthouse_benchmark_index`, Lighthouse's own reading of the machine's speed at each
// run (its `benchmarkIndex`, median of every run), which says how fast the machine was when the
// figures were taken: on a slower one the same page blocks longer.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../scripts/find-chromium.cjs';
import type { Figure } from './run';
import { startServer } from './server';

const PORT = 3530;
const RUNS = 3;
/** Real loads per page: Chromium's own throttling, not Lighthouse's simulation. */
const REAL_RUNS = 5;
/** The first lesson and the longest practice page (the 60 KB aggregation article). */
const PAGES: [string, string][] = [
  ['who-says-so', '/lessons/who-says-so'],
  ['envoy-speech-aggregation-practice', '/articles/envoy-speech-aggregation/practice'],
];
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
].join(' ');

type Report = {
  categories: Record<
    'performance' | 'accessibility' | 'best-practices',
    { score: number | null; auditRefs: { id: string }[] }
  >;
  audits: Record<string, { numericValue?: number; score: number | null }>;
  environment: { benchmarkIndex: number };
};

/** The audits of a category that did not pass, so that a score under 100 says why. */
function failed(r: Report, category: 'accessibility' | 'best-practices'): string[] {
  return r.categories[category].auditRefs
    .map((a) => a.id)
    .filter((id) => {
      const score = r.audits[id]?.score;
      return score !== null && score !== undefined && score < 1;
    });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * One Lighthouse run. Lighthouse now and then loses the page load's trace on this machine
 * (NO_NAVSTART, a runtime error of its own, not a property of the page): such a run is made
 * again, at most twice, and says so.
 */
function lighthouse(url: string, chrome: string, attempts = 3): Report {
  for (let i = 1; ; i++) {
    try {
      return lighthouseOnce(url, chrome);
    } catch (error) {
      if (i >= attempts) throw error;
      process.stderr.write(`lighthouse: run again after ${(error as Error).message.slice(0, 200)}\n`);
    }
  }
}

function lighthouseOnce(url: string, chrome: string): Report {
  const dir = mkdtempSync(path.join(tmpdir(), 'close-read-lighthouse-'));
  const out = path.join(dir, 'report.json');
  try {
    const result = spawnSync(
      process.execPath,
      [
        'node_modules/lighthouse/cli/index.js',
        url,
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
        '--only-categories=performance,accessibility,best-practices',
        `--chrome-flags=${CHROME_FLAGS}`,
      ],
      { encoding: 'utf8', env: { ...process.env, CHROME_PATH: chrome } },
    );
    if (result.status !== 0) throw new Error(`lighthouse failed on ${url}: ${result.stderr.slice(-500)}`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report & { runtimeError?: { code: string } };
    if (report.runtimeError) throw new Error(`lighthouse on ${url}: ${report.runtimeError.code}`);
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One GET on a connection of its own (a pooled one may have been closed by the server meanwhile). */
function load(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      response.on('end', () =>
        response.statusCode === 200 ? resolve() : reject(new Error(`${url}: HTTP ${response.statusCode}`)),
      );
    }).on('error', reject);
  });
}

const score = (r: Report, category: keyof Report['categories']) =>
  Math.round((r.categories[category].score ?? 0) * 100);
const audit = (r: Report, id: string) => r.audits[id]?.numericValue ?? Number.NaN;

/**
 * Real loads, for what the simulation leaves out (decision 19): a fresh context at a 412 px
 * phone width, DevTools' slow 4G (150 ms round trip, 1.6 Mbps down, 750 kbps up) and 4x CPU
 * slowdown; the first contentful paint, and the moment the page hydrated (`<html
 * data-hydrated>`), medians of REAL_RUNS runs.
 */
async function realLoads(url: string, chrome: string): Promise<{ fcp: number; hydrated: number }> {
  const browser = await chromium.launch({
    executablePath: chrome,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const fcps: number[] = [];
    const hydrations: number[] = [];
    for (let i = 0; i < REAL_RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      await page.addInitScript({
        content: `new MutationObserver(function () {
          if (!window.__hydratedAt && document.documentElement.hasAttribute('data-hydrated')) window.__hydratedAt = performance.now();
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });`,
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __hydratedAt?: number }).__hydratedAt, null, {
        timeout: 60_000,
      });
      const [fcp, hydrated] = await page.evaluate(() => [
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        (window as unknown as { __hydratedAt: number }).__hydratedAt,
      ]);
      fcps.push(fcp as number);
      hydrations.push(hydrated as number);
      await context.close();
    }
    return { fcp: median(fcps), hydrated: median(hydrations) };
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<Record<string, Figure>> {
  const chrome = findChromium();
  if (!chrome) throw new Error('no Chromium found (set CHROMIUM_PATH)');
  const server = await startServer(PORT);
  const figures: Record<string, Figure> = {};
  const speeds: number[] = [];
  try {
    for (const [name, page] of PAGES) {
      // One request first, so that no run pays for the server's first render of the page.
      await load(server.url + page);
      const reports = Array.from({ length: RUNS }, () => lighthouse(server.url + page, chrome));
      speeds.push(...reports.map((r) => r.environment.benchmarkIndex));
      const perf = median(reports.map((r) => score(r, 'performance')));
      const tbt = median(reports.map((r) => audit(r, 'total-blocking-time')));
      const lcp = median(reports.map((r) => audit(r, 'largest-contentful-paint')));
      process.stderr.write(
        `lighthouse ${page}: performance ${reports.map((r) => score(r, 'performance')).join('/')}, ` +
          `accessibility ${reports.map((r) => score(r, 'accessibility')).join('/')}, ` +
          `best practices ${reports.map((r) => score(r, 'best-practices')).join('/')}, ` +
          `TBT ${reports.map((r) => Math.round(audit(r, 'total-blocking-time'))).join('/')} ms, ` +
          `LCP ${reports.map((r) => Math.round(audit(r, 'largest-contentful-paint'))).join('/')} ms, ` +
          `machine's benchmark index ${reports.map((r) => Math.round(r.environment.benchmarkIndex)).join('/')}\n`,
      );
      const misses = reports.flatMap((r) => [...failed(r, 'accessibility'), ...failed(r, 'best-practices')]);
      if (misses.length > 0)
        process.stderr.write(`lighthouse ${page}: audits not passed: ${[...new Set(misses)].join(', ')}\n`);
      figures[`lesson.lighthouse_perf.${name}`] = { value: perf, unit: 'score', target: 95, better: 'higher' };
      figures[`lesson.tbt_ms.${name}`] = { value: Math.round(tbt), unit: 'ms', target: 200, better: 'lower' };
      figures[`lesson.lcp_ms.${name}`] = { value: Math.round(lcp), unit: 'ms', target: 2000, better: 'lower' };
      const real = await realLoads(server.url + page, chrome);
      process.stderr.write(
        `real slow-4G loads ${page}: FCP ${Math.round(real.fcp)} ms, hydrated ${Math.round(real.hydrated)} ms\n`,
      );
      figures[`lesson.real_fcp_ms.${name}`] = { value: Math.round(real.fcp), unit: 'ms', better: 'lower' };
      figures[`lesson.real_hydrated_ms.${name}`] = { value: Math.round(real.hydrated), unit: 'ms', better: 'lower' };
    }
    figures['lesson.lighthouse_benchmark_index'] = {
      value: Math.round(median(speeds)),
      unit: 'index',
      better: 'higher',
    };
    return figures;
  } finally {
    await server.stop();
  }
}
