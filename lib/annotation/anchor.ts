/** A span anchored by its quote, as in the W3C TextQuoteSelector. */
export type QuoteSelector = { exact: string; prefix?: string; suffix?: string };

/** A resolved span: half-open UTF-16 offsets into the normalized text. */
export type TextPosition = { start: number; end: number };

export type AnchorResult = { ok: true; value: TextPosition } | { ok: false; error: string };

function allIndexes(text: string, exact: string): number[] {
  const found: number[] = [];
  if (exact.length === 0) return found;
  let at = text.indexOf(exact);
  while (at !== -1) {
    found.push(at);
    at = text.indexOf(exact, at + 1);
  }
  return found;
}

/**
 * Resolves a quote to exactly one place in `text`. Prefix and suffix narrow the matches;
 * an error (never a guess) comes back when the quote is absent or still ambiguous.
 */
export function resolveQuote(text: string, selector: QuoteSelector): AnchorResult {
  const { exact, prefix, suffix } = selector;
  if (exact.length === 0) return { ok: false, error: 'the quote is empty' };
  const matches = allIndexes(text, exact).filter(
    (at) =>
      (prefix === undefined || text.slice(Math.max(0, at - prefix.length), at) === prefix) &&
      (suffix === undefined || text.slice(at + exact.length, at + exact.length + suffix.length) === suffix),
  );
  if (matches.length === 0) {
    return {
      ok: false,
      error: `quote not found: "${exact}"${prefix ? ` after "${prefix}"` : ''}${suffix ? ` before "${suffix}"` : ''}`,
    };
  }
  if (matches.length > 1) {
    return { ok: false, error: `quote "${exact}" occurs ${matches.length} times; add a prefix or suffix` };
  }
  const start = matches[0] as number;
  return { ok: true, value: { start, end: start + exact.length } };
}

/**
 * Re-anchors a stored span: trusts the position when the quote still sits there, otherwise
 * searches for the quote. Returns an error when the quote no longer resolves.
 */
export function reanchor(text: string, position: TextPosition, selector: QuoteSelector): AnchorResult {
  if (text.slice(position.start, position.end) === selector.exact) return { ok: true, value: position };
  return resolveQuote(text, selector);
}
