import Link from 'next/link';

/** What a review page shows someone it refuses: sign in, or nothing to see here. */
export function Refused({ error, message }: { error: string; message: string }) {
  return (
    <article className="prose">
      <h1>{error === 'not-found' ? 'Not found' : 'Instructors only'}</h1>
      <p>{message}</p>
      {error === 'forbidden' && (
        <p>
          <Link href="/instructor">Sign in as the class’s instructor</Link>
        </p>
      )}
    </article>
  );
}
