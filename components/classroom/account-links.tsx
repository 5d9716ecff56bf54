'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Link } from '@/components/layout/link';

type Account = { kind: 'anonymous' } | { kind: 'instructor' | 'student'; name: string };

type Props = { signOut: () => Promise<void> };

/**
 * The account request a prerendered page's loader started once the text was painted
 * (lib/server/text-first.mjs, decision 19), taken once: later navigations ask again.
 */
function takeEarlyAccount(): Promise<Response> | undefined {
  const w = window as Window & { __crAccount?: Promise<Response> };
  const early = w.__crAccount;
  delete w.__crAccount;
  return early;
}

/** Who is reading, from the server (a GET that reads the session cookie; never cached). */
async function loadAccount(): Promise<Account> {
  const response = await (takeEarlyAccount() ?? fetch('/api/account', { cache: 'no-store' }));
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
