import type { Lang } from '$lib/i18n';

/** Balikpapan is on WITA (UTC+8, no daylight saving); every instant is shown in that zone. */
export const TIME_ZONE = 'Asia/Makassar';
const ZONE_LABEL = 'WITA';

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, month: 'short' | 'long', withTime: boolean, timeZone: string) {
  const key = `${lang}|${month}|${withTime}|${timeZone}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang], {
      timeZone,
      day: 'numeric',
      month,
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {})
    });
    cache.set(key, f);
  }
  return f;
}

function toDate(value: string | Date): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: "${String(value)}"`);
  return date;
}

/** Built from parts so the result does not depend on the ICU version's punctuation. */
function build(parts: Intl.DateTimeFormatPart[], lang: Lang, withTime: boolean): string {
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const month = get('month').replace(/\.$/, '');
  const date = `${Number(get('day'))} ${month} ${get('year')}`;
  if (!withTime) return date;
  const separator = lang === 'id' ? '.' : ':';
  return `${date}, ${get('hour')}${separator}${get('minute')} ${ZONE_LABEL}`;
}

/** UTC instant → `28 Nov 2026` (the day in Balikpapan). */
export function formatDate(value: string | Date, lang: Lang = 'id'): string {
  return build(formatter(lang, 'short', false, TIME_ZONE).formatToParts(toDate(value)), lang, false);
}

/** UTC instant → `28 November 2026, 09.24 WITA`. */
export function formatDateTime(value: string | Date, lang: Lang = 'id'): string {
  return build(formatter(lang, 'long', true, TIME_ZONE).formatToParts(toDate(value)), lang, true);
}

/** UTC instant → `28 November 2026` (long month, WITA day). */
export function formatDateLong(value: string | Date, lang: Lang = 'id'): string {
  return build(formatter(lang, 'long', false, TIME_ZONE).formatToParts(toDate(value)), lang, false);
}

/** A calendar date without a zone (GraphQL `Date`, `YYYY-MM-DD`) → `24 Nov 2026`, never shifted. */
export function formatCalendarDate(value: string, lang: Lang = 'id'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`Not a calendar date: "${value}"`);
  const date = toDate(`${value}T00:00:00Z`);
  return build(formatter(lang, 'short', false, 'UTC').formatToParts(date), lang, false);
}
