import type { Metadata } from 'next';
import { JoinForm } from '@/components/classroom/join-form';
import { Link } from '@/components/layout/link';
import { getActor } from '@/lib/server/actor';
import { joinClassAction } from './actions';

export const metadata: Metadata = { title: 'Join a class' };

export default async function JoinPage() {
  const actor = await getActor();
  return (
    <div className="page narrow">
      <h1>Join a class</h1>
      <p className="lede">
        Your teacher gives you a class code. You need no account and no email address.{' '}
        <Link href="/privacy">What is kept about you</Link>.
      </p>
      <JoinForm join={joinClassAction} signedInAs={actor.kind === 'student' ? actor.displayName : undefined} />
      <p>
        Joined before, on another device? <Link href="/resume">Continue with your resume code</Link>.
      </p>
    </div>
  );
}
