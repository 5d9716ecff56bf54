import path from 'node:path';

/** The project root; content is read relative to it at build time and on the server. */
export const PROJECT_ROOT = process.cwd();
export const CONTENT_DIR = path.join(PROJECT_ROOT, 'content');
export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

/** A path relative to the project root, for messages. */
export function relative(file: string): string {
  return path.relative(PROJECT_ROOT, file);
}
