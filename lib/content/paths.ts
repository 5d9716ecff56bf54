import 'server-only';
import path from 'node:path';
import { getEnv } from '../server/env';

/** The project root; seeds are read relative to it at build time and on the server. */
export const PROJECT_ROOT = process.cwd();
/** Lessons, article registry and answer keys: `content/` unless CONTENT_DIR says otherwise. */
export const CONTENT_DIR = getEnv().contentDir;
export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

/** A path relative to the project root, for messages. */
export function relative(file: string): string {
  return path.relative(PROJECT_ROOT, file);
}
