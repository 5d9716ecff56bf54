import 'server-only';
import Papa from 'papaparse';

/**
 * A cell that a spreadsheet would run as a formula: one that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return (OWASP, "CSV Injection"). Papa's own default pattern ends in
 * `.*$` without the `s` flag and so misses a value with a line break after the first
 * character; this one looks at the first character only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Rows as CSV for a spreadsheet or a gradebook import. Text cells that a spreadsheet would
 * run as a formula get a leading apostrophe, which spreadsheets show as text and do not
 * display; numbers stay numbers (a negative figure is not text and is written as is).
 */
export function toCsv(rows: readonly Record<string, string | number>[]): string {
  return Papa.unparse(rows as Record<string, string | number>[], { escapeFormulae: FORMULA_START });
}
