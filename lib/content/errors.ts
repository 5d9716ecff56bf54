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
