import type { Rng } from './prng.js';
import type { SeedRosterEntry } from './seed-types.js';
import type { SellerProfile } from './sellers.js';
import { BAG_TRAINING_SLUG, BATIK_TRAINING_SLUG } from './training-programs.js';

/** Someone on a cohort roster who is not (yet) a seller, e.g. the applicant waiting in the queue. */
export interface RosterApplicant {
  name: string;
  phone: string;
  kampungSlug: string;
}

/**
 * Monthly income before a training, for ibu rumah tangga of Balikpapan's Kampung KB: many earn
 * nothing of their own, some sell snacks or take in sewing, few earn more than Rp 1,5 juta.
 * Rounded to Rp 50.000, as a participant would state it.
 */
export const BASELINE_BANDS: readonly (readonly [[number, number], number])[] = [
  [[0, 0], 35],
  [[50_000, 500_000], 30],
  [[500_000, 1_500_000], 25],
  [[1_500_000, 2_500_000], 10],
];

function baselineIncome(rng: Rng): bigint {
  const [min, max] = rng.weighted(BASELINE_BANDS);
  return BigInt(Math.round(rng.int(min, max) / 50_000) * 50_000);
}

/**
 * The cohorts' official rosters as DP3AKB would import them: every batik participant (the 60 demo
 * sellers and the applicant), and last year's bag cohort. A bag participant's batik baseline is her
 * income after the bag training, so it is at least her bag baseline.
 */
export function buildRosters(rng: Rng, profiles: readonly SellerProfile[], applicants: readonly RosterApplicant[]): SeedRosterEntry[] {
  const entries: SeedRosterEntry[] = [];
  for (const { seller, inBagCohort } of profiles) {
    const line = { name: seller.displayName, phone: seller.whatsappNumber, kampungSlug: seller.kampungSlug };
    const before = baselineIncome(rng);
    if (inBagCohort) {
      entries.push({ ...line, trainingSlug: BAG_TRAINING_SLUG, baselineMonthlyIncomeIdr: before });
      const fromBags = BigInt(rng.int(0, 6) * 50_000);
      entries.push({ ...line, trainingSlug: BATIK_TRAINING_SLUG, baselineMonthlyIncomeIdr: before + fromBags });
    } else {
      entries.push({ ...line, trainingSlug: BATIK_TRAINING_SLUG, baselineMonthlyIncomeIdr: before });
    }
  }
  for (const applicant of applicants) entries.push({ ...applicant, trainingSlug: BATIK_TRAINING_SLUG, baselineMonthlyIncomeIdr: baselineIncome(rng) });
  return entries;
}
