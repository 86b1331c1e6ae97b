import {
  NATURAL_PALETTES,
  PALETTES,
  SYNTHETIC_PALETTES,
  closeUp,
  designForBag,
  designForBatik,
  type BagKind,
  type BatikDesign,
  type PaletteName,
} from '../images/batik-design.js';
import { MOTIFS } from './motifs.js';
import { PRICE_BANDS, roundPrice, type ProductKind } from './price-bands.js';
import type { Rng } from './prng.js';
import type { SellerProfile } from './sellers.js';
import type { BatikTechnique, DyeType, ProductCategory, SeedPhoto, SeedProduct } from './seed-types.js';
import { uniqueSlugger } from '../../common/text/slug.js';

export const MIN_PRODUCTS = 265;
/** Products are listed between the seller joining and this moment. */
export const LAST_LISTING_AT = '2026-11-20T12:00:00.000Z';

const DAY = 86_400_000;

/** Where each natural colour comes from, for descriptions. */
const NATURAL_SOURCE: Partial<Record<PaletteName, string>> = {
  SOGAN: 'soga dari kulit kayu tingi, tegeran, dan jambal',
  INDIGO: 'indigo dari daun tarum',
  SECANG: 'dari kayu secang',
  TINGI: 'dari kulit kayu tingi',
  JALAWE: 'dari buah jalawe',
};

const CARE_NATURAL = 'Cuci dengan tangan memakai sabun lerak atau sampo bayi dan jemur di tempat teduh agar warnanya awet.';
const CARE_SYNTHETIC = 'Cuci terpisah pada pencucian pertama dan jangan direndam terlalu lama.';

const TECHNIQUE_SENTENCE: Record<BatikTechnique, string> = {
  TULIS: 'Seluruh motif ditulis dengan canting, jadi tidak ada dua lembar yang persis sama; retakan halus malam adalah ciri batik tulis.',
  CAP: 'Motif dicap dengan cap tembaga lalu dirapikan dengan canting, sehingga pola berulangnya rapi.',
  KOMBINASI: 'Motif utama dicap, sedangkan isen-isen dan detailnya ditulis dengan canting.',
  PRINTING: 'Ini kain bermotif batik hasil printing, bukan batik tulis atau cap, cocok untuk seragam atau bahan latihan menjahit.',
};

const TECHNIQUE_LABEL: Record<BatikTechnique, string> = {
  TULIS: 'Tulis',
  CAP: 'Cap',
  KOMBINASI: 'Kombinasi',
  PRINTING: 'Printing',
};

const DETAIL_FEATURE: Record<BatikTechnique, string> = {
  TULIS: 'garis canting yang tidak seragam dan retakan malam',
  CAP: 'garis cap yang rapi dan berulang',
  KOMBINASI: 'perpaduan garis cap dan goresan canting',
  PRINTING: 'warna cetak yang rata',
};

interface Draft {
  kind: ProductKind;
  category: ProductCategory;
  technique: BatikTechnique | null;
  motifSlug: string | null;
  material: string;
  dye: DyeType | null;
  size: string | null;
  weightGrams: number;
  price: number;
  stockRange: readonly [number, number];
  title: string;
  /** Sentences about the item itself; maker, motif, technique and care are added around them. */
  body: string[];
  /** What the pictures show, in Bahasa Indonesia: a noun phrase like "kain batik tulis". */
  noun: string;
  design: BatikDesign;
  palette: PaletteName;
}

interface BatikChoice {
  motifSlug: string;
  motifName: string;
  palette: PaletteName;
  dye: DyeType;
  color: string;
}

function motifName(slug: string): string {
  const motif = MOTIFS.find((m) => m.slug === slug);
  if (!motif) throw new Error(`Unknown motif ${slug}`);
  return motif.name;
}

function chooseBatik(rng: Rng, profile: SellerProfile, naturalShare: number): BatikChoice {
  const motifSlug = rng.chance(0.7) ? rng.pick(profile.favouriteMotifs) : rng.pick(MOTIFS).slug;
  const dye: DyeType = rng.chance(naturalShare) ? 'NATURAL' : 'SYNTHETIC';
  const palette = rng.pick(dye === 'NATURAL' ? NATURAL_PALETTES : SYNTHETIC_PALETTES);
  return { motifSlug, motifName: motifName(motifSlug), palette, dye, color: PALETTES[palette].label };
}

