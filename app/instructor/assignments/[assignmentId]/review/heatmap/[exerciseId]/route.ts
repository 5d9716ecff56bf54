import { getActor } from '@/lib/server/actor';
import { getHeatmap } from '@/lib/server/data/review';
import { LABELS } from '@/lib/validation/labels';

const STATUS = { forbidden: 403, 'not-found': 404 } as Record<string, number>;

/**
 * The per-word detail of the review page's heatmap, which the instructor's browser asks for
 * after the page (roster and figures) has arrived: the exercise's text and its stretches as
 * compact rows. Same check as the page: the class's instructor only (the key's spans are in it).
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ assignmentId: string; exerciseId: string }> },
) {
  const { assignmentId, exerciseId } = await params;
  const result = await getHeatmap(await getActor(), assignmentId, exerciseId);
  if (!result.ok) return new Response(result.message, { status: STATUS[result.error] ?? 400 });
  const h = result.value;
  const keyIndex = new Map(h.keyItems.map((k, i) => [k.id, i]));
  const body = {
    exerciseId,
    start: h.start,
    text: h.text.slice(h.start, h.end),
    submitted: h.submitted,
    labels: LABELS,
    keyItems: h.keyItems.map((k) => ({ label: k.label, optional: k.optional })),
    // [start, end, ...counts in LABELS order, any, key item indexes]
    stretches: h.stretches.map((s) => [
      s.start,
      s.end,
      ...LABELS.map((l) => s.counts[l]),
      s.any,
      s.keyItemIds.map((id) => keyIndex.get(id) ?? -1).filter((i) => i >= 0),
    ]),
  };
  return new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-store' },
  });
}
