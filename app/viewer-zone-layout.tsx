import type { ReactNode } from 'react';
import { ViewerZoneProvider } from '@/components/time/local-time';
import { viewerZone } from '@/lib/server/viewer-zone';

/**
 * The layout of the pages that show stored times (the instructor's, the student's class): the
 * server writes them in the viewer's zone once the browser has told it (components/time/local-time).
 */
export default async function ViewerZoneLayout({ children }: { children: ReactNode }) {
  return <ViewerZoneProvider zone={await viewerZone()}>{children}</ViewerZoneProvider>;
}
