import { buildSeedData, BAG_TRAINING_SLUG, BATIK_TRAINING_SLUG, type SeedData, type SeedProduct } from './index.js';
import { slugify } from '../../common/text/slug.js';

/** Bands restated from the brief on purpose, independent of the generator's own table. */
function bandOf(p: SeedProduct): [number, number] {
  switch (p.category) {
    case 'KAIN_BATIK':
      return ({ TULIS: [350_000, 2_000_000], CAP: [200_000, 450_000], KOMBINASI: [200_000, 2_000_000], PRINTING: [90_000, 160_000] } as const)[p.technique!] as [number, number];
    case 'SELENDANG':
      return [150_000, 350_000];
    case 'TAPLAK':
      return [100_000, 250_000];
    case 'PAKAIAN':
      return [150_000, 600_000];
    case 'AKSESORIS':
      return [15_000, 75_000];
    case 'TAS':
      if (p.material.includes('bungkus kopi')) return [50_000, 150_000];
      if (p.material.includes('perca')) return [25_000, 200_000];
      if (p.material.includes('goni')) return [35_000, 75_000];
      throw new Error(`Unknown bag material ${p.material}`);
  }
}

const dataA = buildSeedData();
const dataB = buildSeedData();
const { kampungs, trainingPrograms, motifs, sellers, products }: SeedData = dataA;

