// Writes the benchmark figures into README.md between the bench markers, with the machine
// they were measured on, so the README never shows figures that results.json does not hold.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Stored = { value: number; unit: string; target?: number; better: 'lower' | 'higher'; bench: string };

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export function machine(): string {
  const cpus = os.cpus();
  const memory = Math.round(os.totalmem() / 2 ** 30);
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${memory} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function renderTable(results: Record<string, Stored>, measuredOn: string): string {
  const rows = Object.entries(results).map(([name, f]) => {
    const target = f.target === undefined ? '' : `${f.better === 'lower' ? '≤' : '≥'} ${f.target} ${f.unit}`;
    const met =
      f.target === undefined
        ? ''
        : (f.better === 'lower' ? f.value <= f.target : f.value >= f.target)
          ? 'met'
          : 'missed';
    return `| \`${name}\` | ${f.value} ${f.unit} | ${target} | ${met} |`;
  });
  return [
    `Measured on: ${measuredOn}.`,
    '',
    '| figure | value | target | |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Replaces the table in README.md; does nothing when the markers are missing. */
export function updateReadme(resultsFile: string, readme = path.join(process.cwd(), 'README.md')): void {
  const text = readFileSync(readme, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) return;
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, Stored>;
  const table = renderTable(results, machine());
  writeFileSync(readme, `${text.slice(0, a + START.length)}\n${table}\n${text.slice(b)}`);
}
