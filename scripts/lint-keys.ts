// Applies the key lint (lib/content/key-lint) to every answer key. `--json` prints every
// finding as a JSON array (`[]` when clean) for other tools; without it, a readable list.
// Exits 1 when any finding is an error, or when a key does not validate or resolve.
import { listArticles } from '../lib/content/articles';
import { hasErrors } from '../lib/content/key-lint';
import { lintAllKeys } from '../lib/content/lint-keys';

try {
  const findings = lintAllKeys(listArticles());
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  } else if (findings.length === 0) {
    process.stdout.write('keys ok: no findings\n');
  } else {
    for (const f of findings) {
      process.stdout.write(`${f.file}: ${f.severity} ${f.rule} at ${f.start} "${f.quote}": ${f.message}\n`);
    }
  }
  if (hasErrors(findings)) process.exit(1);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
