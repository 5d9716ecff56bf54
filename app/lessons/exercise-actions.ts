import type { ExerciseActions } from '@/lib/validation/exercise-contract';
import { openClassroom, saveDraftToClass } from './classroom-actions';

/** The labeling exercise's server actions, passed to it by the pages and the lessons' MDX. */
export const exerciseActions: ExerciseActions = {
  open: openClassroom,
  saveDraft: saveDraftToClass,
};
