import { describe, expect, it } from 'vitest';
import { decodeViewerZone, encodeViewerZone, formatInstant } from '@/lib/time/viewer-zone';

describe('the viewer-zone cookie', () => {
  it('round-trips a locale and a zone', () => {
    const zone = { locale: 'en-US', timeZone: 'America/Chicago' };
    expect(decodeURIComponent(encodeViewerZone(zone))).toBe('en-US America/Chicago');
    expect(decodeViewerZone(encodeViewerZone(zone))).toEqual(zone);
    expect(decodeViewerZone(encodeViewerZone({ locale: 'pt-BR', timeZone: 'America/Sao_Paulo' }))).toEqual({
      locale: 'pt-BR',
      timeZone: 'America/Sao_Paulo',
    });
  });

  it('names nothing for anything else', () => {
    for (const value of [
      undefined,
      '',
      '%E0%A4%A', // a broken escape
      encodeURIComponent('en-US'),
      encodeURIComponent('en-US Mars/Olympus_Mons'),
      encodeURIComponent('not_a_locale America/Chicago'),
      encodeURIComponent('en-US America/Chicago extra'),
      encodeURIComponent(`en-US ${'A'.repeat(200)}`),
    ])
      expect(decodeViewerZone(value), String(value)).toBeNull();
  });
});

describe('formatInstant', () => {
  const instant = new Date('2027-01-16T05:59:00Z');
  it('writes the instant in the zone, named', () => {
    expect(formatInstant(instant, { locale: 'en-US', timeZone: 'America/Chicago' })).toBe('Jan 15, 2027, 11:59 PM CST');
    expect(formatInstant(instant, { locale: 'en-US', timeZone: 'Asia/Tokyo' })).toBe('Jan 16, 2027, 2:59 PM GMT+9');
  });
  it('writes UTC, named, when the zone is not known', () => {
    expect(formatInstant(instant, null)).toBe('16 Jan 2027, 05:59 UTC');
  });
});
