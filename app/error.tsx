'use client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="page">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Your work saved in this browser is still there.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
