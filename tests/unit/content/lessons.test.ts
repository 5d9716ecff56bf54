import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '@/lib/content/errors';
import { listLessons, parseLessonSource } from '@/lib/content/lessons';

const FILE = path.resolve(__dirname, '../../../content/lessons/01.who-says-so.mdx');
const source = readFileSync(FILE, 'utf8');

function problemsOf(text: string, file = FILE): string {
  try {
    parseLessonSource(file, text);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('expected the lesson to be rejected');
}

describe('lessons', () => {
  it('load in order with valid metadata', () => {
    const lessons = listLessons();
    expect(lessons.length).toBeGreaterThanOrEqual(1);
    expect(lessons.map((l) => l.order)).toEqual([...lessons.map((l) => l.order)].sort((a, b) => a - b));
    expect(lessons[0]?.slug).toBe('who-says-so');
  });

  it('reject a timing whose parts do not add up to the lesson’s minutes, naming the field', () => {
    const message = problemsOf(source.replace(/^minutes: 40$/m, 'minutes: 45'));
    expect(message).toContain('field "timing"');
    expect(message).toContain('add up');
  });

  it('reject metadata with a missing field, naming file and field', () => {
    const message = problemsOf(source.replace(/^minutes: .*\n/m, ''));
    expect(message).toContain('content/lessons/01.who-says-so.mdx');
    expect(message).toContain('field "minutes"');
  });

  it('reject an unknown article and an order that differs from the file number', () => {
    expect(problemsOf(source.replace('  - un-envoy-us-cooperation', '  - no-such-article'))).toContain(
      'field "articles.0": no article "no-such-article"',
    );
    expect(problemsOf(source.replace(/^order: 1$/m, 'order: 2'))).toContain('field "order"');
  });

  it('reject a file name without a number and a file without front matter', () => {
    expect(problemsOf(source, path.join(path.dirname(FILE), 'who-says-so.mdx'))).toContain('NN.slug.mdx');
    expect(problemsOf(source.replace(/^---\n[\s\S]*?\n---\n/, ''))).toContain('no front matter');
  });
});
