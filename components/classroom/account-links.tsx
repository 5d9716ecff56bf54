'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

type Account = { kind: 'anonymous' } | { kind: 'instructor' | 'student'; name: string };

type Props = { signOut: () => Promise<void> };

/** Who is reading, from the server (a GET that reads the session cookie; never cached). */
async function loadAccount(): Promise<Account> {
  const response = await fetch('/api/account', { cache: 'no-store' });
  if (!response.ok) throw new Error(`account: HTTP ${response.status}`);
  return (await response.json()) as Account;
}

/**
 * The header's account links. Asked for after load (and after each navigation, so signing in
 * or out shows at once) so that the content pages stay static for everyone.
 */
export function AccountLinks({ signOut }: Props) {
  const pathname = usePathname();
  const [account, setAccount] = useState<Account | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again after each navigation (sign-in, sign-out).
  useEffect(() => {
    let live = true;
    loadAccount().then(
      (found) => live && setAccount(found),
      () => live && setAccount({ kind: 'anonymous' }),
    );
    return () => {
      live = false;
    };
  }, [pathname]);

  if (!account) return <ul className="account-links" aria-busy="true" />;
  if (account.kind === 'anonymous') {
    return (
      <ul className="account-links">
        <li>
          <Link href="/join">Join a class</Link>
        </li>
        <li>
          <Link href="/instructor/sign-in">Instructor sign in</Link>
        </li>
      </ul>
    );
  }
  return (
    <ul className="account-links">
      <li className="account-name">{account.name}</li>
      <li>
        <Link href={account.kind === 'instructor' ? '/instructor' : '/class'}>
          {account.kind === 'instructor' ? 'My classes' : 'My class'}
        </Link>
      </li>
      <li>
        <form action={signOut}>
          <button type="submit" className="link-button">
            Sign out
          </button>
        </form>
      </li>
    </ul>
  );
}
