import type { ImpactFilterInput } from '@karya-ibu/types';

/** The /dinas/dampak filters as they sit in the URL (Indonesian names), so a filtered view can be bookmarked and shared. */
export interface ImpactFilters {
  pelatihan: string;
  kampung: string;
  kecamatan: string;
  uppka: string;
  /** YYYY-MM */
  dari: string;
  sampai: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ID = /^[0-9a-f-]{36}$/i;

export function readFilters(params: URLSearchParams): ImpactFilters {
  const id = (name: string) => (ID.test(params.get(name) ?? '') ? params.get(name)! : '');
  const month = (name: string) => (MONTH.test(params.get(name) ?? '') ? params.get(name)! : '');
  return { pelatihan: id('pelatihan'), kampung: id('kampung'), kecamatan: (params.get('kecamatan') ?? '').trim().slice(0, 80), uppka: id('uppka'), dari: month('dari'), sampai: month('sampai') };
}

/** The API's filter: months become their first day; empty fields are left out. */
export function toApiFilter(filters: ImpactFilters): ImpactFilterInput {
  return {
    ...(filters.pelatihan ? { trainingProgramId: filters.pelatihan } : {}),
    ...(filters.kampung ? { kampungId: filters.kampung } : {}),
    ...(filters.kecamatan ? { kecamatan: filters.kecamatan } : {}),
    ...(filters.uppka ? { uppkaGroupId: filters.uppka } : {}),
    ...(filters.dari ? { from: `${filters.dari}-01` } : {}),
    ...(filters.sampai ? { to: `${filters.sampai}-01` } : {})
  };
}

/** The query string of these filters (for links to exports and participants), empty fields left out. */
export function filterQuery(filters: ImpactFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `2026-04` → `Apr 2026` / `April 2026` (months are WITA months already). */
export function formatMonth(month: string, lang: 'id' | 'en', style: 'short' | 'long' = 'short'): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  const name = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: style, timeZone: 'UTC' }).format(date).replace(/\.$/, '');
  return `${name} ${month.slice(0, 4)}`;
}

/** A share 0..1 as `42%` (`—` when there is none yet). */
export function formatRate(rate: number | null | undefined, lang: 'id' | 'en'): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')}%`;
}

/** A compact axis label: `350 rb`, `1,2 jt` (id) or `350k`, `1.2m` (en). */
export function shortRupiah(value: number, lang: 'id' | 'en'): string {
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  if (value >= 1_000_000) return `${(value / 1_000_000).toLocaleString(locale, { maximumFractionDigits: 1 })}${lang === 'en' ? 'm' : ' jt'}`;
  if (value >= 1000) return `${Math.round(value / 1000).toLocaleString(locale)}${lang === 'en' ? 'k' : ' rb'}`;
  return value.toLocaleString(locale);
}
