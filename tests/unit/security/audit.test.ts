import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `npm audit --omit=dev`: no high or critical advisory in what the app ships. The audit needs
// the registry's advisory service; where a registry mirror refuses it (HTTP 405/404), the check
// cannot run and says so, rather than passing silently.
const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 60_000 });
const report = (() => {
  try {
    return JSON.parse(audit.stdout) as { metadata?: { vulnerabilities?: Record<string, number> }; message?: string };
  } catch {
    return {};
  }
})();
const unavailable =
  !report.metadata && /audit endpoint|405|404|ENOTFOUND|ECONNREFUSED/i.test(`${audit.stderr}${report.message ?? ''}`);

describe('dependencies shipped to production', () => {
  it.skipIf(unavailable)(
    'have no high or critical advisory (skipped only when the registry offers no audit service)',
    () => {
      const v = report.metadata?.vulnerabilities ?? {};
      expect({ high: v.high ?? 0, critical: v.critical ?? 0 }).toEqual({ high: 0, critical: 0 });
    },
  );
});
