import { asOfDate, computeIndicators, type ParticipantFacts } from './indicators.js';

const base = (over: Partial<ParticipantFacts>): ParticipantFacts => ({
  key: over.key ?? 'p',
  name: 'Ibu',
  sellerId: null,
  sellerVerified: false,
  kampungId: 'k1',
  programId: 'batik',
  endDate: '2026-03-13',
  baselineIdr: null,
  marketplace: new Map(),
  offline: new Map(),
  lastSaleOn: null,
  surveys: [],
  productsListed: 0,
  ...over,
});

// Three participants of a cohort that ended on 13 March 2026; the period is April–June, seen on 15 July.
const participants = [
  base({
    key: 'p1',
    sellerId: 's1',
    sellerVerified: true,
    baselineIdr: 500_000n,
    marketplace: new Map([['2026-04', { idr: 200_000n, orders: 1 }]]),
    offline: new Map([['2026-05', { idr: 100_000n, sales: 1 }]]),
    lastSaleOn: '2026-05-20',
    surveys: [{ wave: 3, dueOn: '2026-06-13', monthlyIncomeIdr: 800_000n }],
    productsListed: 4,
  }),
  base({ key: 'p2', baselineIdr: 1_000_000n }),
  base({ key: 'p3', sellerId: 's3', sellerVerified: true, offline: new Map([['2026-06', { idr: 300_000n, sales: 1 }]]), lastSaleOn: '2026-06-30', productsListed: 1 }),
];
const period = { from: '2026-04', to: '2026-06' };
const today = new Date('2026-07-15T03:00:00Z');

describe('impact indicators on a hand-computed fixture', () => {
  const result = computeIndicators(participants, period, today);

  it('takes the period end as the as-of day once the period is over', () => {
    expect(asOfDate(period, today)).toBe('2026-06-30');
    expect(asOfDate({ from: '2026-04', to: '2026-07' }, today)).toBe('2026-07-15');
  });

  it('keeps marketplace (verified) and offline (self-reported) apart, per month of the period after training', () => {
    expect(result.rows.map((row) => [row.eligibleMonths.length, row.marketplaceMonthlyIdr, row.offlineMonthlyIdr, row.salesMonthlyIdr])).toEqual([
      [3, 66_667n, 33_333n, 100_000n],
      [3, 0n, 0n, 0n],
      [3, 0n, 100_000n, 100_000n],
    ]);
    expect([result.marketplaceTotalIdr, result.offlineTotalIdr, result.orders, result.offlineSales]).toEqual([200_000n, 400_000n, 1, 2]);
  });

  it('gives median and quartiles of income from sales (most earn little)', () => {
    expect(result.salesMonthly).toEqual({ count: 3, total: 200_000n, mean: 66_667n, q1: 50_000n, median: 100_000n, q3: 100_000n, min: 0n, max: 100_000n });
    expect(result.baseline).toMatchObject({ count: 2, mean: 750_000n, median: 750_000n });
  });

  it('compares the survey answer with her baseline', () => {
    expect(result.survey).toMatchObject({ count: 1, median: 800_000n });
    expect(result.surveyUplift).toMatchObject({ count: 1, total: 300_000n });
  });

  it('counts active sellers by their last sale, and retention at 3 months', () => {
    expect([result.participants, result.sellersVerified, result.activeSellers30, result.activeSellers90]).toEqual([3, 2, 1, 2]);
    expect(result.retention[0]).toEqual({ months: 3, eligible: 3, retained: 2, rate: 2 / 3 });
    expect(result.retention[1]).toMatchObject({ months: 6, eligible: 0, rate: null });
    expect(result.productsListed).toBe(5);
  });

  it('builds the monthly series beside the baseline', () => {
    expect(result.monthly[0]).toEqual({ month: '2026-04', eligibleParticipants: 3, marketplaceIdr: 200_000n, offlineIdr: 0n, meanMarketplaceIdr: 66_667n, meanOfflineIdr: 0n, baselineMeanIdr: 750_000n, surveyMeanIdr: null, surveyAnswers: 0 });
    expect(result.monthly[2]).toMatchObject({ month: '2026-06', offlineIdr: 300_000n, surveyMeanIdr: 800_000n, surveyAnswers: 1 });
  });

  it('leaves out the months before her training ended', () => {
    const later = computeIndicators([base({ endDate: '2026-05-02', offline: new Map([['2026-06', { idr: 90_000n, sales: 1 }]]) })], period, today);
    expect(later.rows[0].eligibleMonths).toEqual(['2026-06']);
    expect(later.salesMonthly.median).toBe(90_000n);
  });
});
