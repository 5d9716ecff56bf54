import { ArticleText } from '@/components/article/article-text';
import { getArticle } from '@/lib/content/articles';
import { exerciseRange, getExercise } from '@/lib/content/lessons';
import type { ExerciseActions, ExerciseConfig } from '@/lib/validation/exercise-contract';
import { ExerciseClient } from './exercise-client';
import { Legend } from './legend';

/**
 * A labeling exercise placed in a lesson by id. Renders the article part once on the server
 * and hands the browser only what it needs to label: never the key. The page passes the
 * server actions (app/lessons/exercise-actions.ts).
 */
export function LabelingExercise({ id, actions }: { id: string; actions: ExerciseActions }) {
  const found = getExercise(id);
  if (!found) throw new Error(`LabelingExercise: no exercise "${id}" in any lesson's front matter`);
  const { exercise } = found;
  const article = getArticle(exercise.article);
  const range = exerciseRange(exercise);
  if (!article || !range.ok) throw new Error(`LabelingExercise "${id}": ${range.ok ? 'no article' : range.error}`);
  const whole = range.value.start === 0 && range.value.end === article.text.length;
  const config: ExerciseConfig = {
    id,
    articleSha256: article.sha256,
    range: range.value,
    labels: exercise.labels,
    attributes: exercise.attributes,
    why: exercise.why,
    keyOnRetry: exercise.keyOnRetry,
  };
  return (
    <section className="exercise" aria-labelledby={`${id}-title`} data-exercise={id}>
      <h2 id={`${id}-title`}>Exercise: label {whole ? 'the article' : 'the passage'}</h2>
      <p className="source">
        From <a href={`/articles/${article.slug}`}>{article.title}</a>
      </p>
      <p>{exercise.instructions}</p>
      <Legend labels={exercise.labels} />
      <p className="print-only paper-instructions">
        On paper: mark each phrase with the line its label shows above, and write the label’s number in the margin
        beside it.
      </p>
      <details className="how-to" id={`${id}-help`}>
        <summary>How to label</summary>
        <ul>
          <li>Mouse or touch: select words in the text, then pick a label. Selections widen to whole words.</li>
          <li>
            Many labels of one kind? Under “Label each mouse selection”, choose that label: every selection you make
            with the mouse then gets it as soon as you let go, with no menu.
          </li>
          <li>
            Keyboard: move into the text with Tab. <kbd>→</kbd> and <kbd>←</kbd> move by word; hold <kbd>Shift</kbd> to
            extend. Press{' '}
            {exercise.labels.length === 1 ? (
              <kbd>1</kbd>
            ) : (
              <>
                <kbd>1</kbd>–<kbd>{exercise.labels.length}</kbd>
              </>
            )}{' '}
            to label, or <kbd>Enter</kbd> for the label menu. <kbd>Esc</kbd> cancels.
          </li>
          <li>
            Click a labeled word to find it in your list. <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes, <kbd>Ctrl</kbd>+
            <kbd>Y</kbd> redoes. Your labels are saved in this browser as you go.
          </li>
        </ul>
      </details>
      <ExerciseClient config={config} classroom={found.lesson ? { saveDraft: actions.saveDraft } : undefined}>
        <ArticleText article={article} range={range.value} />
      </ExerciseClient>
    </section>
  );
}
