import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { listArticles } from '@/lib/content/articles';

export const metadata: Metadata = { title: 'Articles' };

export default function ArticlesPage() {
  const articles = listArticles();
  return (
    <div className="page">
      <h1>Articles</h1>
      <p className="lede">
        Five real articles about the same contested political group, from outlets with a side to take. The lessons use
        them to practise technique; they are not recommended reading on the politics.
      </p>
      <ul className="article-list">
        {articles.map((a) => (
          <li key={a.slug}>
            <h2>
              <Link href={`/articles/${a.slug}`}>{a.title}</Link>
            </h2>
            <p className="meta">
              Outlet: {a.outlet} · Date: {a.date} · {a.text.length.toLocaleString('en-US')} characters
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
