import { getActor } from '@/lib/server/actor';
import { exportLabels } from '@/lib/server/data/review-export';

const STATUS = { forbidden: 403, 'not-found': 404 } as Record<string, number>;

/** Every label of every submission of the assignment: the instructor only. */
export async function GET(_request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const result = await exportLabels(await getActor(), assignmentId);
  if (!result.ok) return new Response(result.message, { status: STATUS[result.error] ?? 400 });
  return new Response(JSON.stringify(result.value, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="labels-${assignmentId}.json"`,
      'cache-control': 'private, no-store',
    },
  });
}
