import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run keys -- --json`: every resolved key item, with the attributes and notes other tools need.
const ROOT = path.resolve(__dirname, '../../..');

type Row = { article: string; label: string; quote: string; basis?: string; record: string | null };

describe('keys --json', () => {
  const result = spawnSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    ['--conditions=react-server', 'scripts/keys.ts', '--json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const rows = JSON.parse(result.stdout) as Row[];

  it('carries the basis of every unverifiable claim, named-source-only among them', () => {
    expect(result.status).toBe(0);
    const claims = rows.filter((r) => r.label === 'unverifiable-claim');
    expect(claims.length).toBeGreaterThan(100);
    for (const claim of claims)
      expect(claim.basis).toMatch(/^(no-source|named-source-only|anonymous-source|vague-source|untestable)$/);
    expect(claims.filter((c) => c.basis === 'named-source-only').length).toBeGreaterThanOrEqual(66);
  });

  it('carries every item’s record, null where it has none', () => {
    for (const row of rows) expect(row).toHaveProperty('record');
    const delistings = rows.find(
      (r) =>
        r.article === 'mehr-human-rights-letter' && r.quote.startsWith('Western countries, led by the United States'),
    );
    expect(delistings?.basis).toBe('no-source');
    expect(delistings?.record).toContain('January 2009');
    expect(rows.filter((r) => r.record !== null).length).toBeGreaterThanOrEqual(8);
  });
});
