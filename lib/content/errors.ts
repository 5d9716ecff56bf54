import { parse } from 'yaml';
import type { z } from 'zod';

/** Thrown for broken content files; the message names the file and every bad field. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'ContentError';
  }
}

/** Turns a zod error into `field "a.b": message` lines, one per issue. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(whole file)';
    return `field "${field}": ${issue.message}`;
  });
}

/**
 * Parses YAML and validates it with `schema`. Throws ContentError naming `where` and every
 * bad field (`what` says what the YAML is, for the syntax-error message).
 */
export function parseYamlWith<T>(where: string, source: string, schema: z.ZodType<T>, what = 'not valid YAML'): T {
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (error) {
    throw new ContentError(where, [`${what}: ${(error as Error).message}`]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ContentError(where, describeIssues(parsed.error));
  return parsed.data;
}
