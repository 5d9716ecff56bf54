import { getActor } from '@/lib/server/actor';
import { exportStudentData } from '@/lib/server/data/roster';

type Context = { params: Promise<{ classId: string; studentId: string }> };

/** One student's data as a JSON download, for the instructor of their class. */
export async function GET(_request: Request, { params }: Context) {
  const { classId, studentId } = await params;
  const result = await exportStudentData(await getActor(), studentId);
  // The address names the class too: a student of another class is not found here.
  if (!result.ok || result.value.student.id !== studentId || result.value.student.classId !== classId) {
    const status = !result.ok && result.error === 'forbidden' ? 403 : 404;
    return Response.json({ error: result.ok ? 'No such student.' : result.message }, { status });
  }
  const safeName = result.value.student.displayName.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40) || 'student';
  return new Response(JSON.stringify(result.value, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="close-read-${safeName}-${classId.slice(0, 8)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
