import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AccountLinks } from '@/components/classroom/account-links';
import { HydrationMark } from '@/components/layout/hydration-mark';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { signOut } from './account/actions';
import { serif } from './fonts';
import './globals.css';
import './exercise.css';
import './classroom.css';
import './print.css';
import './review.css';
import './review-print.css';

export const metadata: Metadata = {
  title: { default: 'Close Read', template: '%s · Close Read' },
  description: 'A workbook for reading the news critically: sourcing, loaded language and unverifiable claims.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Pages render per request, so that their scripts carry this request's CSP nonce; the pages
  // that are the same for every reader say `dynamic = 'force-static'`, which makes this a
  // no-op, and are served as built with a CSP by hashes (decision 15).
  await connection();
  return (
    <html lang="en" className={serif.variable}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader account={<AccountLinks signOut={signOut} />} />
        <noscript>
          <p className="noscript-note">
            JavaScript is turned off in this browser. You can read every lesson and article, but labeling, answer boxes,
            classes and sign-in need it: turn it on to work through the exercises.
          </p>
        </noscript>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <HydrationMark />
      </body>
    </html>
  );
}
