import { getActor } from '@/lib/server/actor';
import { toCsv } from '@/lib/server/csv';
import { getDashboard } from '@/lib/server/data/review';
import { scoreRows } from '@/lib/server/data/review-export';

const STATUS = { forbidden: 403, 'not-found': 404 } as Record<string, number>;

/** One row per student for one exercise (?exercise=, default the lesson's first): the instructor only. */
export async function GET(request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const dashboard = await getDashboard(await getActor(), assignmentId);
  if (!dashboard.ok) return new Response(dashboard.message, { status: STATUS[dashboard.error] ?? 400 });
  const wanted = new URL(request.url).searchParams.get('exercise');
  const exercise = dashboard.value.exercises.find((e) => e.exerciseId === wanted) ?? dashboard.value.exercises[0];
  if (!exercise) return new Response('This lesson has no labeling exercises.', { status: 404 });
  const csv = toCsv(scoreRows(exercise));
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="scores-${exercise.exerciseId}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
