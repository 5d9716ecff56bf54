import 'server-only';
import { cookies } from 'next/headers';
import { decodeViewerZone, type ViewerZone, ZONE_COOKIE } from '@/lib/time/viewer-zone';

/** The zone and locale this request's browser has told (lib/time/viewer-zone.ts), or null. */
export async function viewerZone(): Promise<ViewerZone | null> {
  return decodeViewerZone((await cookies()).get(ZONE_COOKIE)?.value);
}
