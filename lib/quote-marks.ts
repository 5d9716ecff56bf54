/**
 * Quoting an article's words without doubling its own quotation marks. A quotation that
 * begins or ends with the article's double marks takes single marks outside them, as a
 * quotation inside a quotation does in English (‘“Opinion” in Albania’), instead of
 * “““Opinion” in Albania”.
 */

/** The double quotation marks an article's text may use, straight or curly. */
const DOUBLE_MARK = /^["“”„«»]|["“”„«»]$/;

/** Whether a quotation of `words` takes single marks: they begin or end with a double mark. */
export function takesSingleMarks(words: string): boolean {
  return DOUBLE_MARK.test(words);
}

/** `words` in quotation marks for running text: “words”, or ‘words’ per takesSingleMarks. */
export function quoted(words: string): string {
  return takesSingleMarks(words) ? `‘${words}’` : `“${words}”`;
}
