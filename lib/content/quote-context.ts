import { type QuoteSelector, resolveQuote } from '../annotation/anchor';

/** Longest prefix or suffix tried before giving up on making a quote unique. */
const MAX_CONTEXT_CHARS = 200;

/**
 * The quote selector of `text[start, end)` as a key file writes it: the exact text alone
 * when it occurs once, else the shortest prefix, suffix, or both that make it resolve to this
 * place only (the LABELING-GUIDE's anchoring). For pathological repeats beyond
 * MAX_CONTEXT_CHARS the widest context is returned, and resolving it reports the ambiguity.
 */
export function quoteSelectorAt(text: string, start: number, end: number): QuoteSelector {
  const exact = text.slice(start, end);
  const here = (selector: QuoteSelector) => {
    const found = resolveQuote(text, selector);
    return found.ok && found.value.start === start;
  };
  if (here({ exact })) return { exact };
  const before = (n: number) => text.slice(Math.max(0, start - n), start);
  const after = (n: number) => text.slice(end, end + n);
  for (let n = 1; n <= MAX_CONTEXT_CHARS; n++) {
    const prefix = before(n);
    if (prefix.length === n && here({ exact, prefix })) return { exact, prefix };
    const suffix = after(n);
    if (suffix.length === n && here({ exact, suffix })) return { exact, suffix };
    if (prefix.length > 0 && suffix.length > 0 && here({ exact, prefix, suffix })) return { exact, prefix, suffix };
  }
  const prefix = before(MAX_CONTEXT_CHARS);
  const suffix = after(MAX_CONTEXT_CHARS);
  return { exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}
