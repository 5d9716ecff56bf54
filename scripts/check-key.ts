// Checks one key file (any path) against its article: `npm run --silent check-key -- FILE`.
// FILE may also be an article exported with its key (two YAML documents, see
// lib/content/article-file.ts): its key is then checked against the text it carries.
// Prints each resolved item and the key lint's findings (lib/content/key-lint), or every
// problem with the file and item named; exits 1 on problems or lint errors.
import { readFileSync } from 'node:fs';
import { isArticleFile, parseArticleFile } from '../lib/content/article-file';
import { hasErrors, lintKey } from '../lib/content/key-lint';
import { parseKeyFile } from '../lib/content/keys';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: check-key FILE\n');
  process.exit(2);
}
try {
  const source = readFileSync(file, 'utf8');
  const key = isArticleFile(source)
    ? (({ text, items }) => ({ text, items }))(parseArticleFile(file, source))
    : (({ article, items }) => ({ text: article.text, items }))(parseKeyFile(file, source));
  const counts = new Map<string, number>();
  for (const item of key.items) {
    counts.set(item.label, (counts.get(item.label) ?? 0) + 1);
    process.stdout.write(
      `${item.start}-${item.end}\t${item.label}${item.optional ? ' (optional)' : ''}\t${item.quote}\n`,
    );
  }
  process.stdout.write(`${key.items.length} items: ${[...counts].map(([l, n]) => `${l} ${n}`).join(', ')}\n`);
  const findings = lintKey({ file, text: key.text, items: key.items });
  for (const f of findings) process.stdout.write(`${f.severity} ${f.rule} at ${f.start} "${f.quote}": ${f.message}\n`);
  if (hasErrors(findings)) process.exit(1);
} catch (error) {
  process.stderr.write(`${(error as Error).message.split('; ').join('\n  ')}\n`);
  process.exit(1);
}
