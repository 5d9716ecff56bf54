// Every browser test takes `test` from tests/e2e/fixtures.ts, whose pages wait for a lesson or
// practice page to hydrate after each navigation (its scripts come after its first paint,
// decision 19). A test file that took `test` from Playwright directly would act on such a page
// before its code arrived, and fail now and then.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = 'tests/e2e';

describe('the browser tests', () => {
  const specs = readdirSync(DIR).filter((f) => f.endsWith('.spec.ts'));

  it('are found', () => {
    expect(specs.length).toBeGreaterThan(20);
  });

  it.each(specs)('%s takes test from ./fixtures', (file) => {
    const source = readFileSync(path.join(DIR, file), 'utf8');
    expect(source).toMatch(/import \{[^}]*\btest\b[^}]*\} from '\.\/fixtures';/);
    expect(source).not.toMatch(/import \{[^}]*\btest\b[^}]*\} from '@playwright\/test';/);
  });
});
