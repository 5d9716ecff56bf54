import { describe, expect, it } from 'vitest';
import { getArticle } from '@/lib/content/articles';
import { checkClassKey } from '@/lib/content/key-lint/class-key';
import { exerciseRange, getExercise } from '@/lib/content/lessons';
import { keyView } from '@/lib/server/grading';
import { applyChanges, diffItems, parseChanges, toStoredItem } from '@/lib/server/keys/overlay';
import type { ClassKeyItemInput } from '@/lib/validation/class-key';

const found = getExercise('who-says-so-attributions');
if (!found) throw new Error('no exercise');
const BASE = keyView(found.exercise);
const TEXT = getArticle(found.exercise.article)?.text ?? '';
const range = exerciseRange(found.exercise);
if (!range.ok) throw new Error(range.error);
const CONTEXT = { text: TEXT, range: range.value, labels: found.exercise.labels };
const [A, B] = BASE;
if (!A || !B) throw new Error('short key');

describe('class key overlay', () => {
  it('the shipped key with no changes is itself, every item marked shipped', () => {
    const items = applyChanges(BASE, [], TEXT);
    expect(items.map(({ source: _s, ...rest }) => rest)).toEqual(BASE);
    expect(new Set(items.map((i) => i.source))).toEqual(new Set(['file']));
    expect(diffItems(BASE, BASE.map(toStoredItem))).toEqual([]);
  });

  it('edit, delete and add round-trip through diffItems and applyChanges', () => {
    const added: ClassKeyItemInput = {
      ...toStoredItem(A),
      id: 'class-new',
      start: A.end + 1,
      end: A.end + 6,
      explanation: 'An item this class adds for its own reasons.',
    };
    const list = [{ ...toStoredItem(A), optional: true }, ...BASE.slice(2).map(toStoredItem), added];
    const changes = diffItems(BASE, list);
    expect(changes.map((c) => c.kind).sort()).toEqual(['add', 'delete', 'edit']);
    const items = applyChanges(BASE, parseChanges(JSON.stringify(changes)), TEXT);
    expect(items.map((i) => i.id)).toEqual([A.id, ...BASE.slice(2).map((i) => i.id), 'class-new']);
    expect(items[0]).toMatchObject({ source: 'edited', optional: true, quote: A.quote });
    expect(items.at(-1)).toMatchObject({ source: 'class', quote: TEXT.slice(A.end + 1, A.end + 6) });
    // Putting the shipped item back removes its change; prose differing only by a final newline is no change.
    expect(
      diffItems(BASE, [{ ...toStoredItem(A), explanation: `${A.explanation}\n` }, ...BASE.slice(1).map(toStoredItem)]),
    ).toEqual([]);
  });

  it('stored changes are read defensively: junk is an empty overlay, a change to a gone item is ignored', () => {
    expect(parseChanges('not json')).toEqual([]);
    expect(parseChanges('{"kind":"add"}')).toEqual([]);
    const gone = applyChanges(BASE, [{ kind: 'delete', id: 'no-such-item' }], TEXT);
    expect(gone).toHaveLength(BASE.length);
  });
});

describe('checkClassKey (the content check and the key lint on a class key)', () => {
  it('the shipped key of the exercise is clean of errors', () => {
    const problems = checkClassKey(CONTEXT, BASE.map(toStoredItem));
    const errors = [...problems.values()].flat().filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('names each problem by item and field', () => {
    const a = toStoredItem(A);
    const items: ClassKeyItemInput[] = [
      { ...a, id: 'x-outside', start: TEXT.length + 1, end: TEXT.length + 4 },
      { ...a, id: 'x-attribute', attribute: 'nonsense' },
      { ...a, id: 'x-label', label: 'loaded-language', attribute: 'outlet' },
      { ...a, id: 'x-accept', accept: [a.label] },
      { ...toStoredItem(B), id: 'x-claim', label: 'unverifiable-claim', attribute: 'no-source', check: null },
    ];
    const problems = checkClassKey(CONTEXT, items);
    const fields = (id: string) => (problems.get(id) ?? []).map((p) => p.field);
    expect(fields('x-outside')).toContain('start');
    expect(fields('x-attribute')).toContain('attribute');
    expect(fields('x-label')).toContain('label');
    expect(fields('x-accept')).toContain('accept');
    expect(fields('x-claim')).toEqual(expect.arrayContaining(['label', 'check']));
    // Same-label overlap, from the key lint.
    const overlap = checkClassKey(CONTEXT, [a, { ...a, id: 'x-twin', end: a.end + 1 }]);
    expect([...overlap.values()].flat().map((p) => p.field)).toContain('same-label-overlap');
  });
});
