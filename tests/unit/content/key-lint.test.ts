import { describe, expect, it } from 'vitest';
import { hasErrors, type LintItem, type LintKey, lintKey } from '@/lib/content/key-lint';
import {
  acceptSourcingWithoutSource,
  claimWithoutCheck,
  inconsistentCoding,
  namedSourceSaidUnsourced,
  noSourceBesideSource,
  sameLabelOverlap,
  shortExplanation,
} from '@/lib/content/key-lint/rules';
import { sentenceRanges } from '@/lib/content/key-lint/sentences';

// A small article with a named speaker, an outlet's own sentence and a repeated word.
const TEXT = [
  'The minister said the regime has killed 500 people. The U.S. group is a notorious outfit.',
  '“The regime lies,” the spokesman said. Western countries removed the group from their lists.',
].join('\n');

const EXPLAIN = 'A clear explanation of why this span earns its label.';

/** Anchors a quote (its nth occurrence) in TEXT and builds an item around it. */
function at(quote: string, fields: Record<string, unknown>, nth = 0): LintItem {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = TEXT.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return { quote, start, end: start + quote.length, explanation: EXPLAIN, ...fields } as LintItem;
}

const key = (items: LintItem[]): LintKey => ({ file: 'content/keys/test.yaml', text: TEXT, items });
const CHECK = 'Ask for the list behind the number.';

const sourcing = at('The minister said', { label: 'sourcing', kind: 'named-person' });
const claim = (basis: string, explanation = EXPLAIN) =>
  at('the regime has killed 500 people', { label: 'unverifiable-claim', basis, check: CHECK, explanation });

describe('sentences', () => {
  it('keeps initials such as "U.S." inside a sentence and splits at full stops and paragraphs', () => {
    const sentences = sentenceRanges(TEXT).map((r) => TEXT.slice(r.start, r.end).trim());
    expect(sentences).toEqual([
      'The minister said the regime has killed 500 people.',
      'The U.S. group is a notorious outfit.',
      '“The regime lies,” the spokesman said.',
      'Western countries removed the group from their lists.',
    ]);
  });
});

describe('no-source-beside-source', () => {
  it('fires on a no-source claim in a sentence that names its speaker', () => {
    const findings = noSourceBesideSource(key([sourcing, claim('no-source')]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'no-source-beside-source', quote: 'the regime has killed 500 people' });
    expect(findings[0]?.message).toContain('"The minister said"');
  });

  it('fires on a no-source claim inside a quotation', () => {
    const quoted = at('The regime lies', { label: 'unverifiable-claim', basis: 'no-source', check: CHECK });
    expect(noSourceBesideSource(key([quoted]))).toHaveLength(1);
  });

  it('is quiet for named-source-only, for a sentence without a source, and where the explanation says "own voice"', () => {
    expect(noSourceBesideSource(key([sourcing, claim('named-source-only')]))).toEqual([]);
    const own = at('Western countries removed the group from their lists', {
      label: 'unverifiable-claim',
      basis: 'no-source',
      check: CHECK,
    });
    expect(noSourceBesideSource(key([sourcing, own]))).toEqual([]);
    const narration = claim('no-source', 'The outlet’s own voice: the sentence credits the minister with nothing.');
    expect(noSourceBesideSource(key([sourcing, narration]))).toEqual([]);
  });
});

describe('inconsistent-coding', () => {
  const first = at('regime', { label: 'loaded-language', voice: 'outlet' }, 0);
  it('fires when the same quote is coded with another attribute at another place, without saying why', () => {
    const second = at('regime', { label: 'loaded-language', voice: 'quoted' }, 1);
    const findings = inconsistentCoding(key([first, second]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'inconsistent-coding', start: second.start });
  });

  it('fires when the same quote carries another label at another place', () => {
    const second = at('regime', { label: 'unverifiable-claim', basis: 'untestable', check: CHECK }, 1);
    expect(inconsistentCoding(key([first, second]))).toHaveLength(1);
  });

  it('is quiet when the codings agree, or the explanation draws the contrast', () => {
    expect(inconsistentCoding(key([first, at('regime', { label: 'loaded-language', voice: 'outlet' }, 1)]))).toEqual(
      [],
    );
    const explained = at(
      'regime',
      {
        label: 'loaded-language',
        voice: 'quoted',
        explanation: 'Unlike the outlet’s own word above, the spokesman’s.',
      },
      1,
    );
    expect(inconsistentCoding(key([first, explained]))).toEqual([]);
  });
});

