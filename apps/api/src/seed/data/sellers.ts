import type { Rng } from './prng.js';
import type { SeedKampung, SeedSeller } from './seed-types.js';
import { uniqueSlugger } from '../../common/text/slug.js';
import { BAG_TRAINING_SLUG, BATIK_TRAINING_END, BATIK_TRAINING_SLUG } from './training-programs.js';
import { LOCAL_MOTIF_SLUGS, MOTIFS } from './motifs.js';

/** How many of the 60 batik participants live in each active kampung (sums to 60). */
export const SELLERS_PER_KAMPUNG: Readonly<Record<string, number>> = {
  'karang-jati': 10,
  'mekar-sari': 9,
  teritip: 11,
  lamaru: 8,
  manggar: 12,
  'muara-rapak': 10,
};

/** About a third of the batik participants were also in last year's bag cohort. */
export const BAG_COHORT_SIZE = 20;

const COASTAL = new Set(['teritip', 'lamaru', 'manggar']);

/** Fictional names in the mix of backgrounds found in Balikpapan. */
const NAME_POOLS: readonly (readonly [() => (rng: Rng) => string, number])[] = [
  [
    // Javanese
    () => (rng) =>
      rng.chance(0.25)
        ? rng.pick(['Sumarni', 'Ngatini', 'Suparmi', 'Sulastri', 'Tumini', 'Painem', 'Sukarti', 'Jumiati'])
        : `${rng.pick(['Sri', 'Siti', 'Endang', 'Tri', 'Dwi', 'Retno', 'Dewi', 'Rini', 'Yuli', 'Eni', 'Wiwik', 'Nur'])} ${rng.pick([
            'Wahyuni', 'Lestari', 'Rahayu', 'Astuti', 'Handayani', 'Wulandari', 'Purwanti', 'Suryani', 'Kusumawati', 'Rahmawati', 'Sulistyowati', 'Mulyani',
          ])}`,
    34,
  ],
  [
    // Bugis
    () => (rng) =>
      rng.chance(0.35)
        ? `Andi ${rng.pick(['Nurhayati', 'Rosmiati', 'Megawati', 'Hasniah', 'Asmawati', 'Tenri'])}`
        : rng.pick(['Hasnah', 'Nurhaedah', 'Sitti Hajrah', 'Jumriah', 'Hasmiah', 'Rahmatia', 'Hasmawati', 'Sitti Aminah', 'Nurjannah Tahir', 'Darmawati', 'Sumarni Lamba', 'Fatmawati Rauf']),
    22,
  ],
  [
    // Banjar
    () => (rng) =>
      rng.pick(['Noorhayati', 'Siti Masitah', 'Rusmilawati', 'Mahmudah', 'Siti Khadijah', 'Norjanah', 'Aluh Rahmah', 'Masliana', 'Siti Hadijah', 'Noor Aisyah', 'Rabiatul Adawiyah', 'Mariatul Kiptiah']),
    20,
  ],
  [
    // Kutai
    () => (rng) => rng.pick(['Dayang Aminah', 'Siti Jubaidah', 'Rusnah', 'Masrah', 'Aji Rahmawati', 'Dayang Norma', 'Jamilah', 'Siti Rukayah']),
    8,
  ],
  [
    // Dayak
    () => (rng) =>
      `${rng.pick(['Yuliana', 'Maria', 'Helena', 'Theresia', 'Veronika', 'Lusia', 'Agustina', 'Margaretha'])} ${rng.pick(['Ping', 'Lawing', 'Bulan', 'Uyang', 'Usat', 'Ajang', 'Anyeq', 'Ding'])}`,
    8,
  ],
  [
    // Toraja
    () => (rng) =>
      `${rng.pick(['Yohana', 'Marta', 'Ester', 'Debora', 'Lidia', 'Ribka', 'Naomi', 'Rut'])} ${rng.pick(['Tandi', 'Rante', 'Pasulu', 'Sampe', 'Palimbong', 'Pakiding', 'Sarungallo', 'Pabendon'])}`,
    8,
  ],
];

/** Seller plus the facts the product generator needs; only `seller` is seeded. */
export interface SellerProfile {
  seller: SeedSeller;
  kampung: SeedKampung;
  /** The batik motifs she draws most. */
  favouriteMotifs: string[];
  inBagCohort: boolean;
}

function motifName(slug: string): string {
  return MOTIFS.find((m) => m.slug === slug)?.name.toLowerCase() ?? slug;
}

