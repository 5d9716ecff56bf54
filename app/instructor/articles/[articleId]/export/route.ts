import { getActor } from '@/lib/server/actor';
import { exportOwnArticle } from '@/lib/server/data/own-article-files';
import { yamlDownload } from '../../yaml-download';

/** One of the instructor's articles with its key, as one YAML file: the owner only. */
export async function GET(_request: Request, { params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  return yamlDownload(await exportOwnArticle(await getActor(), articleId));
}
