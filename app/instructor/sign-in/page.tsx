import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/classroom/sign-in-form';
import { getActor } from '@/lib/server/actor';
import { signIn } from '../account-actions';

export const metadata: Metadata = { title: 'Instructor sign in' };

export default async function SignInPage() {
  if ((await getActor()).kind === 'instructor') redirect('/instructor');
  return (
    <div className="page narrow">
      <h1>Instructor sign in</h1>
      <p className="lede">Sign in to manage your classes, assignments and answer keys.</p>
      <SignInForm signIn={signIn} />
      <p className="note">
        There is no sign-up: instructor accounts are created by your school’s administrator. Students do not sign in
        here; they <a href="/join">join a class</a> with a code.
      </p>
    </div>
  );
}
