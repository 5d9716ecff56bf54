import type { ArticleMeta } from '@/lib/validation/article';

const KIND_NAMES: Record<ArticleMeta['kind'], string> = {
  'news-report': 'News report',
  'aggregation-page': 'Aggregation page',
  interview: 'Interview',
  opinion: 'Opinion',
  'press-release': 'Press release',
};

/** Where the article comes from, as far as its own text tells. */
export function ProvenancePanel({ article }: { article: ArticleMeta }) {
  return (
    <aside className="provenance" aria-labelledby="provenance-heading">
      <h2 id="provenance-heading">About this article</h2>
      <dl>
        <dt>Outlet</dt>
        <dd>{article.outlet}</dd>
        <dt>Date</dt>
        <dd>{article.date}</dd>
        <dt>Kind</dt>
        <dd>{KIND_NAMES[article.kind]}</dd>
      </dl>
      <p>{article.provenance}</p>
    </aside>
  );
}
