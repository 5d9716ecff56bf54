import { describe, expect, it } from 'vitest';
import type { AnswerSpan, ScoringKeyItem } from '@/lib/scoring';
import { classDisputes } from '@/lib/scoring/disputes';

// A made-up key of three sourcing items on a 300-character text and a class of six.
const KEY: ScoringKeyItem[] = [
  { id: 'a', label: 'sourcing', start: 0, end: 20 },
  { id: 'b', label: 'sourcing', start: 100, end: 120 },
  { id: 'c', label: 'sourcing', start: 200, end: 220 },
];
const S = (start: number, end: number, label: AnswerSpan['label'] = 'sourcing'): AnswerSpan => ({ label, start, end });

describe('classDisputes', () => {
  // Three students find a and b, three find a only, two find c only.
  const both = [S(0, 20), S(100, 120)];
  const onlyA = [S(0, 20)];
  const onlyC = [S(200, 220)];
  const students = [both, both, both, onlyA, onlyA, onlyA, onlyC, onlyC].map((answers, i) => ({
    id: `s${i}`,
    answers,
  }));
  const { items, agreement } = classDisputes(KEY, students);
  const byId = new Map(items.map((i) => [i.id, i]));

  it('marks an item disputed when most of the stronger half (ranked on the other items) missed it', () => {
    // Ranked on a and b, the stronger four are the three who found both and one who found a.
    expect(byId.get('c')).toMatchObject({ found: 2, missed: 6, disputed: true });
    expect(byId.get('c')?.stronger).toEqual({ size: 4, found: 0, otherLabel: 0, missed: 4 });
  });

  it('ranks the stronger half afresh for each item, on the key without it', () => {
    // Ranked on b and c: the two who found c (F1 2/3), then two who found both (F1 1/2): half found a.
    expect(byId.get('a')?.stronger).toEqual({ size: 4, found: 2, otherLabel: 0, missed: 2 });
    expect(byId.get('a')?.disputed).toBe(false);
  });

  it('names an answer two thirds of the class agree on against the key', () => {
    const loaded = [S(100, 120, 'loaded-language')];
    const { items: found } = classDisputes(KEY, [
      { id: '1', answers: loaded },
      { id: '2', answers: loaded },
      { id: '3', answers: loaded },
      { id: '4', answers: [S(100, 120)] },
    ]);
    const b = found.find((i) => i.id === 'b');
    expect(b).toMatchObject({ found: 1, otherLabel: 3, otherLabels: { 'loaded-language': 3 } });
    expect(b?.classAnswer).toEqual({ response: 'loaded-language', students: 3 });
    // Everybody left a unlabeled: the class agrees on leaving it.
    expect(found.find((i) => i.id === 'a')?.classAnswer).toEqual({ response: 'missed', students: 4 });
  });

  it('gives pairwise agreement beside agreement with the key', () => {
    // 28 pairs. Alike: 3 both-both, 3 a-a, 1 c-c (F1 1). both-a (9 pairs): precision 1/2 one way,
    // recall 1/2 the other, F1 2/3 each way. Any with c only (15 pairs): nothing shared, F1 0.
    const peers = (7 * 1 + 9 * (2 / 3)) / 28;
    expect(agreement.overall.pairs).toBe(28);
    expect(agreement.overall.peers).toBeCloseTo(peers, 12);
    expect(agreement.perLabel.sourcing?.peers).toBeCloseTo(peers, 12);
    expect(agreement.overall.students).toBe(8);
  });

  it('counts no pair in which neither student labeled anything, and no optional item', () => {
    const { items: few, agreement: none } = classDisputes(
      [...KEY, { id: 'o', label: 'sourcing', start: 250, end: 260, optional: true }],
      [
        { id: '1', answers: [] },
        { id: '2', answers: [] },
      ],
    );
    expect(none.overall.pairs).toBe(0);
    expect(none.overall.peers).toBeNull();
    expect(few.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
});
