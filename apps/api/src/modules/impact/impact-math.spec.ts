import {
  addMonths,
  addMonthsToDate,
  differenceInDifferences,
  histogram,
  monthDiff,
  monthsBetween,
  phillipsRoi,
  quantile,
  retentionAt,
  summarize,
  suppressed,
  witaDateOf,
  witaMonthOf,
  witaMonthStart,
} from './impact-math.js';

describe('WITA months', () => {
  it('puts 23:30 WITA on the 31st in that month, and midnight in the next', () => {
    expect(witaMonthOf(new Date('2026-03-31T15:30:00Z'))).toBe('2026-03'); // 23:30 WITA, 31 March
    expect(witaMonthOf(new Date('2026-03-31T15:59:59.999Z'))).toBe('2026-03');
    expect(witaMonthOf(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04'); // 00:00 WITA, 1 April
    expect(witaMonthOf(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01'); // across the year
    expect(witaDateOf(new Date('2026-03-31T15:30:00Z'))).toBe('2026-03-31');
  });

  it('starts a month at 00:00 WITA (16:00 UTC the day before)', () => {
    expect(witaMonthStart('2026-04').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(witaMonthStart('2027-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('counts months across years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthDiff('2025-08', '2026-03')).toBe(7);
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });
});

describe('quartiles (linear interpolation, type 7)', () => {
  // Six participants: three earn nothing, one big seller. Sorted: 0 0 0 100 200 1000.
  const incomes = [1000n, 0n, 200n, 0n, 100n, 0n];

  it('interpolates between order statistics: h = (n − 1)·p', () => {
    const sorted = [0, 0, 0, 100, 200, 1000];
    expect(quantile(sorted, 0.5)).toBe(50); // h = 2.5: halfway between 0 and 100
    expect(quantile(sorted, 0.25)).toBe(0); // h = 1.25: between 0 and 0
    expect(quantile(sorted, 0.75)).toBe(175); // h = 3.75: 100 + 0.75 × (200 − 100)
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('summarises so that one big seller does not hide that most earn nothing', () => {
    expect(summarize(incomes)).toEqual({ count: 6, total: 1300n, mean: 217n, q1: 0n, median: 50n, q3: 175n, min: 0n, max: 1000n });
    expect(summarize([])).toEqual({ count: 0, total: 0n, mean: null, q1: null, median: null, q3: null, min: null, max: null });
  });

  it('bins the distribution', () => {
    expect(histogram([0n, 0n, 150_000n, 300_000n, 2_000_000n, 50_000n, 99_999n, 100_000n]).map((bin) => bin.count)).toEqual([2, 2, 2, 1, 0, 1]);
  });
});

describe('retention: a sale in the three months up to k months after training', () => {
  const subjects = [
    { endMonth: '2026-03', saleMonths: new Set(['2026-04']) }, // sold in month 1 only
    { endMonth: '2026-03', saleMonths: new Set(['2026-06', '2026-09']) }, // months 3 and 6
    { endMonth: '2026-03', saleMonths: new Set<string>() }, // never
    { endMonth: '2026-09', saleMonths: new Set(['2026-10']) }, // a later cohort: month 3 is 2026-12
  ];

  it('counts who is still selling, among those whose k-th month has come', () => {
    expect(retentionAt(subjects, 3, '2026-12')).toEqual({ months: 3, eligible: 4, retained: 3, rate: 0.75 });
    expect(retentionAt(subjects, 6, '2026-12')).toEqual({ months: 6, eligible: 3, retained: 1, rate: 1 / 3 });
    // Nobody has reached 12 months yet in December 2026: no rate rather than 0 %.
    expect(retentionAt(subjects, 12, '2026-12')).toEqual({ months: 12, eligible: 0, retained: 0, rate: null });
  });

  it('looks only at the month itself for k = 1', () => {
    expect(retentionAt(subjects, 1, '2026-12')).toEqual({ months: 1, eligible: 4, retained: 2, rate: 0.5 });
  });
});

describe('Phillips ROI', () => {
  it('is (benefit − cost) / cost × 100, with the benefit/cost ratio', () => {
    expect(phillipsRoi(40_000_000n, 32_000_000n)).toEqual({ benefit: 40_000_000n, cost: 32_000_000n, net: 8_000_000n, roiPercent: 25, benefitCostRatio: 1.25 });
    expect(phillipsRoi(8_000_000n, 32_000_000n)).toMatchObject({ net: -24_000_000n, roiPercent: -75, benefitCostRatio: 0.25 });
    expect(phillipsRoi(1n, 0n)).toMatchObject({ roiPercent: null, benefitCostRatio: null });
  });
});

describe('difference in differences', () => {
  it('is (treated after − before) − (control after − before) of the group means', () => {
    const treated = [
      { before: 100n, after: 300n },
      { before: 200n, after: 500n },
    ];
    const control = [
      { before: 100n, after: 150n },
      { before: 100n, after: 150n },
      { before: 400n, after: 450n },
    ];
    expect(differenceInDifferences(treated, control)).toEqual({
      treatedCount: 2,
      controlCount: 3,
      treatedBefore: 150n,
      treatedAfter: 400n,
      controlBefore: 200n,
      controlAfter: 250n,
      treatedChange: 250n,
      controlChange: 50n,
      estimate: 200n,
    });
    expect(differenceInDifferences(treated, [])).toBeNull();
  });
});

describe('small cells on public pages', () => {
  it('hides figures about fewer than five people', () => {
    expect(suppressed(4, 123n)).toBeNull();
    expect(suppressed(5, 123n)).toBe(123n);
  });
});

describe('survey due dates', () => {
  it('adds months to a calendar date, the 31st becoming the last day of a shorter month', () => {
    expect(addMonthsToDate('2026-03-13', 3)).toBe('2026-06-13');
    expect(addMonthsToDate('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonthsToDate('2025-11-30', 3)).toBe('2026-02-28');
  });
});
