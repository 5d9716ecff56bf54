import { Link } from '@/components/layout/link';

export default function NotFound() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may have a typo.</p>
      <p>
        <Link href="/">Go to the start page</Link> or <Link href="/lessons">see the lessons</Link>.
      </p>
    </div>
  );
}
