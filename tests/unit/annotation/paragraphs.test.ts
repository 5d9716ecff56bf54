import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PARAGRAPH_CHARS, splitParagraphs } from '@/lib/annotation/paragraphs';
import { listArticles } from '@/lib/content/articles';

function checkInvariants(text: string) {
  const paragraphs = splitParagraphs(text);
  let cursor = 0;
  for (const p of paragraphs) {
    expect(p.start).toBeGreaterThanOrEqual(cursor);
    expect(p.end).toBeGreaterThan(p.start);
    // Only whitespace lies between paragraphs: no character of the text is lost.
    expect(text.slice(cursor, p.start).trim()).toBe('');
    cursor = p.end;
  }
  expect(text.slice(cursor).trim()).toBe('');
}

describe('splitParagraphs', () => {
  it('keeps every non-space character of every article, in order', () => {
    for (const article of listArticles()) checkInvariants(article.text);
  });

  it('splits the one-paragraph body of the Mehr article for display', () => {
    const mehr = listArticles().find((a) => a.slug === 'mehr-human-rights-letter');
    const paragraphs = splitParagraphs(mehr?.text ?? '');
    expect(paragraphs.length).toBeGreaterThan(3);
    for (const p of paragraphs) expect(p.end - p.start).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS * 1.6);
  });

  it('holds for any text (property)', () => {
    const chars = fc.constantFrom('a', 'B', ' ', '\n', '.', '”', 'Z', '1', '?');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 3000 }).map((c) => c.join('')),
        checkInvariants,
      ),
    );
  });
});
