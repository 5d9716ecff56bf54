import type { ReactNode } from 'react';
import { Link } from '@/components/layout/link';

/** The site's header; `account` is the sign-in area, filled in by the layout. */
export function SiteHeader({ account }: { account?: ReactNode }) {
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
      {account && <nav aria-label="Account">{account}</nav>}
    </header>
  );
}
