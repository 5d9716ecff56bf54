// Benchmark harness: `npm run bench [-- name ...]`. Runs every bench/*.bench.ts (or only the
// ones named), merges their figures into bench/results.json, keeping the figures of benches
// not run, and prints a table. Exits 1 when a bench fails, 2 on an unknown name.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { updateReadme } from './readme-table';

/** One measured figure, as each bench returns it. */
export type Figure = { value: number; unit: string; target?: number; better: 'lower' | 'higher' };
export type BenchRun = () => Promise<Record<string, Figure>>;
/** A figure as stored in results.json: which bench measured it, so a re-run replaces it. */
type StoredFigure = Figure & { bench: string };

const BENCH_DIR = path.join(process.cwd(), 'bench');
const RESULTS = path.join(BENCH_DIR, 'results.json');
const SUFFIX = '.bench.ts';

function isFigure(value: unknown): value is Figure {
  const f = value as Figure;
  return (
    typeof f === 'object' &&
    f !== null &&
    Number.isFinite(f.value) &&
    typeof f.unit === 'string' &&
    (f.target === undefined || Number.isFinite(f.target)) &&
    (f.better === 'lower' || f.better === 'higher')
  );
}

function readResults(): Record<string, StoredFigure> {
  if (!existsSync(RESULTS)) return {};
  try {
    return JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, StoredFigure>;
  } catch (error) {
    throw new Error(`bench/results.json is not valid JSON (${(error as Error).message}); fix or delete it`);
  }
}

function verdict(f: Figure): string {
  if (f.target === undefined) return '';
  const met = f.better === 'lower' ? f.value <= f.target : f.value >= f.target;
  return met ? 'ok' : 'MISSED';
}

function table(rows: [string, StoredFigure][]): string {
  const lines = [['figure', 'value', 'target', '', 'bench']].concat(
    rows.map(([name, f]) => [
      name,
      `${f.value} ${f.unit}`,
      f.target === undefined ? '' : `${f.better === 'lower' ? '<=' : '>='} ${f.target} ${f.unit}`,
      verdict(f),
      f.bench,
    ]),
  );
  const widths = lines[0]?.map((_, col) => Math.max(...lines.map((l) => (l[col] ?? '').length))) ?? [];
  return lines
    .map((l) =>
      l
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Busy and total CPU ticks of the whole machine so far (Linux /proc/stat; null elsewhere). */
function cpuTicks(): { busy: number; total: number } | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * Waits (at most 30 s) until the machine has been nearly idle for one second: the previous
 * bench's server and browser have gone, and their last writes are done. A bench that times a
 * browser frame measures the page, not what the bench before it left running.
 */
async function quiet(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const a = cpuTicks();
    await new Promise((r) => setTimeout(r, 1000));
    const b = cpuTicks();
    if (!a || !b) return;
    if ((b.busy - a.busy) / Math.max(1, b.total - a.total) < 0.1) return;
  }
}

async function main(): Promise<number> {
  const available = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
  const asked = process.argv.slice(2).map((a) => (a.endsWith(SUFFIX) ? a.slice(0, -SUFFIX.length) : a));
  const unknown = asked.filter((a) => !available.includes(a));
  if (unknown.length > 0) {
    process.stderr.write(
      `bench: no bench named ${unknown.join(', ')}; available: ${available.join(', ') || '(none)'}\n`,
    );
    return 2;
  }
  const results = readResults();
  let failed = 0;
  for (const name of asked.length > 0 ? asked : available) {
    await quiet();
    process.stderr.write(`bench: running ${name}…\n`);
    try {
      const mod = (await import(pathToFileURL(path.join(BENCH_DIR, name + SUFFIX)).href)) as { run?: BenchRun };
      if (typeof mod.run !== 'function') throw new Error(`bench/${name}${SUFFIX} does not export run()`);
      const figures = await mod.run();
      const bad = Object.entries(figures).filter(([, f]) => !isFigure(f));
      if (bad.length > 0)
        throw new Error(`malformed figure ${bad.map(([k]) => k).join(', ')}: expected {value, unit, target?, better}`);
      for (const [figure, stored] of Object.entries(results)) if (stored.bench === name) delete results[figure];
      for (const [figure, f] of Object.entries(figures)) results[figure] = { ...f, bench: name };
    } catch (error) {
      failed += 1;
      process.stderr.write(`bench: ${name} failed: ${(error as Error).message}\n`);
    }
  }
  const sorted = Object.entries(results).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  writeFileSync(RESULTS, `${JSON.stringify(Object.fromEntries(sorted), null, 2)}\n`);
  process.stdout.write(`${table(sorted)}\n`);
  updateReadme(RESULTS);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exit(1);
  },
);
