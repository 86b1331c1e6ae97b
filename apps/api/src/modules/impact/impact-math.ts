/**
 * The impact indicators' arithmetic, pure: no I/O, no clock (callers pass "today"). Money stays
 * whole rupiah (`bigint`) until a mean or a quantile, which are rounded to the rupiah (half up).
 */

/** A WITA calendar month, `YYYY-MM`. Balikpapan is UTC+8 all year (no daylight saving). */
export type Month = string;

const WITA_OFFSET_MS = 8 * 3_600_000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The WITA month an instant belongs to: 23:30 WITA on the 31st is still that month (15:30 UTC). */
export function witaMonthOf(instant: Date): Month {
  const wita = new Date(instant.getTime() + WITA_OFFSET_MS);
  return `${wita.getUTCFullYear()}-${String(wita.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month of a calendar date (`YYYY-MM-DD`, already a local date). */
export const monthOfDate = (date: string): Month => date.slice(0, 7);

/** The WITA date (`YYYY-MM-DD`) of an instant. */
export function witaDateOf(instant: Date): string {
  return new Date(instant.getTime() + WITA_OFFSET_MS).toISOString().slice(0, 10);
}

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function addMonths(month: Month, count: number): Month {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `a` to `b` (b − a); 0 for the same month. */
export function monthDiff(a: Month, b: Month): number {
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return (yb - ya) * 12 + (mb - ma);
}

/** The day `months` after a calendar date (the 31st becomes the month's last day). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Every month from `from` to `to`, both included (empty when to < from). */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let month = from; monthDiff(month, to) >= 0; month = addMonths(month, 1)) out.push(month);
  return out;
}

/** The first instant of a WITA month (00:00 WITA on the 1st), as UTC. */
export function witaMonthStart(month: Month): Date {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1, 1) - WITA_OFFSET_MS);
}

/** Whole rupiah, rounded half up (never a fraction of a rupiah in a report). */
export function roundRupiah(value: number): bigint {
  return BigInt(Math.round(value));
}

/**
 * Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, the default of
 * R and of spreadsheets' QUARTILE.INC): h = (n − 1)·p, between x[⌊h⌋] and x[⌈h⌉]. null for no values.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.ceil(h);
  return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
}

/** Count, total, mean, quartiles (type 7), minimum and maximum of rupiah amounts. */
export interface Summary {
  count: number;
  total: bigint;
  mean: bigint | null;
  q1: bigint | null;
  median: bigint | null;
  q3: bigint | null;
  min: bigint | null;
  max: bigint | null;
}

export function summarize(values: readonly bigint[]): Summary {
  const sorted = values.map(Number).sort((a, b) => a - b);
  const total = values.reduce((sum, value) => sum + value, 0n);
  const at = (p: number) => {
    const q = quantile(sorted, p);
    return q === null ? null : roundRupiah(q);
  };
  return {
    count: values.length,
    total,
    mean: values.length ? roundRupiah(Number(total) / values.length) : null,
    q1: at(0.25),
    median: at(0.5),
    q3: at(0.75),
    min: values.length ? roundRupiah(sorted[0]) : null,
    max: values.length ? roundRupiah(sorted[sorted.length - 1]) : null,
  };
}

/** Share as a fraction 0..1; null when nobody is counted. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * Still selling k months after training: at least one sale (any source) in the three months that end
 * k months after the month the training ended (for k = 3: months +1, +2, +3). Only participants whose
 * k-th month has passed count in the denominator (a cohort that ended last month cannot be "retained
 * at 12 months" yet).
 */
export interface RetentionPoint {
  months: number;
  eligible: number;
  retained: number;
  rate: number | null;
}

export interface RetentionSubject {
  /** The month her training ended. */
  endMonth: Month;
  /** Months in which she made at least one sale. */
  saleMonths: ReadonlySet<Month>;
}

export const RETENTION_WINDOW_MONTHS = 3;

export function retentionAt(subjects: readonly RetentionSubject[], months: number, currentMonth: Month): RetentionPoint {
  let eligible = 0;
  let retained = 0;
  for (const subject of subjects) {
    const last = addMonths(subject.endMonth, months);
    if (monthDiff(last, currentMonth) < 0) continue;
    eligible++;
    const window = Array.from({ length: Math.min(RETENTION_WINDOW_MONTHS, months) }, (_, i) => addMonths(last, -i));
    if (window.some((month) => subject.saleMonths.has(month))) retained++;
  }
  return { months, eligible, retained, rate: rate(retained, eligible) };
}

/**
 * Return on the training budget, Phillips: ROI % = (benefit − cost) / cost × 100; BCR = benefit / cost.
 * null when nothing was spent (a ratio to zero says nothing).
 */
export interface Roi {
  benefit: bigint;
  cost: bigint;
  net: bigint;
  roiPercent: number | null;
  benefitCostRatio: number | null;
}

export function phillipsRoi(benefit: bigint, cost: bigint): Roi {
  const net = benefit - cost;
  return {
    benefit,
    cost,
    net,
    roiPercent: cost > 0n ? (Number(net) / Number(cost)) * 100 : null,
    benefitCostRatio: cost > 0n ? Number(benefit) / Number(cost) : null,
  };
}

/** One person's income before and after, for a difference in differences. */
export interface BeforeAfter {
  before: bigint;
  after: bigint;
}

export interface DifferenceInDifferences {
  treatedCount: number;
  controlCount: number;
  treatedBefore: bigint;
  treatedAfter: bigint;
  controlBefore: bigint;
  controlAfter: bigint;
  /** treated_after − treated_before: the raw before–after change. */
  treatedChange: bigint;
  controlChange: bigint;
  /** (treated_after − treated_before) − (control_after − control_before), of the group means. */
  estimate: bigint;
}

/** DiD of the group means; null when either group is empty. */
export function differenceInDifferences(treated: readonly BeforeAfter[], control: readonly BeforeAfter[]): DifferenceInDifferences | null {
  if (treated.length === 0 || control.length === 0) return null;
  const mean = (rows: readonly BeforeAfter[], key: keyof BeforeAfter) => Number(rows.reduce((sum, row) => sum + row[key], 0n)) / rows.length;
  const tb = mean(treated, 'before');
  const ta = mean(treated, 'after');
  const cb = mean(control, 'before');
  const ca = mean(control, 'after');
  return {
    treatedCount: treated.length,
    controlCount: control.length,
    treatedBefore: roundRupiah(tb),
    treatedAfter: roundRupiah(ta),
    controlBefore: roundRupiah(cb),
    controlAfter: roundRupiah(ca),
    treatedChange: roundRupiah(ta - tb),
    controlChange: roundRupiah(ca - cb),
    estimate: roundRupiah(ta - tb - (ca - cb)),
  };
}

/** Bins of a participant's mean monthly income from sales, for the distribution chart (upper bounds, rupiah). */
export const INCOME_BINS: readonly { label: string; upTo: bigint | null }[] = [
  { label: 'Rp 0', upTo: 0n },
  { label: '< Rp 100rb', upTo: 99_999n },
  { label: 'Rp 100–250rb', upTo: 249_999n },
  { label: 'Rp 250–500rb', upTo: 499_999n },
  { label: 'Rp 500rb–1jt', upTo: 999_999n },
  { label: '≥ Rp 1jt', upTo: null },
];

export function histogram(values: readonly bigint[]): { label: string; count: number }[] {
  const counts = INCOME_BINS.map((bin) => ({ label: bin.label, count: 0 }));
  for (const value of values) {
    const index = INCOME_BINS.findIndex((bin) => bin.upTo === null || value <= bin.upTo);
    counts[index].count++;
  }
  return counts;
}

/** Cells with fewer people than this are not shown on public pages (nobody can be picked out). */
export const PUBLIC_MIN_CELL = 5;

/** A public figure, or null when it describes fewer than PUBLIC_MIN_CELL people. */
export const suppressed = <T>(people: number, value: T): T | null => (people >= PUBLIC_MIN_CELL ? value : null);
