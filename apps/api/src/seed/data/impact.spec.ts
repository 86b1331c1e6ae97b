import { quantile } from '../../modules/impact/impact-math.js';
import { buildSeedData, BATIK_TRAINING_SLUG } from './index.js';
import { DEMO_HORIZON } from './impact.js';

const { impact, sellers, rosters } = buildSeedData();

describe('demo impact data', () => {
  it('answers the surveys from her roster baseline: a participant who sells reports more than she earned before', () => {
    const baseline = new Map(rosters.map((line) => [`${line.trainingSlug}|${line.phone}`, line.baselineMonthlyIncomeIdr]));
    const sold = new Set(impact.sales.map((sale) => sale.sellerSlug));
    const phone = new Map(sellers.map((s) => [s.slug, s.whatsappNumber]));
    const answered = impact.surveys.filter((s) => s.monthlyIncomeIdr !== null && s.programSlug === BATIK_TRAINING_SLUG && sold.has(s.sellerSlug));
    expect(answered.length).toBeGreaterThan(20);
    const above = answered.filter((s) => s.monthlyIncomeIdr! > baseline.get(`${s.programSlug}|${phone.get(s.sellerSlug)}`)!);
    expect(above.length / answered.length).toBeGreaterThan(0.6);
  });

  it('looks like a real cohort: many sell little or nothing, a few do well', () => {
    const perSeller = new Map<string, number>();
    for (const sale of impact.sales) perSeller.set(sale.sellerSlug, (perSeller.get(sale.sellerSlug) ?? 0) + Number(sale.amountIdr));
    const totals = sellers.map((s) => perSeller.get(s.slug) ?? 0).sort((a, b) => a - b);
    const none = totals.filter((total) => total === 0).length;
    expect(none).toBeGreaterThanOrEqual(10);
    expect(quantile(totals, 0.5)!).toBeLessThan(quantile(totals, 0.9)! / 4);
    expect(totals.at(-1)!).toBeGreaterThan(10_000_000);
  });

  it('never dates a sale or a survey after the horizon, nor a sale before her training ended', () => {
    expect(impact.sales.every((s) => s.soldOn <= DEMO_HORIZON && s.soldOn > '2025-08-21')).toBe(true);
    expect(impact.surveys.every((s) => s.dueOn <= DEMO_HORIZON)).toBe(true);
    expect(impact.surveys.some((s) => s.monthlyIncomeIdr === null)).toBe(true); // some left for the pendamping
  });

  it('makes UPPKA groups of sellers of their own kampung', () => {
    const kampungOf = new Map(sellers.map((s) => [s.slug, s.kampungSlug]));
    for (const group of impact.uppkaGroups) expect(group.sellerSlugs.every((slug) => kampungOf.get(slug) === group.kampungSlug)).toBe(true);
  });
});
