import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '@/components/classroom/change-password-form';
import { getActor } from '@/lib/server/actor';
import { changePassword } from '../account-actions';

export const metadata: Metadata = { title: 'Change password' };

export default async function ChangePasswordPage() {
  if ((await getActor()).kind !== 'instructor') redirect('/instructor/sign-in');
  return (
    <div className="page narrow">
      <h1>Change password</h1>
      <ChangePasswordForm change={changePassword} />
    </div>
  );
}
