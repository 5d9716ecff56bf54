import type { Metadata } from 'next';
import Link from 'next/link';
import { JoinForm } from '@/components/classroom/join-form';
import { getActor } from '@/lib/server/actor';
import { joinClassAction } from './actions';

export const metadata: Metadata = { title: 'Join a class' };

export default async function JoinPage() {
  const actor = await getActor();
  return (
    <div className="page narrow">
      <h1>Join a class</h1>
      {actor.kind === 'student' && (
        <p className="note">
          You are already in a class as {actor.displayName}. <Link href="/class">Go to my class</Link>, or join another
          class below.
        </p>
      )}
      <p className="lede">Your teacher gives you a class code. You need no account and no email address.</p>
      <JoinForm join={joinClassAction} />
      <p>
        Joined before, on another device? <Link href="/resume">Continue with your resume code</Link>.
      </p>
    </div>
  );
}