describe('same-label-overlap', () => {
  it('fires on two overlapping spans of one label, and not on spans of different labels', () => {
    const wide = at('the regime has killed', { label: 'loaded-language', voice: 'quoted' });
    const inner = at('killed 500', { label: 'loaded-language', voice: 'quoted' });
    expect(sameLabelOverlap(key([wide, inner]))).toMatchObject([{ rule: 'same-label-overlap', quote: 'killed 500' }]);
    expect(sameLabelOverlap(key([wide, claim('named-source-only')]))).toEqual([]);
  });
});

describe('claim-without-check', () => {
  it('fires on an unverifiable claim without a check, and not on one with a check', () => {
    const bare = { ...claim('named-source-only'), check: undefined } as unknown as LintItem;
    expect(claimWithoutCheck(key([bare]))).toMatchObject([{ rule: 'claim-without-check' }]);
    expect(claimWithoutCheck(key([claim('named-source-only')]))).toEqual([]);
  });
});

describe('short-explanation', () => {
  it('fires on a fragment and on a sentence without its full stop, not on a whole sentence', () => {
    const fragment = at('notorious outfit', { label: 'loaded-language', voice: 'outlet', explanation: 'Loaded.' });
    const unfinished = at('notorious', {
      label: 'loaded-language',
      voice: 'outlet',
      explanation: 'A judgment word where a neutral one exists',
    });
    expect(shortExplanation(key([fragment, unfinished])).map((f) => f.rule)).toEqual([
      'short-explanation',
      'short-explanation',
    ]);
    expect(shortExplanation(key([sourcing, claim('named-source-only')]))).toEqual([]);
  });
});

describe('accept-sourcing-without-source', () => {
  const lists = (fields: Record<string, unknown>) =>
    at('Western countries removed the group from their lists', {
      label: 'unverifiable-claim',
      basis: 'no-source',
      check: CHECK,
      ...fields,
    });
  it('fires when sourcing is accepted on a span that attributes nothing', () => {
    expect(acceptSourcingWithoutSource(key([lists({ accept: ['sourcing'] })]))).toMatchObject([
      { rule: 'accept-sourcing-without-source' },
    ]);
  });

  it('is quiet on a span with a verb of saying, or one overlapping a sourcing item', () => {
    const withVerb = at('the spokesman said', {
      label: 'loaded-language',
      voice: 'outlet',
      accept: ['sourcing'],
    });
    expect(acceptSourcingWithoutSource(key([withVerb, lists({})]))).toEqual([]);
    const overlapping = at('minister said the regime', {
      label: 'loaded-language',
      voice: 'outlet',
      accept: ['sourcing'],
    });
    expect(acceptSourcingWithoutSource(key([sourcing, overlapping]))).toEqual([]);
  });
});

describe('named-source-said-unsourced', () => {
  it('fires when a named-source-only explanation says no source is given, not when it names the speaker', () => {
    const denies = claim('named-source-only', 'A death toll with no source at all, and no list behind it.');
    expect(namedSourceSaidUnsourced(key([denies]))).toMatchObject([{ rule: 'named-source-said-unsourced' }]);
    const names = claim('named-source-only', 'A death toll that rests only on the minister’s word.');
    expect(namedSourceSaidUnsourced(key([names]))).toEqual([]);
  });
});

describe('lintKey', () => {
  it('returns every finding in text order, and an empty array for a clean key', () => {
    const findings = lintKey(key([sourcing, claim('no-source', 'Short')]));
    expect(findings.map((f) => f.rule)).toEqual(['no-source-beside-source', 'short-explanation']);
    expect(hasErrors(findings)).toBe(true);
    expect(lintKey(key([sourcing, claim('named-source-only')]))).toEqual([]);
  });
});
