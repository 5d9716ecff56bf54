import { describe, expect, it } from 'vitest';
import {
  actionBodyProblem,
  actionSizeProblem,
  MAX_ACTION_BODY_BYTES,
  MAX_ACTION_DEPTH,
  nestingDepth,
} from '@/lib/action-request';

describe('server action bodies', () => {
  it('lets the app’s own calls through', () => {
    const submit = JSON.stringify([
      { exerciseId: 'who-says-so-attributions', clientId: 'x', answers: [{ label: 'sourcing', start: 1, end: 9 }] },
    ]);
    expect(actionBodyProblem(submit)).toBeNull();
    expect(actionBodyProblem('["$undefined"]')).toBeNull();
    expect(actionBodyProblem('[]')).toBeNull();
    expect(actionSizeProblem('512')).toBeNull();
    expect(actionSizeProblem(null)).toBeNull();
  });

  it('answers bad JSON, an empty body and deep nesting with 400', () => {
    expect(actionBodyProblem('[zxc')).toEqual({ status: 400, message: 'The request could not be read.' });
    expect(actionBodyProblem('')).toMatchObject({ status: 400 });
    expect(actionBodyProblem('   ')).toMatchObject({ status: 400 });
    expect(actionBodyProblem(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toEqual({
      status: 400,
      message: 'The request is nested too deeply.',
    });
    expect(actionBodyProblem(`${'['.repeat(MAX_ACTION_DEPTH)}${']'.repeat(MAX_ACTION_DEPTH)}`)).toBeNull();
  });

  it('answers a body over the limit with 413, by its header or its length', () => {
    expect(actionSizeProblem(String(2 * 1024 * 1024))).toMatchObject({ status: 413 });
    expect(actionBodyProblem(`["${'x'.repeat(MAX_ACTION_BODY_BYTES)}"]`)).toMatchObject({ status: 413 });
  });

  it('counts depth outside strings only', () => {
    expect(nestingDepth('["[[[[", {"a": "{{{"}]')).toBe(2);
    expect(nestingDepth('["\\"[[["]')).toBe(1);
  });
});
