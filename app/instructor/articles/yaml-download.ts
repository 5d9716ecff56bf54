import type { ExportedFile } from '@/lib/server/data/own-article-files';
import type { Result } from '@/lib/server/result';

const STATUS = { forbidden: 403, 'not-found': 404 } as Record<string, number>;

/** An exported article file as a download, or the refusal's message with its status. */
export function yamlDownload(result: Result<ExportedFile>): Response {
  if (!result.ok) return new Response(result.message, { status: STATUS[result.error] ?? 400 });
  return new Response(result.value.yaml, {
    headers: {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="${result.value.filename}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
