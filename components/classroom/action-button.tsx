'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/validation/action-result';
import { OFFLINE_MESSAGE } from './form-bits';

type Props = {
  label: string;
  action: () => Promise<ActionResult<{ message: string }>>;
  /** Asked before acting, for changes that cannot be undone. */
  confirm?: string;
  /** Where to go once it worked, instead of saying so here (the page may be gone: a deletion). */
  goTo?: string;
  className?: string;
};

/** A button that runs one server action and says what happened. */
export function ActionButton({ label, action, confirm, goTo, className }: Props) {
  const router = useRouter();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const run = () => {
    if (confirm && !window.confirm(confirm)) return;
    setResult(null);
    start(async () => {
      try {
        const outcome = await action();
        if (outcome.ok && goTo) router.replace(goTo);
        else setResult(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.message });
      } catch {
        setResult({ ok: false, text: OFFLINE_MESSAGE });
      }
    });
  };
  return (
    <span className="action-button">
      <button type="button" className={className} onClick={run} disabled={pending}>
        {label}
      </button>
      {result && (
        <span role={result.ok ? 'status' : 'alert'} className={result.ok ? 'form-ok' : 'form-error'}>
          {result.text}
        </span>
      )}
    </span>
  );
}
