import { describe, expect, it } from 'vitest';
import { getArticle } from '@/lib/content/articles';
import { getKey } from '@/lib/content/keys';
import { exerciseRange, getExercise, practiceId, practiceParts } from '@/lib/content/lessons';
import { exerciseKey } from '@/lib/server/grading';

const SLUG = 'envoy-speech-aggregation';

describe('practising a long article in parts', () => {
  const article = getArticle(SLUG);
  const parts = practiceParts(SLUG);

  it('offers one exercise per part of the registry, in order, each resolvable by its id', () => {
    expect(parts.map((p) => p.title)).toEqual(article?.parts?.map((p) => p.title));
    for (const part of parts) expect(getExercise(part.exercise.id)?.exercise).toEqual(part.exercise);
    expect(getExercise(practiceId(SLUG, parts.length + 1))).toBeNull();
    expect(getExercise(practiceId(SLUG))?.exercise.from).toBeUndefined();
  });

  it('covers the article from the first part to the end, each part ending where the next begins', () => {
    const text = article?.text ?? '';
    const ranges = parts.map((p) => {
      const range = exerciseRange(p.exercise);
      if (!range.ok) throw new Error(range.error);
      return range.value;
    });
    expect(ranges[0]?.start).toBe(article?.resolvedParts[0]?.start);
    expect(ranges.at(-1)?.end).toBe(text.length);
    ranges.slice(1).forEach((r, i) => {
      const previous = ranges[i] as { start: number; end: number };
      expect(text.slice(previous.end, r.start).trim()).toBe('');
      expect(r.start).toBe(article?.resolvedParts[i + 1]?.start);
    });
  });

  it('scores each part against its own key items only, and together they hold every item after the page header', () => {
    const key = getKey(SLUG)?.items ?? [];
    const first = article?.resolvedParts[0]?.start ?? 0;
    const perPart = parts.map((p) => exerciseKey(p.exercise));
    for (const items of perPart) expect(items.length).toBeGreaterThan(5);
    const ids = perPart.flat().map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(
      key
        .filter((i) => i.start >= first)
        .map((i) => i.id)
        .sort(),
    );
  });

  it('offers no parts for an article without them', () => {
    expect(practiceParts('mehr-human-rights-letter')).toEqual([]);
  });
});
