import type { ComponentProps } from 'react';
import { getQuestion } from '@/lib/content/lessons';
import { QuestionFormLazy } from './question-form-lazy';

/**
 * A question of the lesson's front matter, placed by id; the model answer stays on the server.
 * The lessons' MDX passes the server action that answers it: components never import app/.
 */
export function Question({
  id,
  answer,
  drafts,
}: {
  id: string;
  answer: ComponentProps<typeof QuestionFormLazy>['answer'];
  drafts?: ComponentProps<typeof QuestionFormLazy>['drafts'];
}) {
  const found = getQuestion(id);
  if (!found) throw new Error(`Question: no question "${id}" in any lesson's front matter`);
  const { question } = found;
  return (
    <div className={`question question-${question.kind}`} data-question={id}>
      <label htmlFor={`${id}-answer`} className="question-prompt">
        <span className="question-kind">{question.kind === 'reflection' ? 'Reflect' : 'Question'}</span>{' '}
        {question.prompt}
      </label>
      <QuestionFormLazy id={id} minWords={question.minWords} answer={answer} drafts={drafts} />
      <div className="write-lines" aria-hidden="true" />
    </div>
  );
}
