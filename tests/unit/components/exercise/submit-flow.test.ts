import { describe, expect, it } from 'vitest';
import {
  INITIAL_FLOW,
  isLocked,
  type SubmitEvent,
  type SubmitFlow,
  submitFlow,
} from '@/components/exercise/submit-flow';
import type { GradedExercise } from '@/lib/validation/exercise-contract';

const graded = { exerciseId: 'x', key: [], answers: [] } as unknown as GradedExercise;
const run = (...events: SubmitEvent[]): SubmitFlow => events.reduce(submitFlow, INITIAL_FLOW);

describe('submit flow', () => {
  it('editing -> submitting -> result, then retrying with the result kept', () => {
    const result = run({ type: 'submit', clientId: 'c1' }, { type: 'graded', graded }, { type: 'view', view: 'key' });
    expect(result).toMatchObject({ phase: 'result', graded, view: 'key', clientId: null });
    expect(isLocked(result)).toBe(true);
    const retrying = submitFlow(result, { type: 'retry' });
    expect(retrying).toMatchObject({ phase: 'retrying', graded, view: 'mine' });
    expect(isLocked(retrying)).toBe(false);
  });

  it('a refused submit goes back to editing with the message and keeps its client id for the retry', () => {
    const refused = run({ type: 'submit', clientId: 'c1' }, { type: 'refused', message: 'No.' });
    expect(refused).toMatchObject({ phase: 'editing', error: 'No.', clientId: 'c1' });
    const again = submitFlow(refused, { type: 'submit', clientId: 'c2' });
    expect(again).toMatchObject({ phase: 'submitting', error: null, clientId: 'c1' });
  });

  it('a held submission locks the labels until Try again, and keeps an earlier result', () => {
    const held = run(
      { type: 'submit', clientId: 'c1' },
      { type: 'graded', graded },
      { type: 'retry' },
      { type: 'submit', clientId: 'c2' },
      { type: 'held', notice: 'Later.' },
    );
    expect(held).toMatchObject({ phase: 'held', notice: 'Later.', graded, clientId: null });
    expect(isLocked(held)).toBe(true);
    expect(submitFlow(held, { type: 'retry' })).toMatchObject({ phase: 'retrying', notice: null });
    expect(run({ type: 'held', notice: 'Later.' }, { type: 'retry' }).phase).toBe('editing');
  });

  it('a submission read back from the class opens its result or its notice', () => {
    const submitted = { notice: 'Submitted.', late: false, submittedAt: '2026-01-01T00:00:00Z' };
    expect(run({ type: 'restore', submitted: { ...submitted, graded } })).toMatchObject({ phase: 'result', graded });
    expect(run({ type: 'restore', submitted: { ...submitted, graded: null } })).toMatchObject({
      phase: 'held',
      notice: 'Submitted.',
    });
  });
});
