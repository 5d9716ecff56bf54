import { checkClassKey, type ItemProblem, type KeyContext } from '@/lib/content/key-lint/class-key';
import { type ClassKeyItemInput, ClassKeyItemSchema } from '@/lib/validation/class-key';
import type { Problems } from './types';

/**
 * Every problem of every item as the server will judge it: the stored item's schema (prose
 * lengths, plain text), then the content check's rules and the key lint (checkClassKey).
 */
export function editorProblems(context: KeyContext, items: readonly ClassKeyItemInput[]): Problems {
  const problems = checkClassKey(context, items);
  for (const item of items) {
    const parsed = ClassKeyItemSchema.safeParse(item);
    if (parsed.success) continue;
    const list: ItemProblem[] = problems.get(item.id) ?? [];
    for (const issue of parsed.error.issues)
      list.push({ field: String(issue.path[0] ?? 'item'), message: issue.message, severity: 'error' });
    problems.set(item.id, list);
  }
  return problems;
}

/** The server's field errors (`items.3.explanation`) as problems by item id. */
export function serverProblems(items: readonly ClassKeyItemInput[], fieldErrors: Record<string, string[]>): Problems {
  const problems: Problems = new Map();
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const [, index, name] = field.split('.');
    const item = index === undefined ? undefined : items[Number(index)];
    if (!item) continue;
    const list = problems.get(item.id) ?? [];
    for (const message of messages) list.push({ field: name ?? 'item', message, severity: 'error' });
    problems.set(item.id, list);
  }
  return problems;
}
