import type { ClassroomExercise } from '@/lib/validation/exercise-contract';
import { LocalTime } from '../time/local-time';

/** The line above an assigned exercise: the lesson, the due date, and how the draft is kept. */
export function ClassroomBanner({ state, saveStatus }: { state: ClassroomExercise; saveStatus: string }) {
  return (
    <p className="classroom-banner">
      Assigned to your class in “{state.lessonTitle}”
      {state.dueAt && (
        <>
          , due <LocalTime iso={state.dueAt} />
        </>
      )}
      . {state.blocked ?? ''}{' '}
      {state.opensAt && (
        <>
          It opens <LocalTime iso={state.opensAt} />.{' '}
        </>
      )}
      {saveStatus || 'Your labels are saved to your class as you work.'}
    </p>
  );
}
