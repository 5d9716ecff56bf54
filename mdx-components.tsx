import type { MDXComponents } from 'mdx/types';
import { exerciseActions } from '@/app/lessons/exercise-actions';
import { answerQuestion, openAnswerDraftAction, saveAnswerDraftAction } from '@/app/lessons/question-actions';
import { LabelingExercise } from '@/components/exercise/labeling-exercise';
import { ArticleExcerpt } from '@/components/lesson/article-excerpt';
import { Callout } from '@/components/lesson/callout';
import { CheckItYourself, HiddenInstructorNotes, SideBySide } from '@/components/lesson/lesson-parts';
import { Question } from '@/components/lesson/question';

const components: MDXComponents = {
  ArticleExcerpt,
  Callout,
  // The exercise gets its server actions here: components never import app/.
  LabelingExercise: ({ id }: { id: string }) => <LabelingExercise id={id} actions={exerciseActions} />,
  Question: ({ id }: { id: string }) => (
    <Question id={id} answer={answerQuestion} drafts={{ save: saveAnswerDraftAction, open: openAnswerDraftAction }} />
  ),
  SideBySide,
  CheckItYourself,
  // Students never see instructor notes; the instructor's view passes a visible version.
  InstructorNotes: HiddenInstructorNotes,
};

/** Components every lesson can use without importing them. */
export function useMDXComponents(inherited: MDXComponents = {}): MDXComponents {
  return { ...components, ...inherited };
}
