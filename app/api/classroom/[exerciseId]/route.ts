import { getActor } from '@/lib/server/actor';
import { openClassroomExercise } from '@/lib/server/classroom-grading';

/**
 * The classroom state of an exercise for the student asking (their assignment, their draft,
 * their last submission), or null for anyone else: a self-guided reader, an instructor, a
 * student whose class does not have the exercise. Asked by the exercise after load, since the
 * lesson page is the same for every reader (decision 15).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ exerciseId: string }> }) {
  const { exerciseId } = await params;
  const state = await openClassroomExercise(await getActor(), exerciseId);
  return Response.json(state, { headers: { 'cache-control': 'private, no-store' } });
}