function between(rng: Rng, [min, max]: readonly [number, number]): number {
  return min + rng.next() * (max - min);
}

function batikDraft(
  rng: Rng,
  kind: ProductKind,
  category: ProductCategory,
  technique: BatikTechnique,
  choice: BatikChoice,
  fields: Pick<Draft, 'material' | 'size' | 'weightGrams' | 'price' | 'stockRange' | 'title' | 'body' | 'noun'>,
): Draft {
  return {
    kind,
    category,
    technique,
    motifSlug: choice.motifSlug,
    dye: choice.dye,
    palette: choice.palette,
    design: designForBatik({ motifSlug: choice.motifSlug, palette: choice.palette, technique, seed: rng.int(0, 0x7fffffff) }),
    ...fields,
  };
}

function kainTulis(rng: Rng, p: SellerProfile): Draft {
  const c = chooseBatik(rng, p, 0.65);
  const material = rng.weighted([['katun primisima', 6], ['katun prima', 2], ['sutra ATBM', 2]] as const);
  const silk = material === 'sutra ATBM';
  const [length, size] = rng.pick([['2 m', '200 × 115 cm'], ['2 m', '200 × 110 cm'], ['2,5 m', '250 × 115 cm']] as const);
  const base = silk ? between(rng, [900_000, 1_800_000]) : material === 'katun prima' ? between(rng, [350_000, 600_000]) : between(rng, [380_000, 950_000]);
  const dyeName = c.dye === 'NATURAL' ? `${c.color} Pewarna Alami` : c.color;
  return batikDraft(rng, 'KAIN_TULIS', 'KAIN_BATIK', 'TULIS', c, {
    material,
    size,
    weightGrams: Math.round((silk ? 75 : 120) * (length === '2 m' ? 2 : 2.5) + rng.int(-10, 20)),
    price: base * (c.dye === 'NATURAL' ? 1.15 : 1) * (length === '2 m' ? 1 : 1.2),
    stockRange: [1, 3],
    title: `Kain Batik Tulis ${silk ? 'Sutra ' : ''}${c.motifName} ${dyeName} ${length}`,
    body: [`Kain batik tulis ${silk ? 'sutra ' : ''}sepanjang ${length.replace(' m', ' meter')} bermotif ${c.motifName.toLowerCase()}, cocok dijahit menjadi kemeja, blus, atau dipakai sebagai jarik.`],
    noun: silk ? 'kain batik tulis sutra' : 'kain batik tulis',
  });
}

function kainCap(rng: Rng, p: SellerProfile): Draft {
  const c = chooseBatik(rng, p, 0.25);
  const material = rng.weighted([['katun primisima', 5], ['katun prima', 5]] as const);
  return batikDraft(rng, 'KAIN_CAP', 'KAIN_BATIK', 'CAP', c, {
    material,
    size: '200 × 115 cm',
    weightGrams: rng.int(230, 270),
    price: material === 'katun prima' ? between(rng, [200_000, 320_000]) : between(rng, [260_000, 450_000]),
    stockRange: [2, 8],
    title: `Kain Batik Cap ${c.motifName} ${c.color} 2 m`,
    body: [`Kain batik cap dua meter bermotif ${c.motifName.toLowerCase()} dengan warna ${c.color.toLowerCase()}, pas untuk seragam keluarga atau kemeja kerja.`],
    noun: 'kain batik cap',
  });
}

function kainKombinasi(rng: Rng, p: SellerProfile): Draft {
  const c = chooseBatik(rng, p, 0.45);
  return batikDraft(rng, 'KAIN_KOMBINASI', 'KAIN_BATIK', 'KOMBINASI', c, {
    material: rng.pick(['katun primisima', 'katun prima']),
    size: '200 × 115 cm',
    weightGrams: rng.int(230, 270),
    price: between(rng, [300_000, 750_000]),
    stockRange: [1, 5],
    title: `Kain Batik Kombinasi Cap Tulis ${c.motifName} ${c.color} 2 m`,
    body: [`Kain batik dua meter bermotif ${c.motifName.toLowerCase()} yang memadukan cap dan tulis.`],
    noun: 'kain batik kombinasi cap dan tulis',
  });
}

