import { buildImpactData } from './impact.js';
import { KAMPUNGS } from './kampungs.js';
import { MOTIFS } from './motifs.js';
import { createRng } from './prng.js';
import { buildProducts } from './products.js';
import { buildRosters, type RosterApplicant } from './rosters.js';
import type { SeedData } from './seed-types.js';
import { buildSellers } from './sellers.js';
import { BAG_TRAINING_SLUG, buildTrainingPrograms } from './training-programs.js';

export * from './seed-types.js';
export type { DemoImpactData } from './impact.js';
export { slugify, uniqueSlugger } from '../../common/text/slug.js';
export { BAG_TRAINING_SLUG, BATIK_TRAINING_SLUG } from './training-programs.js';
export { PRICE_BANDS, type ProductKind } from './price-bands.js';
export { BASELINE_BANDS, type RosterApplicant } from './rosters.js';

/** Changing the seed reshuffles every demo seller and product; keep it fixed. */
export const SEED = 0x4b41_5259; // "KARY"

/** The whole demo data set. Pure: same output on every call, no I/O. */
export function buildSeedData(seed: number = SEED, applicants: readonly RosterApplicant[] = []): SeedData {
  const rng = createRng(seed);
  const kampungs = KAMPUNGS.map((k) => ({ ...k }));
  const profiles = buildSellers(rng.fork('sellers'), kampungs);
  const products = buildProducts(rng.fork('products'), profiles);
  const rosters = buildRosters(rng.fork('rosters'), profiles, applicants);
  const sellers = profiles.map((p) => p.seller);
  const bagParticipants = sellers.filter((s) => s.trainingSlugs.includes(BAG_TRAINING_SLUG)).length;
  const trainingPrograms = buildTrainingPrograms(bagParticipants);
  return {
    kampungs,
    trainingPrograms,
    motifs: MOTIFS.map((m) => ({ ...m })),
    sellers,
    products,
    rosters,
    impact: buildImpactData(seed, sellers, trainingPrograms, kampungs, rosters),
  };
}
