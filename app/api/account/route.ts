import { getActor } from '@/lib/server/actor';

/** Who is signed in, as the header shows it; nothing more. */
export type AccountSummary = { kind: 'anonymous' } | { kind: 'instructor' | 'student'; name: string };

/**
 * The header's account links ask here after load: the pages themselves are the same for every
 * reader (decision 15), so who is reading is not in them.
 */
export async function GET(): Promise<Response> {
  const actor = await getActor();
  const summary: AccountSummary =
    actor.kind === 'instructor'
      ? { kind: 'instructor', name: actor.name }
      : actor.kind === 'student'
        ? { kind: 'student', name: actor.displayName }
        : { kind: 'anonymous' };
  return Response.json(summary, { headers: { 'cache-control': 'private, no-store' } });
}
