// validateAnswers: untrusted answers in, AnswerSpan[] or a message naming the problem out.
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../../lib/scoring';
import { MAX_SPANS } from '../../../lib/validation/answer';

const TEXT_LENGTH = 100;

function errorOf(answers: unknown): string {
  const result = validateAnswers(TEXT_LENGTH, answers);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('validateAnswers', () => {
  it('accepts good spans and drops fields it does not use', () => {
    const result = validateAnswers(TEXT_LENGTH, [
      { label: 'sourcing', start: 0, end: 100, quote: 'kept by the client' },
      { label: 'unverifiable-claim', start: 10, end: 20 },
    ]);
    expect(result).toEqual({
      ok: true,
      value: [
        { label: 'sourcing', start: 0, end: 100 },
        { label: 'unverifiable-claim', start: 10, end: 20 },
      ],
    });
  });

  it('accepts an empty submission', () => {
    expect(validateAnswers(TEXT_LENGTH, [])).toEqual({ ok: true, value: [] });
  });

  it.each([
    [
      'an unknown label',
      [{ label: 'propaganda', start: 0, end: 5 }],
      /answer 0, field "label": unknown label "propaganda"; expected one of sourcing/,
    ],
    ['a missing label', [{ start: 0, end: 5 }], /answer 0, field "label": is missing/],
    [
      'an end past the text',
      [{ label: 'sourcing', start: 90, end: 101 }],
      /answer 0, field "end": offset 101 is outside the text \(100 characters\)/,
    ],
    ['a negative start', [{ label: 'sourcing', start: -1, end: 5 }], /answer 0, field "start": must not be negative/],
    ['start equal to end', [{ label: 'sourcing', start: 5, end: 5 }], /answer 0: start \(5\) must be before end \(5\)/],
    ['start after end', [{ label: 'sourcing', start: 9, end: 5 }], /answer 0: start \(9\) must be before end \(5\)/],
    [
      'a fractional offset',
      [{ label: 'sourcing', start: 1.5, end: 5 }],
      /answer 0, field "start": must be a whole number/,
    ],
    [
      'a string offset',
      [{ label: 'sourcing', start: '1', end: 5 }],
      /answer 0, field "start": must be a number, got string/,
    ],
    ['a non-finite offset', [{ label: 'sourcing', start: 0, end: Number.POSITIVE_INFINITY }], /answer 0, field "end"/],
    [
      'a span that is not an object',
      [{ label: 'sourcing', start: 0, end: 5 }, 'sourcing'],
      /answer 1: must be an object \{label, start, end\}, got string/,
    ],
    ['null for the whole', null, /answers must be an array of spans, got null/],
    [
      'an object for the whole',
      { label: 'sourcing', start: 0, end: 5 },
      /answers must be an array of spans, got object/,
    ],
  ])('rejects %s', (_what, answers, message) => {
    expect(errorOf(answers)).toMatch(message);
  });

  it(`rejects more than ${MAX_SPANS} spans`, () => {
    const spans = Array.from({ length: MAX_SPANS + 1 }, () => ({ label: 'sourcing', start: 0, end: 1 }));
    expect(errorOf(spans)).toMatch(`too many spans: ${MAX_SPANS + 1}, at most ${MAX_SPANS} are allowed`);
    expect(validateAnswers(TEXT_LENGTH, spans.slice(0, MAX_SPANS)).ok).toBe(true);
  });

  it('names every problem, not just the first, up to a few', () => {
    const error = errorOf([
      { label: 'x', start: 0, end: 5 },
      { label: 'sourcing', start: 0, end: 500 },
    ]);
    expect(error).toMatch(/answer 0, field "label"/);
    expect(error).toMatch(/answer 1, field "end"/);
    const many = errorOf(Array.from({ length: 20 }, () => ({ label: 'x', start: 0, end: 1 })));
    expect(many).toMatch(/; and 15 more$/);
  });
});
