import { getActor } from '@/lib/server/actor';
import { exportShippedArticle } from '@/lib/server/data/own-article-files';
import { yamlDownload } from '../../../yaml-download';

/** A workbook article with its shipped key, as one YAML file: instructors only. */
export async function GET(_request: Request, { params }: { params: Promise<{ articleSlug: string }> }) {
  const { articleSlug } = await params;
  return yamlDownload(exportShippedArticle(await getActor(), articleSlug));
}
