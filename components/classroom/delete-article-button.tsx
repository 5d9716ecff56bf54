'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/validation/action-result';
import { OFFLINE_MESSAGE } from './form-bits';

type Props = {
  title: string;
  remove: () => Promise<ActionResult<{ message: string }>>;
};

/**
 * Deletes one of the instructor's articles after asking, then goes on to the list of their
 * articles, which says so; a refusal (a class still uses it) is shown here, with the reason.
 */
export function DeleteArticleButton({ title, remove }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = () => {
    if (!window.confirm(`Delete “${title}” and its key for good? An export keeps a copy you can import again.`)) return;
    setError(null);
    start(async () => {
      try {
        const outcome = await remove();
        if (outcome.ok) router.replace('/instructor/articles?deleted=1');
        else setError(outcome.message);
      } catch {
        setError(OFFLINE_MESSAGE);
      }
    });
  };
  return (
    <span className="action-button">
      <button type="button" className="danger" onClick={run} disabled={pending}>
        Delete the article
      </button>
      {error && (
        <span role="alert" className="form-error">
          {error}
        </span>
      )}
    </span>
  );
}