function kainPrinting(rng: Rng, p: SellerProfile): Draft {
  const c = chooseBatik(rng, p, 0);
  return batikDraft(rng, 'KAIN_PRINTING', 'KAIN_BATIK', 'PRINTING', c, {
    material: rng.pick(['katun', 'rayon']),
    size: '200 × 110 cm',
    weightGrams: rng.int(200, 240),
    price: between(rng, [90_000, 160_000]),
    stockRange: [4, 12],
    title: `Kain Motif Batik Printing ${c.motifName} ${c.color} 2 m`,
    body: [`Kain bermotif ${c.motifName.toLowerCase()} sepanjang dua meter dengan harga terjangkau.`],
    noun: 'kain motif batik printing',
  });
}

function selendang(rng: Rng, p: SellerProfile): Draft {
  const c = chooseBatik(rng, p, 0.6);
  const technique = rng.weighted([['TULIS', 6], ['CAP', 4]] as const);
  const material = rng.weighted([['sutra ATBM', 3], ['rayon', 4], ['katun prima', 3]] as const);
  const silk = material === 'sutra ATBM';
  return batikDraft(rng, 'SELENDANG', 'SELENDANG', technique, c, {
    material,
    size: rng.pick(['180 × 50 cm', '200 × 55 cm', '175 × 45 cm']),
    weightGrams: silk ? rng.int(70, 100) : rng.int(100, 150),
    price: (silk ? between(rng, [250_000, 350_000]) : between(rng, [150_000, 260_000])) * (technique === 'TULIS' ? 1.1 : 1),
    stockRange: [1, 5],
    title: `Selendang ${silk ? 'Sutra ' : ''}Batik ${TECHNIQUE_LABEL[technique]} ${c.motifName} ${c.color}`,
    body: [`Selendang ${material} bermotif ${c.motifName.toLowerCase()}, ringan untuk kondangan, acara kantor, atau sebagai oleh-oleh khas Balikpapan.`],
    noun: `selendang batik ${technique === 'TULIS' ? 'tulis' : 'cap'}`,
  });
}

function taplak(rng: Rng, p: SellerProfile): Draft {
  const c = chooseBatik(rng, p, 0.35);
  const technique = rng.weighted([['CAP', 7], ['TULIS', 3]] as const);
  const [size, lo, hi, weight] = rng.pick([
    ['100 × 100 cm', 100_000, 150_000, 120],
    ['150 × 150 cm', 140_000, 210_000, 260],
    ['120 × 200 cm', 170_000, 250_000, 290],
  ] as const);
  const shape = size === '120 × 200 cm' ? 'Meja Makan' : 'Meja';
  return batikDraft(rng, 'TAPLAK', 'TAPLAK', technique, c, {
    material: rng.pick(['katun primisima', 'katun prima']),
    size,
    weightGrams: weight + rng.int(-10, 15),
    price: between(rng, [lo, hi]) * (technique === 'TULIS' ? 1.15 : 1),
    stockRange: [1, 6],
    title: `Taplak ${shape} Batik ${TECHNIQUE_LABEL[technique]} ${c.motifName} ${size.replace(' cm', '')}`,
    body: [`Taplak ${shape.toLowerCase()} ukuran ${size} bermotif ${c.motifName.toLowerCase()}, tepinya dijahit rapi dua kali lipat.`],
    noun: `taplak ${shape.toLowerCase()} batik`,
  });
}

