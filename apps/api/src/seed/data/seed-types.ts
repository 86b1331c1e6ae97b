import type { BatikDesign } from '../images/batik-design.js';
import type { DemoImpactData } from './impact.js';

export type { BatikDesign };

export type KampungStatus = 'ACTIVE' | 'TARGET';

export interface SeedKampung {
  slug: string;
  name: string;
  kelurahan: string;
  kecamatan: string;
  kemendagriCode: string;
  status: KampungStatus;
  description: string;
}

export type TrainingSkill = 'BATIK' | 'BAG';

export interface SeedTrainingProgram {
  slug: string;
  title: string;
  skill: TrainingSkill;
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string;
  days: number;
  budgetIdr: bigint;
  provider: string;
  participantCount: number;
  location: string;
  description: string;
}

export interface SeedMotif {
  slug: string;
  name: string;
  story: string | null;
}

export interface SeedSeller {
  slug: string;
  displayName: string;
  kampungSlug: string;
  story: string;
  /** E.164, e.g. +6281200000001 */
  whatsappNumber: string;
  /** ISO UTC instant */
  joinedAt: string;
  trainingSlugs: string[];
  isDemo: true;
}

export type ProductCategory = 'KAIN_BATIK' | 'PAKAIAN' | 'SELENDANG' | 'TAPLAK' | 'TAS' | 'AKSESORIS';
export type BatikTechnique = 'TULIS' | 'CAP' | 'KOMBINASI' | 'PRINTING';
export type DyeType = 'NATURAL' | 'SYNTHETIC';

export interface SeedPhoto {
  design: BatikDesign;
  alt: string;
}

export interface SeedProduct {
  slug: string;
  sellerSlug: string;
  title: string;
  description: string;
  category: ProductCategory;
  /** null for bags */
  technique: BatikTechnique | null;
  motifSlug: string | null;
  material: string;
  dye: DyeType | null;
  size: string | null;
  weightGrams: number;
  priceIdr: bigint;
  stock: number;
  status: 'ACTIVE' | 'DRAFT';
  /** ISO UTC */
  createdAt: string;
  /** 1–3 */
  photos: SeedPhoto[];
}

/** A line of a cohort roster (demo: marked isDemo when seeded). */
export interface SeedRosterEntry {
  trainingSlug: string;
  name: string;
  /** E.164 */
  phone: string;
  kampungSlug: string;
  baselineMonthlyIncomeIdr: bigint;
}

export interface SeedData {
  kampungs: SeedKampung[];
  trainingPrograms: SeedTrainingProgram[];
  motifs: SeedMotif[];
  sellers: SeedSeller[];
  products: SeedProduct[];
  rosters: SeedRosterEntry[];
  impact: DemoImpactData;
}
