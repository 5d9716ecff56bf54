// The content check and the key lint applied to one class key as the key editor holds it
// (offsets, not quotes), so that the editor in the browser and the server that stores the
// key report the same problems, item by item, by name.
import type { ClassKeyItemInput } from '../../validation/class-key';
import type { KeyItem } from '../../validation/key';
import { ATTRIBUTE_OF, BASES, type Label, SOURCE_KINDS, VOICES } from '../../validation/labels';
import { lintKey } from './index';
import type { LintItem } from './types';

const ATTRIBUTE_VALUES: Record<Label, readonly string[]> = {
  sourcing: SOURCE_KINDS,
  'loaded-language': VOICES,
  'unverifiable-claim': BASES,
};

/** One problem of one item: the field it is about, the message, and whether it blocks saving. */
export type ItemProblem = { field: string; message: string; severity: 'error' | 'warning' };

/** What a class key is checked against: the article's text, the part in play, the exercise's labels. */
export type KeyContext = { text: string; range: { start: number; end: number }; labels: readonly Label[] };

/** The lint's view of an item: the key file's shape with its offsets. */
function lintItem(item: ClassKeyItemInput, text: string): LintItem {
  const common = {
    quote: text.slice(item.start, item.end),
    explanation: item.explanation,
    optional: item.optional || undefined,
    accept: item.accept.length > 0 ? item.accept : undefined,
    record: item.record ?? undefined,
    start: item.start,
    end: item.end,
  };
  const check = item.check ?? undefined;
  const attribute = item.attribute ?? '';
  if (item.label === 'sourcing') return { ...common, label: 'sourcing', kind: attribute, check } as LintItem;
  if (item.label === 'loaded-language')
    return { ...common, label: 'loaded-language', voice: attribute, check } as LintItem;
  return { ...common, label: 'unverifiable-claim', basis: attribute, check: check ?? '' } as KeyItem as LintItem;
}

/**
 * Every problem of every item, by item id: offsets outside the text or the part in play, a
 * label the exercise does not use, a missing or wrong attribute, a claim without "how to
 * check", an accepted label that is the item's own, two items with one id, and each finding
 * of the key lint (same-label overlap among them) on the items it names. Empty: clean.
 */
export function checkClassKey(context: KeyContext, items: readonly ClassKeyItemInput[]): Map<string, ItemProblem[]> {
  const problems = new Map<string, ItemProblem[]>();
  const add = (id: string, field: string, message: string, severity: ItemProblem['severity'] = 'error') => {
    const list = problems.get(id) ?? [];
    list.push({ field, message, severity });
    problems.set(id, list);
  };
  const { text, range, labels } = context;
  const seen = new Set<string>();
  const inText: ClassKeyItemInput[] = [];
  for (const item of items) {
    if (seen.has(item.id)) add(item.id, 'id', `two items have the id "${item.id}"`);
    seen.add(item.id);
    if (item.end <= item.start) add(item.id, 'end', 'the item ends before it starts');
    if (item.start < 0 || item.end > text.length) {
      add(item.id, 'start', `the offsets ${item.start}-${item.end} are outside the text (0-${text.length})`);
      continue;
    }
    if (item.start < range.start || item.end > range.end)
      add(item.id, 'start', 'the item lies outside the part in play');
    if (!text.slice(item.start, item.end).trim()) add(item.id, 'start', 'the item covers no words');
    if (!labels.includes(item.label)) add(item.id, 'label', `this exercise does not use the label "${item.label}"`);
    const name = ATTRIBUTE_OF[item.label];
    if (!item.attribute) add(item.id, 'attribute', `choose the ${name}`);
    else if (!ATTRIBUTE_VALUES[item.label].includes(item.attribute))
      add(item.id, 'attribute', `"${item.attribute}" is not a ${name} of ${item.label}`);
    if (item.label === 'unverifiable-claim' && !item.check)
      add(item.id, 'check', 'say how a reader could check this claim');
    if (item.accept.includes(item.label)) add(item.id, 'accept', 'an item cannot accept its own label');
    if (item.end > item.start) inText.push(item);
  }
  const findings = lintKey({ file: 'class key', text, items: inText.map((i) => lintItem(i, text)) });
  for (const finding of findings) {
    for (const item of inText) {
      if (item.start !== finding.start || text.slice(item.start, item.end) !== finding.quote) continue;
      // The rule is the problem's field: its message does not repeat it.
      add(item.id, finding.rule, finding.message, finding.severity);
    }
  }
  return problems;
}

/** Whether any problem blocks saving. */
export function blocksSaving(problems: Map<string, ItemProblem[]>): boolean {
  for (const list of problems.values()) if (list.some((p) => p.severity === 'error')) return true;
  return false;
}
