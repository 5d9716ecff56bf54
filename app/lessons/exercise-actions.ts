import type { ExerciseActions } from '@/lib/validation/exercise-contract';
import { saveDraftToClass } from './classroom-actions';

/** The labeling exercise's server actions, passed to it by the pages and the lessons' MDX. */
export const exerciseActions: ExerciseActions = {
  saveDraft: saveDraftToClass,
};
