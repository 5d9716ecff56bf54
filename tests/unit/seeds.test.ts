import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import expected from '../fixtures/seed-sha256.json';

const SEEDS = path.resolve(__dirname, '../../seeds');

describe('seeds/', () => {
  it('holds exactly the five seed files', () => {
    expect(readdirSync(SEEDS).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s is byte for byte the seed (SHA-256)', (name, sha) => {
    const actual = createHash('sha256')
      .update(readFileSync(path.join(SEEDS, name)))
      .digest('hex');
    expect(actual).toBe(sha);
  });
});
