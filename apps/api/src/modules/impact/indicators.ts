import {
  addMonths,
  histogram,
  monthDiff,
  monthOfDate,
  monthsBetween,
  retentionAt,
  roundRupiah,
  summarize,
  witaDateOf,
  witaMonthOf,
  type Month,
  type RetentionPoint,
  type Summary,
} from './impact-math.js';

/** An answered follow-up survey: her total monthly income, all sources (self-reported). */
export interface SurveyAnswer {
  wave: number;
  dueOn: string;
  monthlyIncomeIdr: bigint;
}

/** Everything the indicators read about one participant (one person in one cohort). */
export interface ParticipantFacts {
  key: string;
  name: string;
  sellerId: string | null;
  sellerVerified: boolean;
  kampungId: string;
  programId: string;
  /** Her cohort's last day (YYYY-MM-DD). */
  endDate: string;
  baselineIdr: bigint | null;
  /** Verified marketplace net income and orders per WITA month. */
  marketplace: ReadonlyMap<Month, { idr: bigint; orders: number }>;
  /** Self-reported offline sales per WITA month. */
  offline: ReadonlyMap<Month, { idr: bigint; sales: number }>;
  /** Her last sale of any source (WITA date), at or before the as-of day. */
  lastSaleOn: string | null;
  surveys: readonly SurveyAnswer[];
  productsListed: number;
}

export interface Period {
  from: Month;
  to: Month;
}

/** One participant over the period. */
export interface ParticipantResult {
  facts: ParticipantFacts;
  /** Months of the period after her training month, up to the current month. */
  eligibleMonths: Month[];
  marketplaceIdr: bigint;
  offlineIdr: bigint;
  orders: number;
  offlineSales: number;
  /** Mean monthly income from sales over her eligible months, per source; null without eligible months. */
  marketplaceMonthlyIdr: bigint | null;
  offlineMonthlyIdr: bigint | null;
  salesMonthlyIdr: bigint | null;
  /** Her latest survey answer due in the period. */
  latestSurvey: SurveyAnswer | null;
  surveyUpliftIdr: bigint | null;
  monthsSinceTraining: number;
  active30: boolean;
  active90: boolean;
}

export interface MonthRow {
  month: Month;
  eligibleParticipants: number;
  marketplaceIdr: bigint;
  offlineIdr: bigint;
  meanMarketplaceIdr: bigint | null;
  meanOfflineIdr: bigint | null;
  baselineMeanIdr: bigint | null;
  surveyMeanIdr: bigint | null;
  surveyAnswers: number;
}

export interface Indicators {
  participants: number;
  sellersVerified: number;
  activeSellers30: number;
  activeSellers90: number;
  retention: RetentionPoint[];
  retentionCurve: RetentionPoint[];
  baseline: Summary;
  marketplaceMonthly: Summary;
  offlineMonthly: Summary;
  salesMonthly: Summary;
  marketplaceTotalIdr: bigint;
  offlineTotalIdr: bigint;
  orders: number;
  offlineSales: number;
  survey: Summary;
  surveyUplift: Summary;
  productsListed: number;
  monthly: MonthRow[];
  distribution: { label: string; count: number }[];
  rows: ParticipantResult[];
}

const DAY_MS = 86_400_000;
const daysBetween = (earlier: string, later: string) => Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / DAY_MS);

