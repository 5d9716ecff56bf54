'use client';

import NextLink, { useLinkStatus } from 'next/link';
import { useRouter } from 'next/navigation';
import { type ComponentProps, type FocusEvent, type PointerEvent, useEffect } from 'react';

type Props = ComponentProps<typeof NextLink> & { href: string };

/**
 * The site's link: a client-side navigation, like Next.js's, whose page is asked for ahead
 * when the reader shows they mean to follow it (a mouse's pointer comes over it, or the
 * keyboard's focus reaches it), not as soon as it comes into view. Next.js's default asked the
 * server for every link on the screen once the page had loaded: 8 to 27 requests a page, each
 * a page rendered for nobody, on the reader's processor and the class's server in the very
 * minute a class opens a page together. Not on a touch: a tap follows its touch too closely for
 * the early answer to be there, and the page was then asked for three times (decision 24).
 */
export function Link({ href, prefetch, onPointerEnter, onFocus, children, ...rest }: Props) {
  const router = useRouter();
  const ahead = () => {
    if (prefetch !== false && href.startsWith('/')) router.prefetch(href);
  };
  return (
    <NextLink
      {...rest}
      href={href}
      prefetch={false}
      onPointerEnter={(event: PointerEvent<HTMLAnchorElement>) => {
        if (event.pointerType === 'mouse') ahead();
        onPointerEnter?.(event);
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        // The keyboard's focus, not the focus a press gives the link on its way to a click.
        if (event.currentTarget.matches(':focus-visible')) ahead();
        onFocus?.(event);
      }}
    >
      {children}
      <Pending />
    </NextLink>
  );
}

/**
 * While a followed link's page is on its way, `<html data-navigating>`: the page shows a bar
 * along the top of the window and a busy pointer (globals.css), so that a click on a slow line
 * is seen to have been taken, not pressed again. Draws nothing itself.
 */
function Pending() {
  const { pending } = useLinkStatus();
  useEffect(() => {
    if (!pending) return;
    const root = document.documentElement;
    root.dataset.navigating = '';
    return () => {
      delete root.dataset.navigating;
    };
  }, [pending]);
  return null;
}