function pakaian(rng: Rng, p: SellerProfile): Draft {
  const c = chooseBatik(rng, p, 0.35);
  const [item, technique, lo, hi, weight] = rng.pick([
    ['Kemeja Batik Pria Lengan Pendek', 'CAP', 175_000, 300_000, 220],
    ['Kemeja Batik Pria Lengan Panjang', 'KOMBINASI', 280_000, 450_000, 260],
    ['Kemeja Batik Tulis Pria', 'TULIS', 400_000, 600_000, 240],
    ['Blus Batik Wanita', 'CAP', 150_000, 275_000, 180],
    ['Outer Batik Wanita', 'CAP', 200_000, 350_000, 230],
    ['Kemeja Batik Anak', 'CAP', 150_000, 200_000, 120],
  ] as const);
  const size = item.includes('Anak')
    ? rng.pick(['6–8 tahun', '8–10 tahun', '10–12 tahun'])
    : item.includes('Wanita')
      ? rng.pick(['M (lingkar dada 96 cm)', 'L (lingkar dada 102 cm)', 'XL (lingkar dada 108 cm)', 'All size (lingkar dada 110 cm)'])
      : rng.pick(['M (lingkar dada 104 cm)', 'L (lingkar dada 110 cm)', 'XL (lingkar dada 116 cm)', 'XXL (lingkar dada 122 cm)']);
  const title = item.includes('Tulis') ? `${item} ${c.motifName} ${c.color}` : `${item} Motif ${c.motifName} ${c.color}`;
  return batikDraft(rng, 'PAKAIAN', 'PAKAIAN', technique, c, {
    material: rng.weighted([['katun primisima', 6], ['rayon', 3], ['katun prima', 2]] as const),
    size,
    weightGrams: weight + rng.int(-15, 25),
    price: between(rng, [lo, hi]),
    stockRange: [1, 4],
    title,
    body: [`${item} bermotif ${c.motifName.toLowerCase()}, ukuran ${size}. Dijahit sendiri dari kain batik buatan kami${item.includes('Anak') ? '' : ', nyaman untuk ke kantor maupun acara keluarga'}.`],
    noun: item.toLowerCase(),
  });
}

function aksesoris(rng: Rng, p: SellerProfile): Draft {
  const c = chooseBatik(rng, p, 0.3);
  const [title, lo, hi, weight, size, stock, body] = rng.pick([
    ['Masker Batik Kain 3 Lapis', 15_000, 25_000, 15, 'Dewasa', [5, 12], 'Masker kain tiga lapis dengan tali telinga yang bisa disetel, bisa dicuci dan dipakai ulang.'],
    ['Scrunchie Batik isi 3', 15_000, 30_000, 40, null, [4, 12], 'Ikat rambut kain batik isi tiga, dijahit dari sisa kain membatik.'],
    ['Dompet Batik Ritsleting', 35_000, 75_000, 70, '18 × 10 cm', [2, 8], 'Dompet kecil beritsleting dengan lapisan dalam kain polos, muat uang kertas dan kartu.'],
    ['Bandana Batik', 25_000, 45_000, 35, '55 × 55 cm', [3, 10], 'Bandana segi empat yang bisa dipakai di kepala atau sebagai syal leher.'],
  ] as const);
  return batikDraft(rng, 'AKSESORIS', 'AKSESORIS', 'CAP', c, {
    material: 'katun prima',
    size,
    weightGrams: weight + rng.int(0, 10),
    price: between(rng, [lo, hi]),
    stockRange: stock,
    title: `${title} Motif ${c.motifName} ${c.color}`,
    body: [body],
    noun: title.toLowerCase().replace(/ isi 3$/, ''),
  });
}

