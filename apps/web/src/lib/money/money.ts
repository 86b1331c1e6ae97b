import type { Lang } from '$lib/i18n';
import { localeOf } from '$lib/i18n';

/** Pure helpers of the money pages: rupiah sums, commission rates in percent, WITA months. */

/** "Dalam perjalanan": what is on its way to her, pending plus in a payout run (rupiah strings, exact). */
export function inTransitIdr(pendingIdr: string, inPayoutIdr: string): string {
  return (BigInt(pendingIdr) + BigInt(inPayoutIdr)).toString();
}

/** A balance below zero: a refund of money already paid out, which the next payout nets. */
export const isNegativeIdr = (idr: string): boolean => BigInt(idr) < 0n;

/** 1000 basis points → `10%`, 750 → `7,5%` (her decimal comma). */
export function formatCommissionRate(basisPoints: number, lang: Lang): string {
  return `${(basisPoints / 100).toLocaleString(localeOf(lang), { maximumFractionDigits: 2 })}%`;
}

/** What she typed as a percent (`10`, `7,5`, `7.5 %`) → basis points 0..10000; null when it is not one. */
export function parsePercent(text: string): number | null {
  const cleaned = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return null;
  const basisPoints = Math.round(Number(cleaned) * 100);
  return basisPoints <= 10_000 ? basisPoints : null;
}

/** The distinct commission rates of a sale's lines, lowest first (one sale may mix rates). */
export function distinctRates(lines: readonly { commissionRateBasisPoints: number }[]): number[] {
  return [...new Set(lines.map((line) => line.commissionRateBasisPoints))].sort((a, b) => a - b);
}

const WITA_OFFSET_MS = 8 * 3_600_000;

/** The WITA month (YYYY-MM) of a moment: the months of the ledger and of the reconciliation. */
export function witaMonth(at: Date = new Date()): string {
  return new Date(at.getTime() + WITA_OFFSET_MS).toISOString().slice(0, 7);
}

/** A `YYYY-MM` period from a query string, or null. */
export function readPeriod(value: string | null): string | null {
  return value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : null;
}

/** The API's bank file of a run, beside its GraphQL endpoint (kept under a path prefix such as /api/). */
export function bankFileUrl(graphqlUrl: string, runId: string): string {
  return new URL(`payouts/${encodeURIComponent(runId)}.csv`, graphqlUrl).toString();
}
