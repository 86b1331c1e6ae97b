/**
 * Serialisable description of a generated product picture. The seed stores it beside each photo
 * so the same picture can be re-rendered at any size.
 */
export type PatternKind =
  | 'KAWUNG'
  | 'PARANG'
  | 'TRUNTUM'
  | 'BERUANG_MADU'
  | 'AKAR_BAKAU'
  | 'KANTONG_SEMAR'
  | 'DAUN_ULIN'
  | 'ANGGREK_HITAM'
  | 'PASAK_BUMI'
  | 'BUAH_ELAI'
  | 'MANGGAR'
  // bag textures
  | 'ANYAMAN'
  | 'PERCA'
  | 'GONI';

export type PaletteName =
  | 'SOGAN'
  | 'INDIGO'
  | 'SECANG'
  | 'TINGI'
  | 'JALAWE'
  | 'MERAH_PESISIR'
  | 'TOSCA'
  | 'FUCHSIA'
  | 'HIJAU_DAUN'
  | 'BIRU_LAUT'
  | 'BUNGKUS_KOPI'
  | 'GONI_ALAMI';

/** Where the pattern is finished: tumpal triangles or ruled lines along the cloth's ends. */
export type BorderStyle = 'TUMPAL' | 'GARIS' | 'NONE';

/** Isen-isen (small fillers) and the wax cracks (remukan) of hand-drawn batik. */
export type Filler = 'CECEK' | 'SISIK' | 'NONE';

export interface BatikDesign {
  pattern: PatternKind;
  palette: PaletteName;
  /** true swaps ground and ink (a light motif on a dark ground). */
  inverted: boolean;
  /** How many motif tiles fit across the picture's width at zoom 1. */
  tilesAcross: number;
  /** Rotation of each motif in degrees; parang runs at -45° (angle < 0) or 45°. */
  angle: number;
  filler: Filler;
  /** Hand-drawn wax cracks (batik tulis / kombinasi). */
  remukan: boolean;
  border: BorderStyle;
  /** 1 = the whole piece, >1 = a close-up of the same cloth. */
  zoom: number;
  /** Drives the small random details (crack lines, patch colours). */
  seed: number;
}

export interface PaletteColors {
  /** Label used in product titles and alt text (Bahasa Indonesia). */
  label: string;
  natural: boolean;
  ground: string;
  ink: string;
  accent: string;
  soft: string;
}

export const PALETTES: Readonly<Record<PaletteName, PaletteColors>> = {
  // natural dyes: soga browns, indigo (tarum), secang red, tingi bark, jalawe yellow
  SOGAN: { label: 'Coklat Sogan', natural: true, ground: '#E9D5AC', ink: '#5A381C', accent: '#9B6A2F', soft: '#C7A069' },
  INDIGO: { label: 'Biru Indigo', natural: true, ground: '#22335A', ink: '#F0E9DA', accent: '#7089B6', soft: '#3D5583' },
  SECANG: { label: 'Merah Secang', natural: true, ground: '#F3E3CE', ink: '#8B2D28', accent: '#C4694A', soft: '#DBA68C' },
  TINGI: { label: 'Coklat Tingi', natural: true, ground: '#6C3A21', ink: '#F0DAB9', accent: '#BA7A4B', soft: '#8E5536' },
  JALAWE: { label: 'Kuning Jalawe', natural: true, ground: '#EEE3B4', ink: '#5E5922', accent: '#A69A39', soft: '#D0C17A' },
  // synthetic dyes (naphthol, remazol, indigosol): bright coastal colours
  MERAH_PESISIR: { label: 'Merah Cerah', natural: false, ground: '#FFF3DE', ink: '#C8102E', accent: '#1C7040', soft: '#F6A21E' },
  TOSCA: { label: 'Tosca', natural: false, ground: '#10A4A4', ink: '#FFFFFF', accent: '#F2C14E', soft: '#0B6D75' },
  FUCHSIA: { label: 'Ungu Fuchsia', natural: false, ground: '#F8E6F2', ink: '#8E1B6E', accent: '#E84E8A', soft: '#4B2A7B' },
  HIJAU_DAUN: { label: 'Hijau Daun', natural: false, ground: '#E8F5E0', ink: '#1E6B3A', accent: '#E67E22', soft: '#7FBF5F' },
  BIRU_LAUT: { label: 'Biru Laut', natural: false, ground: '#DCEFFA', ink: '#0D4C92', accent: '#F28C28', soft: '#59A5D8' },
  // bags
  BUNGKUS_KOPI: { label: 'Warna-warni', natural: false, ground: '#2B1B10', ink: '#B3171F', accent: '#D9A520', soft: '#6F4E37' },
  GONI_ALAMI: { label: 'Coklat Goni', natural: true, ground: '#BC9E70', ink: '#7A5F3C', accent: '#3B2A1A', soft: '#D6C096' },
};

