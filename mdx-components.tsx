import type { MDXComponents } from 'mdx/types';
import { LabelingExercise } from '@/components/exercise/labeling-exercise';
import { ArticleExcerpt } from '@/components/lesson/article-excerpt';
import { Callout } from '@/components/lesson/callout';
import { CheckItYourself, HiddenInstructorNotes, SideBySide } from '@/components/lesson/lesson-parts';
import { Question } from '@/components/lesson/question';

const components: MDXComponents = {
  ArticleExcerpt,
  Callout,
  LabelingExercise,
  Question,
  SideBySide,
  CheckItYourself,
  // Students never see instructor notes; the instructor's view passes a visible version.
  InstructorNotes: HiddenInstructorNotes,
};

/** Components every lesson can use without importing them. */
export function useMDXComponents(inherited: MDXComponents = {}): MDXComponents {
  return { ...components, ...inherited };
}