describe('buildSeedData', () => {
  it('is deterministic: two builds are deeply equal', () => {
    expect(dataB).toEqual(dataA);
    expect(JSON.stringify(dataB, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))).toBe(
      JSON.stringify(dataA, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)),
    );
  });

  it('changes with another seed', () => {
    expect(buildSeedData(1).sellers.map((s) => s.slug)).not.toEqual(sellers.map((s) => s.slug));
  });

  it('seeds exactly the seven kampung, Karang Joang as the only target', () => {
    expect(kampungs.map((k) => k.slug).sort()).toEqual(
      ['karang-jati', 'karang-joang', 'lamaru', 'manggar', 'mekar-sari', 'muara-rapak', 'teritip'],
    );
    expect(kampungs.filter((k) => k.status === 'TARGET').map((k) => k.slug)).toEqual(['karang-joang']);
    for (const k of kampungs) {
      expect(k.slug).toBe(slugify(k.name));
      expect(k.kemendagriCode).toMatch(/^64\.71\.0[1-6]\.\d{4}$/);
    }
    expect(kampungs.find((k) => k.slug === 'manggar')).toMatchObject({ kecamatan: 'Balikpapan Timur', kemendagriCode: '64.71.01.1001' });
  });

  it('has the batik training from the story and a bag cohort sized by its sellers', () => {
    const batik = trainingPrograms.find((t) => t.slug === BATIK_TRAINING_SLUG)!;
    expect(batik).toMatchObject({ skill: 'BATIK', days: 4, participantCount: 60, budgetIdr: 32_000_000n, provider: 'Rumah Batik Shaho' });
    const bag = trainingPrograms.find((t) => t.slug === BAG_TRAINING_SLUG)!;
    expect(bag.skill).toBe('BAG');
    expect(Number(bag.startDate.slice(0, 4))).toBe(Number(batik.startDate.slice(0, 4)) - 1);
    expect(bag.participantCount).toBe(sellers.filter((s) => s.trainingSlugs.includes(BAG_TRAINING_SLUG)).length);
    for (const t of trainingPrograms) {
      const days = (Date.parse(t.endDate) - Date.parse(t.startDate)) / 86_400_000 + 1;
      expect(days).toBe(t.days);
      expect(typeof t.budgetIdr).toBe('bigint');
    }
  });

  it('has 60 demo sellers, all batik participants in active kampung, 8–12 per kampung', () => {
    expect(sellers).toHaveLength(60);
    const active = new Set(kampungs.filter((k) => k.status === 'ACTIVE').map((k) => k.slug));
    const perKampung = new Map<string, number>();
    for (const s of sellers) {
      expect(s.isDemo).toBe(true);
      expect(s.trainingSlugs).toContain(BATIK_TRAINING_SLUG);
      expect(active.has(s.kampungSlug)).toBe(true);
      perKampung.set(s.kampungSlug, (perKampung.get(s.kampungSlug) ?? 0) + 1);
      expect(s.story).toMatch(/^Saya /);
      expect(s.joinedAt > '2026-03-13T23:59:59Z').toBe(true);
      expect(new Date(s.joinedAt).toISOString()).toBe(s.joinedAt);
    }
    expect([...perKampung.keys()].sort()).toEqual([...active].sort());
    for (const count of perKampung.values()) {
      expect(count).toBeGreaterThanOrEqual(8);
      expect(count).toBeLessThanOrEqual(12);
    }
    const bagCohort = sellers.filter((s) => s.trainingSlugs.includes(BAG_TRAINING_SLUG)).length;
    expect(bagCohort).toBeGreaterThanOrEqual(15);
    expect(bagCohort).toBeLessThanOrEqual(25);
  });

  it('gives sellers unique slugs and unique, obviously fictional WhatsApp numbers', () => {
    expect(new Set(sellers.map((s) => s.slug)).size).toBe(sellers.length);
    expect(new Set(sellers.map((s) => s.whatsappNumber)).size).toBe(sellers.length);
    for (const s of sellers) {
      expect(s.whatsappNumber).toMatch(/^\+62812000000\d{2}$/);
      expect(s.slug).toMatch(new RegExp(`^${slugify(s.displayName)}(-\\d+)?$`));
    }
  });

  it('lists at least 250 products, 2–7 per seller, each from a known seller and motif', () => {
    expect(products.length).toBeGreaterThanOrEqual(250);
    const sellerSlugs = new Set(sellers.map((s) => s.slug));
    const motifSlugs = new Set(motifs.map((m) => m.slug));
    const perSeller = new Map<string, number>();
    for (const p of products) {
      expect(sellerSlugs.has(p.sellerSlug)).toBe(true);
      if (p.motifSlug !== null) expect(motifSlugs.has(p.motifSlug)).toBe(true);
      perSeller.set(p.sellerSlug, (perSeller.get(p.sellerSlug) ?? 0) + 1);
    }
    expect(perSeller.size).toBe(60);
    for (const n of perSeller.values()) {
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(7);
    }
  });

  it('prices every product as a whole-rupiah bigint inside its category band', () => {
    const outside = products.filter((p) => {
      const [min, max] = bandOf(p);
      return typeof p.priceIdr !== 'bigint' || p.priceIdr < BigInt(min) || p.priceIdr > BigInt(max);
    });
    expect(outside.map((p) => `${p.slug}: ${p.priceIdr}`)).toEqual([]);
    for (const p of products) {
      expect(p.priceIdr % 1_000n).toBe(0n);
      if (p.priceIdr >= 100_000n) expect(p.priceIdr % 5_000n).toBe(0n);
    }
    // kombinasi sits between cap and tulis
    for (const p of products.filter((x) => x.technique === 'KOMBINASI' && x.category === 'KAIN_BATIK')) {
      expect(p.priceIdr).toBeGreaterThanOrEqual(300_000n);
    }
  });

  it('gives products unique slugs matching their titles', () => {
    expect(new Set(products.map((p) => p.slug)).size).toBe(products.length);
    for (const p of products) expect(p.slug.startsWith(slugify(p.title))).toBe(true);
  });

  it('makes bags without technique, dye or motif, and only in the bag cohort', () => {
    const cohort = new Set(sellers.filter((s) => s.trainingSlugs.includes(BAG_TRAINING_SLUG)).map((s) => s.slug));
    const bags = products.filter((p) => p.category === 'TAS');
    expect(bags.length).toBeGreaterThan(0);
    for (const p of bags) {
      expect(p).toMatchObject({ technique: null, dye: null, motifSlug: null });
      expect(cohort.has(p.sellerSlug)).toBe(true);
    }
    for (const p of products.filter((x) => x.category !== 'TAS')) {
      expect(p.technique).not.toBeNull();
      expect(p.dye).not.toBeNull();
      expect(p.motifSlug).not.toBeNull();
    }
    for (const slug of cohort) expect(bags.some((b) => b.sellerSlug === slug)).toBe(true);
  });

  it('keeps stock, status, weight, dates and photos plausible', () => {
    const drafts = products.filter((p) => p.status === 'DRAFT').length;
    expect(drafts).toBeGreaterThan(0);
    expect(drafts / products.length).toBeLessThan(0.1);
    expect(products.some((p) => p.stock === 0)).toBe(true);
    const joined = new Map(sellers.map((s) => [s.slug, s.joinedAt]));
    for (const p of products) {
      expect(Number.isInteger(p.stock) && p.stock >= 0 && p.stock <= 12).toBe(true);
      expect(Number.isInteger(p.weightGrams) && p.weightGrams >= 10 && p.weightGrams <= 1000).toBe(true);
      expect(new Date(p.createdAt).toISOString()).toBe(p.createdAt);
      expect(p.createdAt > joined.get(p.sellerSlug)!).toBe(true);
      expect(p.createdAt <= '2026-11-20T23:59:59.999Z').toBe(true);
      expect(p.photos.length).toBeGreaterThanOrEqual(1);
      expect(p.photos.length).toBeLessThanOrEqual(3);
      for (const photo of p.photos) expect(photo.alt.length).toBeGreaterThan(15);
      expect(p.description.length).toBeGreaterThan(60);
    }
    const months = new Set(products.map((p) => p.createdAt.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(7);
  });

  it('tells a story for every Kalimantan motif', () => {
    for (const slug of ['beruang-madu', 'akar-bakau', 'kantong-semar', 'daun-ulin', 'anggrek-hitam', 'pasak-bumi', 'buah-elai']) {
      expect(motifs.find((m) => m.slug === slug)?.story).toEqual(expect.any(String));
    }
  });

  describe('cohort rosters', () => {
    const applicant = { name: 'Ratna Sari', phone: '+6281299990001', kampungSlug: 'karang-jati' };
    const { rosters } = buildSeedData(undefined, [applicant]);
    const batik = rosters.filter((r) => r.trainingSlug === BATIK_TRAINING_SLUG);
    const bag = rosters.filter((r) => r.trainingSlug === BAG_TRAINING_SLUG);

    it('lists every demo seller on her cohorts by her phone, and the applicant on the batik roster', () => {
      expect(batik.map((r) => r.phone).sort()).toEqual([...sellers.map((s) => s.whatsappNumber), applicant.phone].sort());
      const bagSellers = sellers.filter((s) => s.trainingSlugs.includes(BAG_TRAINING_SLUG));
      expect(bag.map((r) => r.phone).sort()).toEqual(bagSellers.map((s) => s.whatsappNumber).sort());
      for (const seller of sellers) {
        expect(batik.find((r) => r.phone === seller.whatsappNumber)).toMatchObject({ name: seller.displayName, kampungSlug: seller.kampungSlug });
      }
      expect(batik.find((r) => r.phone === applicant.phone)).toMatchObject(applicant);
      expect(new Set(rosters.map((r) => `${r.trainingSlug} ${r.phone}`)).size).toBe(rosters.length);
    });

    it('gives baseline incomes of ibu rumah tangga: Rp 0 to 2.500.000 in steps of 50.000, many near zero', () => {
      const incomes = rosters.map((r) => Number(r.baselineMonthlyIncomeIdr));
      for (const income of incomes) {
        expect(income).toBeGreaterThanOrEqual(0);
        expect(income).toBeLessThanOrEqual(2_800_000); // a bag participant's batik baseline adds up to Rp 300.000 of bag sales
        expect(income % 50_000).toBe(0);
      }
      const nearZero = batik.filter((r) => r.baselineMonthlyIncomeIdr <= 100_000n).length;
      expect(nearZero / batik.length).toBeGreaterThan(0.25);
      expect(batik.filter((r) => r.baselineMonthlyIncomeIdr >= 1_500_000n).length).toBeGreaterThan(0);
      for (const line of bag) expect(batik.find((r) => r.phone === line.phone)!.baselineMonthlyIncomeIdr).toBeGreaterThanOrEqual(line.baselineMonthlyIncomeIdr);
    });

    it('leaves the sellers and products as they were', () => {
      const { rosters: _rosters, ...rest } = buildSeedData(undefined, [applicant]);
      const { rosters: _none, ...without } = dataA;
      expect(rest).toEqual(without);
    });
  });
});
