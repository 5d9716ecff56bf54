import { Link } from '@/components/layout/link';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Close Read teaches technique, not verdicts: loaded language and unsupported claims are labeled whichever side
        they come from.
      </p>
      <p>
        <Link href="/privacy">Privacy: what Close Read keeps, and who sees it</Link>
      </p>
    </footer>
  );
}
