import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArticles } from '@/lib/content/articles';
import { ContentError } from '@/lib/content/errors';
import { getKey, parseKeyFile } from '@/lib/content/keys';

const KEYS = path.resolve(__dirname, '../../../content/keys');
const MEHR = path.join(KEYS, 'mehr-human-rights-letter.yaml');
const mehrSource = readFileSync(MEHR, 'utf8');

function problemsOf(source: string): string {
  try {
    parseKeyFile(MEHR, source);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('expected the key to be rejected');
}

describe('answer keys', () => {
  it.each(listArticles().map((a) => a.slug))('%s has a key whose every item resolves to its quote', (slug) => {
    const key = getKey(slug);
    expect(key).not.toBeNull();
    const items = key?.items ?? [];
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) expect(key?.article.text.slice(item.start, item.end)).toBe(item.quote);
    // Every label is taught in every article, and every key has core items of each.
    for (const label of ['sourcing', 'loaded-language', 'unverifiable-claim']) {
      expect(items.filter((i) => i.label === label && !i.optional).length).toBeGreaterThan(0);
    }
  });

  it('key the whole aggregation page, the embedded magazine report and interview included', () => {
    const items = getKey('envoy-speech-aggregation')?.items ?? [];
    const text = getKey('envoy-speech-aggregation')?.article.text ?? '';
    const spiegel = text.indexOf('Prisoners of Their Own RebellionThe Cult-Like');
    const interview = text.indexOf('olsi-jazexhiIn an interview');
    expect(items.filter((i) => i.start < spiegel).length).toBeGreaterThan(50);
    expect(items.filter((i) => i.start >= spiegel && i.start < interview).length).toBeGreaterThan(50);
    expect(items.filter((i) => i.start >= interview).length).toBeGreaterThan(50);
  });
});

describe('a broken key', () => {
  it('names an item whose quote is not in the text', () => {
    const broken = mehrSource.replace('quote: "despot"', 'quote: "tyrant"');
    expect(broken).not.toBe(mehrSource);
    expect(problemsOf(broken)).toMatch(/item \d+ \(loaded-language "tyrant"\): quote not found/);
  });

  it('names an item whose quote occurs more than once', () => {
    const broken = mehrSource.replace('quote: "despot"', 'quote: "the"');
    expect(problemsOf(broken)).toMatch(/"the" occurs \d+ times; add a prefix or suffix/);
  });

  it('rejects a key written against another text, and a missing attribute', () => {
    expect(problemsOf(mehrSource.replace(/^sha256: .*$/m, `sha256: ${'b'.repeat(64)}`))).toContain('field "sha256"');
    expect(problemsOf(mehrSource.replace('quote: "despot"\n    voice: outlet\n', 'quote: "despot"\n'))).toMatch(
      /field "items\.\d+\.voice"/,
    );
  });

  it('rejects two overlapping items of the same label', () => {
    const overlapping = `${mehrSource.trimEnd()}\n  - label: loaded-language\n    quote: "despo"\n    voice: outlet\n    explanation: The same word keyed twice, which the check must refuse.\n`;
    expect(problemsOf(overlapping)).toMatch(/appear twice|overlaps/);
  });
});
