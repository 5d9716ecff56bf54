import { getActor } from '@/lib/server/actor';
import { toCsv } from '@/lib/server/csv';
import { getGradebook, gradebookRows } from '@/lib/server/data/grades';

const STATUS = { forbidden: 403, 'not-found': 404 } as Record<string, number>;

/** The gradebook: one row per student, figures exact, for a spreadsheet or an LMS import; the instructor only. */
export async function GET(_request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const book = await getGradebook(await getActor(), assignmentId);
  if (!book.ok) return new Response(book.message, { status: STATUS[book.error] ?? 400 });
  return new Response(toCsv(gradebookRows(book.value)), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="gradebook-${book.value.lessonTitle.replace(/[^A-Za-z0-9]+/g, '-')}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
