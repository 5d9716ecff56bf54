import { answerQuestion } from '@/app/lessons/question-actions';
import { getQuestion } from '@/lib/content/lessons';
import { QuestionForm } from './question-form';

/** A question of the lesson's front matter, placed by id; the model answer stays on the server. */
export function Question({ id }: { id: string }) {
  const found = getQuestion(id);
  if (!found) throw new Error(`Question: no question "${id}" in any lesson's front matter`);
  const { question } = found;
  return (
    <QuestionForm
      id={id}
      prompt={question.prompt}
      kind={question.kind}
      minWords={question.minWords}
      answer={answerQuestion}
    />
  );
}
