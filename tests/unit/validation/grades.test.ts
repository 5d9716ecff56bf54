import { describe, expect, it } from 'vitest';
import { GradingRuleSchema, MAX_RULE_POINTS } from '@/lib/validation/grades';

/** The message the form shows at the labeling's points for `value`, or null when it is accepted. */
function messageFor(value: string): string | null {
  const parsed = GradingRuleSchema.safeParse({ labelPoints: value, answerPoints: '1' });
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '');
}

describe('the grading rule', () => {
  it('takes whole points from 0 to the most a rule gives', () => {
    expect(messageFor('0')).toBeNull();
    expect(messageFor(' 16 ')).toBeNull();
    expect(messageFor(String(MAX_RULE_POINTS))).toBeNull();
  });

  it('says what is wrong with a number that is too large, whatever its length', () => {
    expect(messageFor('1001')).toBe(`At most ${MAX_RULE_POINTS} points.`);
    expect(messageFor('99999999')).toBe(`At most ${MAX_RULE_POINTS} points.`);
  });

  it('asks for a whole number for anything else', () => {
    for (const bad of ['', '-1', '7.5', 'ten'])
      expect(messageFor(bad)).toBe('Enter a whole number of points, 0 or more.');
  });
});
