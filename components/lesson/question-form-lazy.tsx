'use client';

import dynamic from 'next/dynamic';
import type { QuestionFormProps } from './question-form';

// The answer boxes sit below the article and the exercise: their form code (react-hook-form
// and zod) loads after the page is interactive instead of with it.
const Lazy = dynamic(() => import('./question-form'), {
  ssr: false,
  loading: () => <p className="loading">Loading the answer box…</p>,
});

export function QuestionFormLazy(props: QuestionFormProps) {
  return <Lazy {...props} />;
}
