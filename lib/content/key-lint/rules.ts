import { ATTRIBUTION, CONTRAST, DENIES_SOURCE, OWN_VOICE, SENTENCE } from './attribution';
import { sentenceAround, sentenceRanges } from './sentences';
import type { LintFinding, LintItem, LintKey, LintRule } from './types';

function finding(key: LintKey, item: LintItem, rule: LintRule, message: string): LintFinding {
  return { file: key.file, quote: item.quote, start: item.start, rule, severity: 'error', message };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** The attribute an item carries (kind, voice or basis), or '' when it has none. */
export function attributeOf(item: LintItem): string {
  if ('kind' in item) return item.kind;
  if ('voice' in item) return item.voice;
  if ('basis' in item) return item.basis;
  return '';
}

/** Is `span` inside a pair of quotation marks opened earlier in its paragraph? */
function insideQuotation(text: string, span: { start: number; end: number }): boolean {
  const paragraphStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const before = text.slice(paragraphStart, span.start);
  const opened = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  return opened > 0;
}

/**
 * `no-source` says nobody is named for the claim anywhere in its sentence (labeling guide §3).
 * A sourcing item in the same sentence, or a claim inside a quotation, contradicts that,
 * unless the explanation says the claim is the narration's own.
 */
export function noSourceBesideSource(key: LintKey): LintFinding[] {
  const ranges = sentenceRanges(key.text);
  const sourcing = key.items.filter((i) => i.label === 'sourcing');
  return key.items.flatMap((item) => {
    if (item.label !== 'unverifiable-claim' || item.basis !== 'no-source') return [];
    if (OWN_VOICE.test(item.explanation)) return [];
    const sentence = sentenceAround(ranges, item);
    const source = sourcing.find((s) => overlaps(s, sentence));
    if (source) {
      return [
        finding(
          key,
          item,
          'no-source-beside-source',
          `basis no-source, but the same sentence attributes something ("${source.quote}"): choose the basis of that source (named-source-only, anonymous-source, vague-source), or say in the explanation that the claim is the narration's own voice`,
        ),
      ];
    }
    if (insideQuotation(key.text, item)) {
      return [
        finding(
          key,
          item,
          'no-source-beside-source',
          'basis no-source, but the claim sits inside a quotation: whose words are they? Choose named-source-only, anonymous-source or vague-source',
        ),
      ];
    }
    return [];
  });
}

/**
 * One article codes the same words the same way (labeling guide §1 and §3). Where the same
 * quote is coded with other labels or attributes at another place, every occurrence coded
 * differently from the first must say why, drawing the contrast in words (see CONTRAST).
 */
export function inconsistentCoding(key: LintKey): LintFinding[] {
  const byQuote = new Map<string, Map<number, LintItem[]>>();
  for (const item of key.items) {
    const places = byQuote.get(item.quote) ?? new Map<number, LintItem[]>();
    places.set(item.start, [...(places.get(item.start) ?? []), item]);
    byQuote.set(item.quote, places);
  }
  const coding = (items: LintItem[]) =>
    items
      .map((i) => `${i.label}:${attributeOf(i)}`)
      .sort()
      .join(', ');
  const findings: LintFinding[] = [];
  for (const places of byQuote.values()) {
    const occurrences = [...places.entries()].sort(([a], [b]) => a - b).map(([, items]) => items);
    const first = occurrences[0];
    if (!first || occurrences.length < 2) continue;
    const expected = coding(first);
    for (const items of occurrences.slice(1)) {
      if (coding(items) === expected) continue;
      if (items.some((i) => CONTRAST.test(i.explanation))) continue;
      const item = items[0] as LintItem;
      findings.push(
        finding(
          key,
          item,
          'inconsistent-coding',
          `coded as ${coding(items)} here but as ${expected} at its first place in the article, and the explanation does not say why (name the difference: "unlike", "compare", "instead", ...)`,
        ),
      );
    }
  }
  return findings;
}

/** Spans of the same label may not overlap in one answer set (labeling guide, opening section). */
export function sameLabelOverlap(key: LintKey): LintFinding[] {
  const sorted = [...key.items].sort((a, b) => a.start - b.start || a.end - b.end);
  const furthest = new Map<string, LintItem>();
  const findings: LintFinding[] = [];
  for (const item of sorted) {
    const previous = furthest.get(item.label);
    if (previous && previous.end > item.start) {
      findings.push(
        finding(
          key,
          item,
          'same-label-overlap',
          `overlaps "${previous.quote}" (${previous.start}-${previous.end}) with the same label ${item.label}`,
        ),
      );
    }
    if (!previous || item.end > previous.end) furthest.set(item.label, item);
  }
  return findings;
}

/** Every unverifiable claim tells the reader how to try to check it (the guide's `check`). */
export function claimWithoutCheck(key: LintKey): LintFinding[] {
  return key.items
    .filter((i) => i.label === 'unverifiable-claim' && !i.check?.trim())
    .map((i) =>
      finding(key, i, 'claim-without-check', 'an unverifiable claim needs a `check`: how could a reader try?'),
    );
}

/** An explanation is at least one whole sentence (see SENTENCE). */
export function shortExplanation(key: LintKey): LintFinding[] {
  return key.items
    .filter((i) => !SENTENCE.test(i.explanation))
    .map((i) =>
      finding(
        key,
        i,
        'short-explanation',
        'the explanation is shorter than a sentence: write at least five words ending in a full stop',
      ),
    );
}

/**
 * `accept: [sourcing]` only on a span that holds a source: an attribution word (see
 * ATTRIBUTION) or an overlap with a sourcing item of the key.
 */
export function acceptSourcingWithoutSource(key: LintKey): LintFinding[] {
  const sourcing = key.items.filter((i) => i.label === 'sourcing');
  return key.items.flatMap((item) => {
    if (!item.accept?.includes('sourcing')) return [];
    if (ATTRIBUTION.test(item.quote) || sourcing.some((s) => s !== item && overlaps(s, item))) return [];
    return [
      finding(
        key,
        item,
        'accept-sourcing-without-source',
        'accepts sourcing, but the span has no verb of saying or other attribution and overlaps no sourcing item',
      ),
    ];
  });
}

/** `named-source-only` means a named source is given; the explanation must not deny it. */
export function namedSourceSaidUnsourced(key: LintKey): LintFinding[] {
  return key.items
    .filter(
      (i) => i.label === 'unverifiable-claim' && i.basis === 'named-source-only' && DENIES_SOURCE.test(i.explanation),
    )
    .map((i) =>
      finding(
        key,
        i,
        'named-source-said-unsourced',
        'basis named-source-only, but the explanation says no source is named: say whose word the claim rests on',
      ),
    );
}
