/**
 * The canonical article text: the seed file with line endings as `\n` and nothing else
 * changed, so that offsets (UTF-16 code units) stay stable across machines and editors.
 */
export function normalizeText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n');
}
