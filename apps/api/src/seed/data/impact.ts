import { addMonthsToDate } from '../../modules/impact/impact-math.js';
import { createRng, type Rng } from './prng.js';
import type { SeedKampung, SeedRosterEntry, SeedSeller, SeedTrainingProgram } from './seed-types.js';
import { BAG_TRAINING_SLUG } from './training-programs.js';

/**
 * Demo impact figures (fictional, marked demo): from each participant's income before training (her
 * line of the cohort roster, data/rosters.ts), her offline sales and her answers to the follow-up surveys, as Balikpapan's ibu-ibu might report
 * them: many sell little or nothing, a few do well. Pure and deterministic; dates stop at the
 * demo's horizon (and the seed leaves out anything after the day it runs).
 */
export const DEMO_HORIZON = '2026-11-30';

export type DemoChannel = 'PASAR' | 'PAMERAN_BAZAR' | 'TITIP_TOKO' | 'PESANAN_LANGSUNG';

export interface DemoOfflineSale {
  sellerSlug: string;
  soldOn: string;
  amountIdr: bigint;
  channel: DemoChannel;
  note: string | null;
  /** Recorded by her pendamping ("dibantu oleh") rather than by herself. */
  byPendamping: boolean;
}

export interface DemoSurveyAnswer {
  programSlug: string;
  sellerSlug: string;
  wave: number;
  dueOn: string;
  /** null: still open, for the pendamping to ask. */
  monthlyIncomeIdr: bigint | null;
  byPendamping: boolean;
}

export interface DemoUppkaGroup {
  kampungSlug: string;
  name: string;
  description: string;
  sellerSlugs: string[];
}

export interface DemoImpactData {
  sales: DemoOfflineSale[];
  surveys: DemoSurveyAnswer[];
  uppkaGroups: DemoUppkaGroup[];
}

type Seller = 'none' | 'occasional' | 'regular' | 'strong';

const round = (value: number, step = 5_000) => BigInt(Math.max(0, Math.round(value / step) * step));
const CHANNELS: readonly (readonly [DemoChannel, number])[] = [
  ['PESANAN_LANGSUNG', 32],
  ['PASAR', 26],
  ['PAMERAN_BAZAR', 24],
  ['TITIP_TOKO', 18],
];
const NOTES: Record<DemoChannel, string[]> = {
  PESANAN_LANGSUNG: ['Pesanan tetangga lewat WhatsApp', 'Pesanan seragam arisan', 'Pesanan guru TK'],
  PASAR: ['Pasar Kebun Sayur', 'Pasar pagi Manggar', 'Pasar Klandasan'],
  PAMERAN_BAZAR: ['Bazar HUT Kota Balikpapan', 'Pameran UMKM di Balikpapan Super Block', 'Bazar kelurahan'],
  TITIP_TOKO: ['Titip di toko oleh-oleh', 'Titip di koperasi kelurahan'],
};

function monthsAfter(endDate: string, until: string): string[] {
  const months: string[] = [];
  for (let i = 1; ; i++) {
    const day = addMonthsToDate(`${endDate.slice(0, 7)}-01`, i);
    if (day > until) return months;
    months.push(day.slice(0, 7));
  }
}

