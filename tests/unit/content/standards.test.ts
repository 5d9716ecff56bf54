import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { listLessons } from '@/lib/content/lessons';
import { STANDARDS } from '@/lib/content/standards';

const FACT_CHECK = readFileSync('docs/fact-check.md', 'utf8');

it('every standard on the unit overview is quoted word for word in docs/fact-check.md, with where to check it', () => {
  expect(STANDARDS.length).toBeGreaterThan(3);
  for (const s of STANDARDS) {
    const row = FACT_CHECK.split('\n').find((line) => line.includes(`| ${s.code} |`) || line.includes(` ${s.code} |`));
    expect(row, `${s.code} has a row`).toBeDefined();
    expect(row, `${s.code}: the wording is the same`).toContain(`| ${s.wording} |`);
    expect(row?.split('|')[3]?.trim().length ?? 0, `${s.code}: where to verify`).toBeGreaterThan(20);
  }
});

it('every standard names lessons that exist, and every lesson serves some standard', () => {
  const orders = listLessons().map((l) => l.order);
  for (const s of STANDARDS) for (const n of s.lessons) expect(orders, s.code).toContain(n);
  for (const n of orders)
    expect(
      STANDARDS.some((s) => s.lessons.includes(n)),
      `lesson ${n}`,
    ).toBe(true);
});
