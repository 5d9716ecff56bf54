import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Close Read
      </Link>
      <nav aria-label="Main">
        <ul>
          <li>
            <Link href="/lessons">Lessons</Link>
          </li>
          <li>
            <Link href="/articles">Articles</Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
