'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getActor, STUDENT_COOKIE } from '@/lib/server/actor';
import { signOutInstructor } from '@/lib/server/instructor-account';
import { endStudentSession } from '@/lib/server/students';

/** Ends whichever session this browser holds (instructor or student) and goes home. */
export async function signOut(): Promise<void> {
  const actor = await getActor();
  if (actor.kind === 'instructor') await signOutInstructor(await headers());
  const jar = await cookies();
  const token = jar.get(STUDENT_COOKIE)?.value;
  if (token) {
    await endStudentSession(token);
    jar.delete(STUDENT_COOKIE);
  }
  redirect('/');
}