export const NATURAL_PALETTES: readonly PaletteName[] = ['SOGAN', 'INDIGO', 'SECANG', 'TINGI', 'JALAWE'];
export const SYNTHETIC_PALETTES: readonly PaletteName[] = ['MERAH_PESISIR', 'TOSCA', 'FUCHSIA', 'HIJAU_DAUN', 'BIRU_LAUT'];

/** The batik pattern drawn for each seeded motif; unknown motifs fall back to kawung. */
export const MOTIF_PATTERNS: Readonly<Record<string, PatternKind>> = {
  'beruang-madu': 'BERUANG_MADU',
  'akar-bakau': 'AKAR_BAKAU',
  'kantong-semar': 'KANTONG_SEMAR',
  'daun-ulin': 'DAUN_ULIN',
  'anggrek-hitam': 'ANGGREK_HITAM',
  'pasak-bumi': 'PASAK_BUMI',
  'buah-elai': 'BUAH_ELAI',
  kawung: 'KAWUNG',
  parang: 'PARANG',
  truntum: 'TRUNTUM',
  manggar: 'MANGGAR',
};

export type DesignTechnique = 'TULIS' | 'CAP' | 'KOMBINASI' | 'PRINTING';
export type BagKind = 'ANYAMAN' | 'PERCA' | 'GONI';

export interface BatikDesignInput {
  motifSlug: string;
  palette: PaletteName;
  technique: DesignTechnique;
  /** Any integer; different seeds give visibly different scale, angle and fillers. */
  seed: number;
}

/** Picks the look of a batik cloth from its motif, colours and technique. */
export function designForBatik(input: BatikDesignInput): BatikDesign {
  const { motifSlug, palette, technique, seed } = input;
  const s = seed >>> 0;
  const pattern = MOTIF_PATTERNS[motifSlug] ?? 'KAWUNG';
  const handDrawn = technique === 'TULIS' || technique === 'KOMBINASI';
  const diagonal = pattern === 'PARANG' || pattern === 'KAWUNG';
  return {
    pattern,
    palette,
    inverted: ((s >>> 3) & 1) === 1,
    tilesAcross: [4, 5, 6, 7, 8][s % 5]!,
    angle: diagonal ? [-45, 45][(s >>> 5) & 1]! : [0, 0, 20, -20][(s >>> 6) & 3]!,
    filler: technique === 'PRINTING' ? 'NONE' : (['CECEK', 'SISIK', handDrawn ? 'CECEK' : 'NONE'] as const)[(s >>> 8) % 3]!,
    remukan: handDrawn,
    border: (['TUMPAL', 'GARIS', 'NONE'] as const)[(s >>> 10) % 3]!,
    zoom: 1,
    seed: s,
  };
}

/** A bag's surface: woven coffee sachets, batik patchwork or burlap. */
export function designForBag(kind: BagKind, seed: number): BatikDesign {
  const s = seed >>> 0;
  return {
    pattern: kind,
    palette: kind === 'ANYAMAN' ? 'BUNGKUS_KOPI' : kind === 'GONI' ? 'GONI_ALAMI' : NATURAL_PALETTES[s % NATURAL_PALETTES.length]!,
    inverted: false,
    tilesAcross: kind === 'ANYAMAN' ? [6, 7, 8][s % 3]! : kind === 'PERCA' ? [3, 4, 5][s % 3]! : [14, 18][s % 2]!,
    angle: 0,
    filler: 'NONE',
    remukan: false,
    border: kind === 'GONI' ? 'GARIS' : 'NONE',
    zoom: 1,
    seed: s,
  };
}

/** The same cloth seen closer: used for a product's second and third photos. */
export function closeUp(design: BatikDesign, zoom: number): BatikDesign {
  return { ...design, zoom, border: zoom > 1 ? 'NONE' : design.border };
}
