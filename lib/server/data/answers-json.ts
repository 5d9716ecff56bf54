import 'server-only';
import { type Failure, fail } from '../result';

/** Far above any honest answer set (500 spans of ~60 bytes); bounds a row's size. */
const MAX_JSON_CHARS = 200_000;

/** JSON text of a value, or a refusal when it cannot be stored. */
export function toJson(value: unknown, what: string): string | Failure {
  const text = JSON.stringify(value);
  if (text === undefined) return fail('invalid', `The ${what} are missing.`);
  if (text.length > MAX_JSON_CHARS) return fail('invalid', `The ${what} are too large to save.`);
  return text;
}