function bagDraft(rng: Rng, kind: 'TAS_TOTE' | 'TAS_PERCA' | 'TAS_ANYAMAN'): Draft {
  const bag: BagKind = kind === 'TAS_TOTE' ? 'GONI' : kind === 'TAS_PERCA' ? 'PERCA' : 'ANYAMAN';
  const design = designForBag(bag, rng.int(0, 0x7fffffff));
  const common = { kind, category: 'TAS' as const, technique: null, motifSlug: null, dye: null, design, palette: design.palette };
  if (kind === 'TAS_TOTE') {
    const [title, size] = rng.pick([
      ['Tote Bag Karung Goni Tali Kain Batik', '38 × 40 cm'],
      ['Tas Belanja Karung Goni Lapis Katun', '40 × 35 × 12 cm'],
      ['Tote Bag Goni Saku Depan', '35 × 38 cm'],
    ] as const);
    return {
      ...common,
      material: 'karung goni bekas, lapisan kain katun',
      size,
      weightGrams: rng.int(240, 360),
      price: between(rng, [35_000, 75_000]),
      stockRange: [2, 10],
      title,
      body: ['Dijahit dari karung goni bekas yang sudah dibersihkan dan dilapisi kain katun di bagian dalam, kuat untuk belanja ke pasar.'],
      noun: 'tote bag karung goni',
    };
  }
  if (kind === 'TAS_PERCA') {
    const [title, size, lo, hi, weight] = rng.pick([
      ['Pouch Perca Batik Ritsleting', '20 × 14 cm', 25_000, 45_000, 60],
      ['Tas Jinjing Perca Batik', '34 × 30 cm', 90_000, 160_000, 260],
      ['Tas Selempang Perca Batik', '26 × 20 cm', 120_000, 200_000, 300],
      ['Tas Laptop Perca Batik', '38 × 28 cm', 140_000, 200_000, 380],
    ] as const);
    return {
      ...common,
      material: 'kain perca batik, lapisan dakron',
      size,
      weightGrams: weight + rng.int(-10, 20),
      price: between(rng, [lo, hi]),
      stockRange: [1, 6],
      title,
      body: ['Dijahit dari kain perca sisa membatik dan menjahit, jadi setiap tas punya susunan warna sendiri.'],
      noun: title.toLowerCase(),
    };
  }
  const [title, size, lo, hi, weight] = rng.pick([
    ['Tas Anyaman Bungkus Kopi Kecil', '25 × 20 × 8 cm', 50_000, 80_000, 280],
    ['Tas Anyaman Bungkus Kopi Sedang', '32 × 26 × 10 cm', 75_000, 115_000, 400],
    ['Tas Belanja Anyaman Bungkus Kopi Besar', '40 × 32 × 14 cm', 100_000, 150_000, 560],
  ] as const);
  return {
    ...common,
    material: 'bungkus kopi bekas',
    size,
    weightGrams: weight + rng.int(-20, 30),
    price: between(rng, [lo, hi]),
    stockRange: [1, 6],
    title,
    body: [
      'Dianyam dari bungkus kopi sachet bekas yang dikumpulkan dari warung dan tetangga, dicuci bersih lalu dilipat menjadi pita.',
      'Tahan air dan mudah dilap bersih.',
    ],
    noun: 'tas anyaman bungkus kopi',
  };
}

const BATIK_MAKERS: readonly (readonly [(rng: Rng, p: SellerProfile) => Draft, number])[] = [
  [kainTulis, 22],
  [kainCap, 16],
  [kainKombinasi, 8],
  [kainPrinting, 3],
  [selendang, 10],
  [taplak, 8],
  [pakaian, 13],
  [aksesoris, 12],
];

function describe(draft: Draft, p: SellerProfile, rng: Rng): string {
  const maker = `Dibuat oleh ${p.seller.displayName} dari Kampung KB ${p.kampung.name}.`;
  if (draft.technique === null) {
    const cohort = rng.chance(0.5) ? ' Keterampilan ini ia dapat dari Pelatihan Tas Ramah Lingkungan DP3AKB Kota Balikpapan.' : '';
    return [...draft.body, `${maker}${cohort}`].join(' ');
  }
  const motif = MOTIFS.find((m) => m.slug === draft.motifSlug);
  const story = motif?.story ? motif.story.split('. ')[0]!.replace(/\.?$/, '.') : null;
  const dye =
    draft.dye === 'NATURAL'
      ? `Diwarnai dengan pewarna alami ${NATURAL_SOURCE[draft.palette] ?? 'dari tumbuhan'}.`
      : draft.technique === 'PRINTING'
        ? null
        : 'Diwarnai dengan pewarna sintetis sehingga warnanya cerah.';
  const care = draft.dye === 'NATURAL' ? CARE_NATURAL : CARE_SYNTHETIC;
  return [...draft.body, story, `Bahan ${draft.material}.`, dye, TECHNIQUE_SENTENCE[draft.technique], maker, care]
    .filter((s): s is string => s !== null)
    .join(' ');
}