const dayIn = (rng: Rng, month: string) => {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(rng.int(1, last)).padStart(2, '0')}`;
};

export function buildImpactData(seed: number, sellers: readonly SeedSeller[], programs: readonly SeedTrainingProgram[], kampungs: readonly SeedKampung[], rosters: readonly SeedRosterEntry[]): DemoImpactData {
  const rng = createRng(seed).fork('impact');
  const baselines = new Map(rosters.map((line) => [`${line.trainingSlug}|${line.phone}`, line.baselineMonthlyIncomeIdr]));
  const sales: DemoOfflineSale[] = [];
  const surveys: DemoSurveyAnswer[] = [];
  // The cohorts in the order they ended: a bag participant's batik baseline includes what bags earned her.
  const ordered = [...programs].sort((a, b) => a.endDate.localeCompare(b.endDate));

  for (const seller of sellers) {
    const own = rng.fork(seller.slug);
    for (const program of ordered.filter((p) => seller.trainingSlugs.includes(p.slug))) {
      const bag = program.slug === BAG_TRAINING_SLUG;
      const income = baselines.get(`${program.slug}|${seller.whatsappNumber}`) ?? 0n;
      const kind = own.weighted<Seller>([
        ['none', bag ? 45 : 36],
        ['occasional', bag ? 36 : 38],
        ['regular', bag ? 15 : 20],
        ['strong', bag ? 4 : 6],
      ]);
      // Sales until the next cohort starts (a bag participant's batik sales belong to batik).
      const next = ordered.find((p) => p.startDate > program.endDate && seller.trainingSlugs.includes(p.slug));
      const until = next && next.startDate < DEMO_HORIZON ? next.startDate : DEMO_HORIZON;
      const months = monthsAfter(program.endDate, until);
      const price = (low: number, high: number) => round(own.int(low, high) * (bag ? 0.35 : 1));
      const monthly = new Map<string, bigint>();
      const sell = (month: string, amountIdr: bigint) => {
        const channel = own.weighted(CHANNELS);
        let soldOn = dayIn(own, month);
        if (next && soldOn >= next.startDate) soldOn = `${month}-01`;
        sales.push({ sellerSlug: seller.slug, soldOn, amountIdr, channel, note: own.chance(0.4) ? own.pick(NOTES[channel]) : null, byPendamping: own.chance(0.4) });
        monthly.set(month, (monthly.get(month) ?? 0n) + amountIdr);
      };
      for (const [index, month] of months.entries()) {
        // Selling fades for some after the first months, as the novelty and the pendamping's visits do.
        const fading = index > 4 && own.chance(kind === 'strong' ? 0.1 : 0.3);
        if (kind === 'occasional' && own.chance(0.22)) sell(month, price(75_000, 350_000));
        if (kind === 'regular' && !fading) for (let i = own.int(0, 2); i > 0; i--) sell(month, price(100_000, 400_000));
        if (kind === 'strong') for (let i = own.int(fading ? 1 : 2, fading ? 2 : 5); i > 0; i--) sell(month, price(150_000, 650_000));
      }
      const craft = months.length ? Number([...monthly.values()].reduce((a, b) => a + b, 0n)) / months.length : 0;
      for (const wave of [3, 6, 12]) {
        const dueOn = addMonthsToDate(program.endDate, wave);
        if (dueOn > DEMO_HORIZON) continue;
        const answered = own.chance(wave === 12 ? 0.75 : dueOn > '2026-09-01' ? 0.7 : 0.85);
        const answer = round(Number(income) + craft * (0.7 + own.next() * 0.6) + own.int(-100_000, 150_000), 50_000);
        surveys.push({ programSlug: program.slug, sellerSlug: seller.slug, wave, dueOn, monthlyIncomeIdr: answered ? answer : null, byPendamping: own.chance(0.75) });
      }
    }
  }

  const groups: [string, string, string][] = [
    ['teritip', 'UPPKA Batik Pesisir Teritip', 'Kelompok UPPKA ibu-ibu pembatik Teritip; berjualan bersama di bazar kelurahan.'],
    ['manggar', 'UPPKA Sejahtera Manggar', 'Kelompok UPPKA Kampung KB Manggar: batik motif pesisir dan tas kain perca.'],
    ['mekar-sari', 'UPPKA Mekar Jaya', 'Kelompok UPPKA Kampung KB Mekar Sari.'],
    ['karang-jati', 'UPPKA Canting Karang Jati', 'Kelompok UPPKA Kampung KB Karang Jati.'],
  ];
  const uppkaGroups = groups
    .filter(([slug]) => kampungs.some((k) => k.slug === slug))
    .map(([kampungSlug, name, description]) => {
      const members = sellers.filter((s) => s.kampungSlug === kampungSlug);
      return { kampungSlug, name, description, sellerSlugs: rng.shuffle(members.map((s) => s.slug)).slice(0, Math.ceil(members.length * 0.6)) };
    });
  return { sales, surveys, uppkaGroups };
}
