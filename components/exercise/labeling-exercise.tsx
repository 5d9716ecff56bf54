import { ArticleText } from '@/components/article/article-text';
import { getArticle } from '@/lib/content/articles';
import { exerciseRange, getExercise } from '@/lib/content/lessons';
import type { ExerciseActions, ExerciseConfig } from '@/lib/validation/exercise-contract';
import { ExerciseClient } from './exercise-client';
import { HowToLabel } from './how-to-label';
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
      <HowToLabel id={id} labels={exercise.labels} />
      <ExerciseClient config={config} classroom={found.lesson ? { saveDraft: actions.saveDraft } : undefined}>
        <ArticleText article={article} range={range.value} />
      </ExerciseClient>
    </section>
  );
}