function photosFor(draft: Draft, count: number): SeedPhoto[] {
  const color = PALETTES[draft.palette].label.toLowerCase();
  const motif = draft.motifSlug ? motifName(draft.motifSlug).toLowerCase() : null;
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  let alts: string[];
  if (draft.technique === null) {
    const texture =
      draft.kind === 'TAS_ANYAMAN'
        ? ['Anyaman pita bungkus kopi warna merah, emas, hijau, dan coklat', 'Detail anyaman bungkus kopi dari dekat, terlihat lipatan pitanya', 'Permukaan bungkus kopi yang mengilap dari dekat']
        : draft.kind === 'TAS_PERCA'
          ? ['Susunan kain perca batik warna-warni yang dijahit kotak-kotak', 'Detail jahitan antarpotongan perca batik', 'Motif kecil pada potongan perca dari dekat']
          : ['Tekstur karung goni berwarna coklat muda', 'Detail serat karung goni dari dekat', 'Anyaman benang goni yang kasar dari sangat dekat'];
    alts = [`${capital(draft.noun)}: ${texture[0]!.charAt(0).toLowerCase()}${texture[0]!.slice(1)}`, texture[1]!, texture[2]!];
  } else {
    alts = [
      `${capital(draft.noun)} motif ${motif} warna ${color}, tampak keseluruhan`,
      `Detail motif ${motif} dari dekat, terlihat ${DETAIL_FEATURE[draft.technique]}`,
      `Isen-isen dan warna ${color} pada ${draft.noun} dari sangat dekat`,
    ];
  }
  const zooms = [1, 2.5, 4];
  return alts.slice(0, count).map((alt, i) => ({ design: closeUp(draft.design, zooms[i]!), alt }));
}

function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

/** 2–7 products per seller, at least MIN_PRODUCTS in all; bags only from the bag cohort. */
export function buildProducts(rng: Rng, profiles: readonly SellerProfile[]): SeedProduct[] {
  const counts = profiles.map(() => rng.int(2, 7));
  // Top up the smallest shops until the catalogue is big enough to browse.
  while (counts.reduce((a, b) => a + b, 0) < MIN_PRODUCTS) {
    const smallest = counts.indexOf(Math.min(...counts));
    counts[smallest]! += 1;
  }
  const slugFor = uniqueSlugger();
  const lastListing = Date.parse(LAST_LISTING_AT);
  const products: SeedProduct[] = [];

  profiles.forEach((profile, index) => {
    const count = counts[index]!;
    const bagKinds = rng.shuffle(['TAS_TOTE', 'TAS_PERCA', 'TAS_ANYAMAN'] as const).slice(0, rng.int(1, 2));
    const bagCount = profile.inBagCohort ? Math.max(1, Math.round(count * between(rng, [0.3, 0.5]))) : 0;
    const joined = Date.parse(profile.seller.joinedAt);
    for (let i = 0; i < count; i++) {
      const draft = i < bagCount ? bagDraft(rng, rng.pick(bagKinds)) : rng.weighted(BATIK_MAKERS)(rng, profile);
      const slug = slugFor(draft.title);
      const status = rng.chance(0.05) ? 'DRAFT' : 'ACTIVE';
      const [minStock, maxStock] = draft.stockRange;
      const stock = status === 'ACTIVE' && rng.chance(0.06) ? 0 : rng.int(minStock, maxStock);
      // Listed from the day after joining, during WITA daytime, up to the last listing date.
      const day = Math.floor((joined + DAY + rng.next() * (lastListing - joined - 2 * DAY)) / DAY) * DAY;
      const createdAt = isoAt(Math.min(lastListing, day + rng.int(0, 12 * 60) * 60_000));
      const photoCount = rng.weighted([[1, 25], [2, 40], [3, 35]] as const);
      products.push({
        slug,
        sellerSlug: profile.seller.slug,
        title: draft.title,
        description: describe(draft, profile, rng),
        category: draft.category,
        technique: draft.technique,
        motifSlug: draft.motifSlug,
        material: draft.material,
        dye: draft.dye,
        size: draft.size,
        weightGrams: draft.weightGrams,
        priceIdr: roundPrice(draft.kind, draft.price),
        stock,
        status,
        createdAt,
        photos: photosFor(draft, photoCount),
      });
    }
  });
  return products;
}

export { PRICE_BANDS };
