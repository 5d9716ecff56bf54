import type { ScoreResult } from './types';

/** A student span as stored, with the attribute (kind, voice or basis) the student chose, if any. */
export type SpanWithAttribute = { label: string; start: number; end: number; attribute?: string };

/** For one found key item: the attribute the student chose for it (null: none chosen) and the key's. */
export type AttributeChoice = { itemId: string; chosen: string | null; key: string | null };

/**
 * The attribute a student chose for each key item they found with its own label: the first
 * overlapping span of that label that carries one (null when none of them does). Items found
 * only by an accepted other label are left out: their attribute is another label's.
 */
export function attributeChoices(
  result: ScoreResult,
  answers: readonly SpanWithAttribute[],
  keyAttribute: ReadonlyMap<string, string | null>,
): AttributeChoice[] {
  const choices: AttributeChoice[] = [];
  for (const f of result.items) {
    if (f.type !== 'key' || f.status !== 'found') continue;
    const own = f.answers.map((i) => answers[i]).filter((a) => a !== undefined && a.label === f.label);
    const chosen = own.find((a) => a?.attribute !== undefined)?.attribute ?? null;
    choices.push({ itemId: f.id, chosen, key: keyAttribute.get(f.id) ?? null });
  }
  return choices;
}