function storyFor(rng: Rng, kampung: SeedKampung, inBagCohort: boolean, motif: string): string {
  const kids = rng.pick(['dua', 'tiga', 'empat', 'satu']);
  const intros = [
    `Saya ibu ${kids} anak dari ${kampung.name}.`,
    `Saya ibu rumah tangga di Kampung KB ${kampung.name} dengan ${kids} anak.`,
    `Saya nenek ${rng.pick(['dua', 'tiga', 'lima'])} cucu dan tinggal di ${kampung.name}.`,
    `Saya ibu ${kids} anak di ${kampung.name} yang sehari-hari juga berjualan kue.`,
    `Saya ibu ${kids} anak dari ${kampung.name} dan kader posyandu di RT saya.`,
    ...(COASTAL.has(kampung.slug) ? [`Saya ibu ${kids} anak dari ${kampung.name}, suami saya nelayan.`] : []),
  ];
  const crafts = inBagCohort
    ? [
        `Tahun lalu saya belajar membuat tas dari bungkus kopi bekas, sekarang saya juga membatik motif ${motif}.`,
        `Sebelum membatik saya menjahit tas dari kain perca dan karung goni, sekarang kain batik saya sendiri ikut jadi tas.`,
        `Dari pelatihan tas dan pelatihan membatik, saya sekarang punya dua keterampilan untuk menambah penghasilan keluarga.`,
      ]
    : [
        `Sejak ikut pelatihan membatik bersama Rumah Batik Shaho, saya paling senang mencanting motif ${motif}.`,
        `Dulu saya belum pernah memegang canting, sekarang saya bisa membuat kain batik sendiri dengan motif ${motif}.`,
        `Hasil membatik saya untuk tambahan biaya sekolah anak-anak.`,
        `Saya membatik setelah pekerjaan rumah selesai, biasanya motif ${motif} dengan pewarna alami.`,
      ];
  return `${rng.pick(intros)} ${rng.pick(crafts)}`;
}

function isoAt(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '.000Z');
}

/** WhatsApp numbers in a block no real subscriber has: +62812 0000 00NN. */
export function demoWhatsappNumber(index: number): string {
  return `+62812${String(index + 1).padStart(8, '0')}`;
}

export function buildSellers(rng: Rng, kampungs: readonly SeedKampung[]): SellerProfile[] {
  const active = kampungs.filter((k) => k.status === 'ACTIVE');
  const slugFor = uniqueSlugger();
  const usedNames = new Set<string>();
  const total = Object.values(SELLERS_PER_KAMPUNG).reduce((a, b) => a + b, 0);
  // Pick the bag cohort up front so it spreads over the kampung instead of clustering.
  const cohort = new Set(rng.shuffle(Array.from({ length: total }, (_, i) => i)).slice(0, BAG_COHORT_SIZE));
  const joinFrom = Date.parse(`${BATIK_TRAINING_END}T00:00:00Z`) + 3 * 86_400_000;
  const joinDays = 100;

  const profiles: SellerProfile[] = [];
  for (const kampung of active) {
    const count = SELLERS_PER_KAMPUNG[kampung.slug];
    if (count === undefined) throw new Error(`No seller count for active kampung ${kampung.slug}`);
    for (let i = 0; i < count; i++) {
      const index = profiles.length;
      let displayName = '';
      for (let attempt = 0; attempt < 50 && (displayName === '' || usedNames.has(displayName)); attempt++) {
        displayName = rng.weighted(NAME_POOLS)()(rng);
      }
      usedNames.add(displayName);
      const inBagCohort = cohort.has(index);
      const favouriteMotifs: string[] = rng.shuffle(LOCAL_MOTIF_SLUGS).slice(0, 2);
      if (COASTAL.has(kampung.slug) && rng.chance(0.3)) favouriteMotifs[1] = 'manggar';
      // Joined between 3 and ~100 days after the training, in WITA working hours (UTC+8).
      const day = joinFrom + rng.int(0, joinDays) * 86_400_000;
      const joinedAt = isoAt(new Date(day + rng.int(0, 11 * 60) * 60_000));
      profiles.push({
        seller: {
          slug: slugFor(displayName),
          displayName,
          kampungSlug: kampung.slug,
          story: storyFor(rng, kampung, inBagCohort, motifName(favouriteMotifs[0]!)),
          whatsappNumber: demoWhatsappNumber(index),
          joinedAt,
          trainingSlugs: inBagCohort ? [BATIK_TRAINING_SLUG, BAG_TRAINING_SLUG] : [BATIK_TRAINING_SLUG],
          isDemo: true,
        },
        kampung,
        favouriteMotifs,
        inBagCohort,
      });
    }
  }
  return profiles;
}
