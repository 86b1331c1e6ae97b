import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDate, formatDateLong, formatDateTime } from './dates';

describe('dates in WITA (Asia/Makassar, UTC+8)', () => {
  it('formats a short date', () => {
    expect(formatDate('2026-11-28T01:24:00Z')).toBe('28 Nov 2026');
  });

  it('formats date and time with the WITA label', () => {
    expect(formatDateTime('2026-11-28T01:24:00Z')).toBe('28 November 2026, 09.24 WITA');
    expect(formatDateTime('2026-11-28T01:24:00Z', 'en')).toBe('28 November 2026, 09:24 WITA');
  });

  it('moves a late-evening UTC instant to the next day in Balikpapan', () => {
    expect(formatDate('2026-11-27T16:30:00Z')).toBe('28 Nov 2026');
    expect(formatDate('2026-11-27T15:59:59Z')).toBe('27 Nov 2026');
  });

  it('uses Indonesian month names', () => {
    expect(formatDateLong('2026-08-17T03:00:00Z')).toBe('17 Agustus 2026');
    expect(formatDate('2026-08-17T03:00:00Z')).toBe('17 Agu 2026');
    expect(formatDate('2026-08-17T03:00:00Z', 'en')).toBe('17 Aug 2026');
  });

  it('shows midnight as 00.00, not 24.00', () => {
    expect(formatDateTime('2026-01-01T16:00:00Z')).toBe('2 Januari 2026, 00.00 WITA');
  });

  it('formats calendar dates without shifting them', () => {
    expect(formatCalendarDate('2026-11-24')).toBe('24 Nov 2026');
    expect(formatCalendarDate('2026-05-01', 'en')).toBe('1 May 2026');
  });

  it('rejects what is not a date', () => {
    expect(() => formatDate('kemarin')).toThrow(RangeError);
    expect(() => formatCalendarDate('2026-11-24T00:00:00Z')).toThrow(RangeError);
  });
});
