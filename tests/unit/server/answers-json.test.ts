import { describe, expect, it } from 'vitest';
import { score } from '@/lib/scoring';
import { readAnswers, readDraft, readScore } from '@/lib/server/data/answers-json';

const SPAN = { label: 'sourcing' as const, start: 4, end: 9, attribute: 'named-person', why: 'named' };
const RESULT = score([{ id: 'k1', label: 'sourcing', start: 4, end: 9 }], [SPAN]);

describe('the JSON columns, read back', () => {
  it('a submission’s answers: its spans; anything that is not one is dropped, never thrown on', () => {
    expect(readAnswers(JSON.stringify([SPAN]))).toEqual([SPAN]);
    const mixed = [SPAN, 'final', { label: 'gossip', start: 1, end: 2 }, { label: 'sourcing', start: 1 }, null];
    expect(readAnswers(JSON.stringify(mixed))).toEqual([SPAN]);
    // A field the app no longer writes is dropped; an attribute of no list is not a span.
    expect(readAnswers(JSON.stringify([{ ...SPAN, quote: 'x' }]))).toEqual([SPAN]);
    expect(readAnswers(JSON.stringify([{ ...SPAN, attribute: 'rumour' }]))).toEqual([]);
    expect(readAnswers('{not json')).toEqual([]);
    expect(readAnswers('{"a":1}')).toEqual([]);
  });

  it('a stored score: the engine’s result, or null when it is not one (then it is scored again)', () => {
    expect(readScore(JSON.stringify(RESULT))).toEqual(RESULT);
    expect(readScore('{"f1":0.5}')).toBeNull();
    expect(readScore(JSON.stringify({ ...RESULT, overall: { precision: 1 } }))).toBeNull();
    expect(readScore(JSON.stringify({ ...RESULT, items: [{ type: 'other' }] }))).toBeNull();
    expect(readScore('')).toBeNull();
  });

  it('a draft: an exercise’s spans (each with its id) or a written answer’s text, else null', () => {
    expect(readDraft(JSON.stringify([{ id: 'd1', ...SPAN }, { ...SPAN }]))).toEqual({
      kind: 'spans',
      spans: [{ id: 'd1', ...SPAN }],
    });
    expect(readDraft(JSON.stringify({ answer: 'Press TV names its source.' }))).toEqual({
      kind: 'answer',
      answer: 'Press TV names its source.',
    });
    expect(readDraft(JSON.stringify({ answer: 3 }))).toBeNull();
    expect(readDraft('nope')).toBeNull();
  });
});