/** The as-of day of a period: its last day, or today while the period is still running (WITA). */
export function asOfDate(period: Period, today: Date): string {
  const lastOfPeriod = new Date(Date.parse(`${addMonths(period.to, 1)}-01T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  const todayWita = witaDateOf(today);
  return lastOfPeriod < todayWita ? lastOfPeriod : todayWita;
}

export function participantResult(facts: ParticipantFacts, period: Period, today: Date): ParticipantResult {
  const current = witaMonthOf(today);
  const endMonth = monthOfDate(facts.endDate);
  const eligibleMonths = monthsBetween(period.from, period.to).filter((month) => monthDiff(endMonth, month) > 0 && monthDiff(month, current) >= 0);
  let marketplaceIdr = 0n;
  let offlineIdr = 0n;
  let orders = 0;
  let offlineSales = 0;
  for (const month of eligibleMonths) {
    const m = facts.marketplace.get(month);
    const o = facts.offline.get(month);
    if (m) {
      marketplaceIdr += m.idr;
      orders += m.orders;
    }
    if (o) {
      offlineIdr += o.idr;
      offlineSales += o.sales;
    }
  }
  const perMonth = (total: bigint) => (eligibleMonths.length ? roundRupiah(Number(total) / eligibleMonths.length) : null);
  const inPeriod = facts.surveys.filter((s) => monthDiff(period.from, monthOfDate(s.dueOn)) >= 0 && monthDiff(monthOfDate(s.dueOn), period.to) >= 0);
  const latestSurvey = [...inPeriod].sort((a, b) => a.dueOn.localeCompare(b.dueOn)).at(-1) ?? null;
  const asOf = asOfDate(period, today);
  const sinceLastSale = facts.lastSaleOn && facts.lastSaleOn <= asOf ? daysBetween(facts.lastSaleOn, asOf) : null;
  return {
    facts,
    eligibleMonths,
    marketplaceIdr,
    offlineIdr,
    orders,
    offlineSales,
    marketplaceMonthlyIdr: perMonth(marketplaceIdr),
    offlineMonthlyIdr: perMonth(offlineIdr),
    salesMonthlyIdr: perMonth(marketplaceIdr + offlineIdr),
    latestSurvey,
    surveyUpliftIdr: latestSurvey && facts.baselineIdr !== null ? latestSurvey.monthlyIncomeIdr - facts.baselineIdr : null,
    monthsSinceTraining: Math.max(0, monthDiff(endMonth, current)),
    active30: sinceLastSale !== null && sinceLastSale < 30,
    active90: sinceLastSale !== null && sinceLastSale < 90,
  };
}

const present = <T>(values: (T | null)[]): T[] => values.filter((value): value is T => value !== null);

/**
 * The indicators of a set of participants over a period. Income from sales is a participant's mean
 * per month over the months of the period after her training (so a cohort that ended in the middle
 * of the period is not diluted by the months before it); the survey figure is her latest answer due
 * in the period; the uplift is that answer minus her baseline.
 */
export function computeIndicators(participants: readonly ParticipantFacts[], period: Period, today: Date): Indicators {
  const rows = participants.map((facts) => participantResult(facts, period, today));
  const current = witaMonthOf(today);
  const subjects = rows.map((row) => ({
    endMonth: monthOfDate(row.facts.endDate),
    saleMonths: new Set([...[...row.facts.marketplace].filter(([, m]) => m.orders > 0), ...[...row.facts.offline].filter(([, o]) => o.sales > 0)].map(([month]) => month)),
  }));
  const withMonths = rows.filter((row) => row.eligibleMonths.length > 0);
  const monthly = monthsBetween(period.from, period.to).map((month): MonthRow => {
    const eligible = rows.filter((row) => row.eligibleMonths.includes(month));
    const marketplaceIdr = eligible.reduce((sum, row) => sum + (row.facts.marketplace.get(month)?.idr ?? 0n), 0n);
    const offlineIdr = eligible.reduce((sum, row) => sum + (row.facts.offline.get(month)?.idr ?? 0n), 0n);
    const baselines = present(eligible.map((row) => row.facts.baselineIdr));
    const answers = rows.flatMap((row) => row.facts.surveys.filter((s) => monthOfDate(s.dueOn) === month).map((s) => s.monthlyIncomeIdr));
    return {
      month,
      eligibleParticipants: eligible.length,
      marketplaceIdr,
      offlineIdr,
      meanMarketplaceIdr: eligible.length ? roundRupiah(Number(marketplaceIdr) / eligible.length) : null,
      meanOfflineIdr: eligible.length ? roundRupiah(Number(offlineIdr) / eligible.length) : null,
      baselineMeanIdr: summarize(baselines).mean,
      surveyMeanIdr: summarize(answers).mean,
      surveyAnswers: answers.length,
    };
  });
  const sales = present(withMonths.map((row) => row.salesMonthlyIdr));
  return {
    participants: rows.length,
    sellersVerified: rows.filter((row) => row.facts.sellerVerified).length,
    activeSellers30: rows.filter((row) => row.active30).length,
    activeSellers90: rows.filter((row) => row.active90).length,
    retention: [3, 6, 12].map((months) => retentionAt(subjects, months, current)),
    retentionCurve: Array.from({ length: 12 }, (_, i) => retentionAt(subjects, i + 1, current)),
    baseline: summarize(present(rows.map((row) => row.facts.baselineIdr))),
    marketplaceMonthly: summarize(present(withMonths.map((row) => row.marketplaceMonthlyIdr))),
    offlineMonthly: summarize(present(withMonths.map((row) => row.offlineMonthlyIdr))),
    salesMonthly: summarize(sales),
    marketplaceTotalIdr: rows.reduce((sum, row) => sum + row.marketplaceIdr, 0n),
    offlineTotalIdr: rows.reduce((sum, row) => sum + row.offlineIdr, 0n),
    orders: rows.reduce((sum, row) => sum + row.orders, 0),
    offlineSales: rows.reduce((sum, row) => sum + row.offlineSales, 0),
    survey: summarize(present(rows.map((row) => row.latestSurvey?.monthlyIncomeIdr ?? null))),
    surveyUplift: summarize(present(rows.map((row) => row.surveyUpliftIdr))),
    productsListed: rows.reduce((sum, row) => sum + row.facts.productsListed, 0),
    monthly,
    distribution: histogram(sales),
    rows,
  };
}
