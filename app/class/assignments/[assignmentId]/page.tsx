import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ArticleText } from '@/components/article/article-text';
import { ExerciseClient } from '@/components/exercise/exercise-client';
import { HowToLabel } from '@/components/exercise/how-to-label';
import { Legend } from '@/components/exercise/legend';
import { Link } from '@/components/layout/link';
import { getActor } from '@/lib/server/actor';
import { getOwnExercise } from '@/lib/server/data/own-assignments';
import type { ExerciseConfig } from '@/lib/validation/exercise-contract';
import { exerciseActions } from '../../../lessons/exercise-actions';

type Props = { params: Promise<{ assignmentId: string }> };

export const metadata: Metadata = { title: 'Exercise' };

/**
 * An exercise on an article the teacher brought: the same labeling, drafts, submission and
 * comparison as a lesson's exercise. Only the class's students open it; the page carries
 * the text and the rules, never the key (it comes with a submission's answer once released).
 */
export default async function OwnExercisePage({ params }: Props) {
  const { assignmentId } = await params;
  const actor = await getActor();
  if (actor.kind !== 'student') redirect('/join');
  const found = await getOwnExercise(actor, assignmentId);
  if (!found.ok) notFound();
  const ex = found.value;
  const id = ex.exerciseId;
  const config: ExerciseConfig = {
    id,
    articleSha256: ex.sha256,
    range: { start: 0, end: ex.text.length },
    labels: ex.labels,
    attributes: true,
    why: true,
    keyOnRetry: false,
  };
  return (
    <div className="page lesson">
      <p>
        <Link href="/class">← My class</Link>
      </p>
      <h1>{ex.title}</h1>
      <p className="source">
        {ex.outlet}
        {ex.author ? `, ${ex.author}` : ''}, {ex.published}
        {ex.sourceUrl && (
          <>
            {' · '}
            <a href={ex.sourceUrl} rel="noreferrer">
              source
            </a>
          </>
        )}
      </p>
      <section className="exercise" aria-labelledby={`${id}-title`} data-exercise={id}>
        <h2 id={`${id}-title`}>Exercise: label the article</h2>
        <p>{ex.instructions}</p>
        <Legend labels={ex.labels} />
        <HowToLabel id={id} labels={ex.labels} />
        <ExerciseClient config={config} classroom={{ saveDraft: exerciseActions.saveDraft }}>
          <ArticleText article={{ slug: id, text: ex.text, sha256: ex.sha256, resolvedParts: [] }} />
        </ExerciseClient>
      </section>
    </div>
  );
}
