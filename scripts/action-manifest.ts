// The server actions of a production build, read from its manifest: shared by the browser
// tests (which call every action over HTTP) and the benchmarks (which call the submit action).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One server action of the build: its id, source file, export name and the pages that load it. */
export type ManifestAction = { id: string; key: string; filename: string; exportedName: string; workers: string[] };

/** Every server action in `<distDir>/server/server-reference-manifest.json`, keyed `file#export`. */
export function manifestActions(distDir = process.env.NEXT_DIST_DIR || '.next'): ManifestAction[] {
  const file = path.join(distDir, 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<
    'node' | 'edge',
    Record<string, { filename?: string; exportedName?: string; workers?: Record<string, unknown> }> | undefined
  >;
  const actions: ManifestAction[] = [];
  for (const runtime of ['node', 'edge'] as const) {
    for (const [id, entry] of Object.entries(manifest[runtime] ?? {})) {
      const filename = entry.filename ?? '(unknown file)';
      const exportedName = entry.exportedName ?? '(unknown export)';
      actions.push({
        id,
        key: `${filename}#${exportedName}`,
        filename,
        exportedName,
        workers: Object.keys(entry.workers ?? {}),
      });
    }
  }
  return actions;
}
