import { loadSharp } from '../../modules/media/photo-variants.js';
import { PALETTES, type BatikDesign, type PaletteColors, type PatternKind } from './batik-design.js';
import { mulberry32 } from '../data/prng.js';

/**
 * Batik-like pictures drawn as SVG: one motif tile (100 × 100 units) repeated with an SVG
 * <pattern>, fillers underneath, wax cracks on top and a border at the cloth's ends. Only simple
 * shapes, so librsvg renders a 1600 px picture in well under the budget.
 */

interface Colors {
  ground: string;
  ink: string;
  accent: string;
  soft: string;
}

/** Fixed near-black used for the black orchid's lip whatever the palette. */
const ORCHID_LIP = '#1B1B17';

const n = (value: number): string => (Math.round(value * 100) / 100).toString();

function colorsOf(design: BatikDesign): Colors {
  const p: PaletteColors = PALETTES[design.palette];
  return design.inverted
    ? { ground: p.ink, ink: p.ground, accent: p.accent, soft: p.soft }
    : { ground: p.ground, ink: p.ink, accent: p.accent, soft: p.soft };
}

// ---------------------------------------------------------------------------------------------
// Motifs: each draws around (0, 0) within a radius of about 32 units.

function kawung(c: Colors): string {
  const petal = (cx: number, cy: number, rx: number, ry: number) =>
    `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${c.soft}" stroke="${c.ink}" stroke-width="2.5"/>` +
    `<ellipse cx="${cx}" cy="${cy}" rx="${rx * 0.45}" ry="${ry * 0.45}" fill="none" stroke="${c.ink}" stroke-width="1.2"/>`;
  return (
    petal(-17, 0, 15, 9) +
    petal(17, 0, 15, 9) +
    petal(0, -17, 9, 15) +
    petal(0, 17, 9, 15) +
    `<circle r="3.5" fill="${c.accent}" stroke="${c.ink}" stroke-width="1"/>`
  );
}

function truntum(c: Colors): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    out += `<ellipse cx="0" cy="-11" rx="3.2" ry="7" fill="${i % 2 ? c.soft : c.accent}" stroke="${c.ink}" stroke-width="1.2" transform="rotate(${i * 45})"/>`;
  }
  out += `<circle r="4.5" fill="${c.ink}"/><circle r="1.8" fill="${c.ground}"/>`;
  for (let i = 0; i < 8; i++) {
    const a = ((i * 45 + 22.5) * Math.PI) / 180;
    out += `<circle cx="${n(Math.cos(a) * 24)}" cy="${n(Math.sin(a) * 24)}" r="1.6" fill="${c.ink}"/>`;
  }
  return out;
}

function beruangMadu(c: Colors): string {
  return (
    `<g stroke="${c.ink}" stroke-width="1.5">` +
    `<rect x="-14" y="12" width="6" height="13" rx="2" fill="${c.ink}"/>` +
    `<rect x="10" y="12" width="6" height="13" rx="2" fill="${c.ink}"/>` +
    `<ellipse cx="2" cy="6" rx="24" ry="14" fill="${c.ink}"/>` +
    `<circle cx="-24" cy="-8" r="4" fill="${c.ink}"/><circle cx="-11" cy="-11" r="4" fill="${c.ink}"/>` +
    `<circle cx="-17" cy="-2" r="10" fill="${c.ink}"/>` +
    `</g>` +
    // the pale muzzle and the chest crescent that give the sun bear its name
    `<ellipse cx="-24" cy="1" rx="5" ry="4" fill="${c.soft}"/>` +
    `<path d="M-12 6 Q-4 19 8 7 Q-3 13 -12 6 Z" fill="${c.accent}" stroke="${c.accent}" stroke-width="1.5"/>` +
    `<circle cx="-19" cy="-4" r="1.3" fill="${c.ground}"/>` +
    `<path d="M-30 28 Q0 22 30 28" fill="none" stroke="${c.soft}" stroke-width="2"/>`
  );
}

function akarBakau(c: Colors): string {
  let roots = '';
  for (const [x, y] of [[-28, 28], [-15, 30], [-4, 31], [8, 30], [20, 29], [30, 26]] as const) {
    roots += `<path d="M0 -4 Q${x * 0.9} -6 ${x} ${y}" fill="none" stroke="${c.ink}" stroke-width="2.6" stroke-linecap="round"/>`;
  }
  return (
    `<ellipse cx="-12" cy="-24" rx="12" ry="7" fill="${c.soft}" stroke="${c.ink}" stroke-width="1.2"/>` +
    `<ellipse cx="12" cy="-24" rx="12" ry="7" fill="${c.soft}" stroke="${c.ink}" stroke-width="1.2"/>` +
    `<ellipse cx="0" cy="-31" rx="13" ry="7" fill="${c.accent}" stroke="${c.ink}" stroke-width="1.2"/>` +
    `<rect x="-2.5" y="-24" width="5" height="22" fill="${c.ink}"/>` +
    roots +
    `<path d="M-34 31 q8.5 -5 17 0 t17 0 t17 0 t17 0" fill="none" stroke="${c.accent}" stroke-width="1.6"/>`
  );
}

function kantongSemar(c: Colors): string {
  return (
    `<path d="M-8 -18 C-15 -4 -17 18 0 24 C17 18 15 -4 8 -18 Z" fill="${c.soft}" stroke="${c.ink}" stroke-width="2"/>` +
    `<circle cx="-5" cy="4" r="2" fill="${c.accent}"/><circle cx="5" cy="10" r="2" fill="${c.accent}"/>` +
    `<circle cx="-3" cy="15" r="1.6" fill="${c.accent}"/><circle cx="6" cy="-2" r="1.6" fill="${c.accent}"/>` +
    `<ellipse cx="0" cy="-18" rx="9" ry="3" fill="${c.accent}" stroke="${c.ink}" stroke-width="1.5"/>` +
    `<path d="M-7 -21 Q1 -33 12 -24 Z" fill="${c.ink}"/>` +
    `<path d="M0 24 C0 32 -15 34 -19 26 C-21 20 -13 18 -13 24" fill="none" stroke="${c.ink}" stroke-width="1.6"/>` +
    `<path d="M14 -6 C26 -16 32 -4 26 6 C22 2 18 -2 14 -6 Z" fill="${c.accent}" stroke="${c.ink}" stroke-width="1.2"/>`
  );
}

function daunUlin(c: Colors): string {
  let veins = '';
  for (const y of [-18, -8, 2, 12]) {
    veins += `<path d="M0 ${y + 4} L-11 ${y - 3} M0 ${y + 4} L11 ${y - 3}" stroke="${c.ink}" stroke-width="1"/>`;
  }
  return (
    `<g transform="rotate(25)">` +
    `<path d="M0 -32 C19 -18 19 16 0 32 C-19 16 -19 -18 0 -32 Z" fill="${c.soft}" stroke="${c.ink}" stroke-width="2.2"/>` +
    `<path d="M0 -30 L0 34" stroke="${c.ink}" stroke-width="1.8"/>` +
    veins +
    `</g>`
  );
}

function anggrekHitam(c: Colors): string {
  let petals = '';
  for (let i = 0; i < 5; i++) {
    petals += `<ellipse cx="0" cy="-15" rx="6.5" ry="14" fill="${i % 2 ? c.accent : c.soft}" stroke="${c.ink}" stroke-width="1.4" transform="rotate(${i * 72})"/>`;
  }
  return (
    petals +
    `<path d="M-7 -2 C-10 12 -4 18 0 18 C4 18 10 12 7 -2 Z" fill="${ORCHID_LIP}" stroke="${c.ink}" stroke-width="1"/>` +
    `<path d="M-3 4 L3 4 M-3 8 L3 8 M-2 12 L2 12" stroke="${c.soft}" stroke-width="0.9"/>` +
    `<circle cx="0" cy="-3" r="2.6" fill="${c.ground}"/>`
  );
}

function pasakBumi(c: Colors): string {
  let leaflets = '';
  for (let i = 0; i < 6; i++) {
    const y = -28 + i * 9;
    leaflets +=
      `<ellipse cx="-7" cy="${y}" rx="3.3" ry="8" fill="${c.soft}" stroke="${c.ink}" stroke-width="1" transform="rotate(-55 -7 ${y})"/>` +
      `<ellipse cx="7" cy="${y + 4}" rx="3.3" ry="8" fill="${c.accent}" stroke="${c.ink}" stroke-width="1" transform="rotate(55 7 ${y + 4})"/>`;
  }
  return (
    `<path d="M0 24 C3 8 -3 -12 0 -34" fill="none" stroke="${c.ink}" stroke-width="2"/>` +
    leaflets +
    // the long tap root the plant is known for
    `<path d="M0 24 L0 34 M0 26 L-7 33 M0 26 L7 33" stroke="${c.ink}" stroke-width="1.4"/>`
  );
}

function buahElai(c: Colors): string {
  let spikes = '';
  for (let i = 0; i < 14; i++) {
    spikes += `<path d="M-3 -19 L0 -25 L3 -19 Z" fill="${c.ink}" transform="rotate(${n((i * 360) / 14)})"/>`;
  }
  return (
    spikes +
    `<circle r="19.5" fill="${c.accent}" stroke="${c.ink}" stroke-width="2"/>` +
    `<path d="M0 -19 Q6 0 0 19 M-17 -8 Q0 -2 17 -8 M-17 8 Q0 2 17 8" fill="none" stroke="${c.ink}" stroke-width="1"/>` +
    `<rect x="-1.5" y="-31" width="3" height="7" fill="${c.ink}"/>` +
    `<path d="M1 -29 C10 -36 20 -32 22 -26 C14 -24 6 -25 1 -29 Z" fill="${c.soft}" stroke="${c.ink}" stroke-width="1"/>`
  );
}

function manggar(c: Colors): string {
  let sprays = '';
  for (let i = 0; i < 7; i++) {
    const a = ((-150 + i * 20) * Math.PI) / 180;
    const x = Math.cos(a) * 28;
    const y = Math.sin(a) * 28 + 6;
    sprays +=
      `<path d="M0 12 Q${n(x * 0.3)} ${n(y * 0.6)} ${n(x)} ${n(y)}" fill="none" stroke="${c.ink}" stroke-width="1.6"/>` +
      `<circle cx="${n(x)}" cy="${n(y)}" r="2.4" fill="${c.accent}"/>` +
      `<circle cx="${n(x * 0.7)}" cy="${n(y * 0.75 + 2)}" r="1.6" fill="${c.soft}"/>`;
  }
  return (
    sprays +
    `<path d="M-4 12 L4 12 L2 22 L-2 22 Z" fill="${c.ink}"/>` +
    `<path d="M-34 27 q8.5 -6 17 0 t17 0 t17 0 t17 0 M-34 33 q8.5 -6 17 0 t17 0 t17 0 t17 0" fill="none" stroke="${c.soft}" stroke-width="1.8"/>`
  );
}

const MOTIFS: Partial<Record<PatternKind, (c: Colors) => string>> = {
  KAWUNG: kawung,
  TRUNTUM: truntum,
  BERUANG_MADU: beruangMadu,
  AKAR_BAKAU: akarBakau,
  KANTONG_SEMAR: kantongSemar,
  DAUN_ULIN: daunUlin,
  ANGGREK_HITAM: anggrekHitam,
  PASAK_BUMI: pasakBumi,
  BUAH_ELAI: buahElai,
  MANGGAR: manggar,
};

/**
 * Half-drop repeat: one motif in the middle, mirrored quarters at the corners. The angle turns
 * each motif rather than the whole repeat: rotated SVG patterns are ~15× slower in librsvg.
 */
function halfDrop(motif: string, angle: number): string {
  return (
    `<g transform="translate(50 50) rotate(${angle})">${motif}</g>` +
    [[0, 0], [100, 0], [0, 100], [100, 100]]
      .map(([x, y]) => `<g transform="translate(${x} ${y}) rotate(${-angle}) scale(-0.8 0.8)">${motif}</g>`)
      .join('')
  );
}

/**
 * Parang: rows of S-shaped blades running diagonally. Drawn in a frame turned by ±45° whose cell
 * (100/2√2 units) makes the turned rows repeat seamlessly inside the square tile.
 */
function parangTile(c: Colors, angle: number): string {
  const cell = 100 / (2 * Math.SQRT2);
  const blade =
    `<path d="M4 44 C2 24 36 30 30 6 C44 22 16 30 18 44 Z" fill="${c.soft}" stroke="${c.ink}" stroke-width="2"/>` +
    `<path d="M44 18 L49 25 L44 32 L39 25 Z" fill="${c.accent}" stroke="${c.ink}" stroke-width="1.2"/>` +
    `<rect x="-1" y="0" width="52" height="3" fill="${c.ink}"/><rect x="-1" y="47" width="52" height="1.5" fill="${c.ink}"/>`;
  let cells = '';
  for (let j = -2; j <= 4; j++) {
    for (let i = -2; i <= 4; i++) {
      cells += `<g transform="translate(${n(i * cell)} ${n(j * cell)}) scale(${n(cell / 50)})">${blade}</g>`;
    }
  }
  return `<g transform="rotate(${angle >= 0 ? 45 : -45} 50 50)">${cells}</g>`;
}

// ---------------------------------------------------------------------------------------------
// Bag surfaces

function anyamanTile(c: Colors, rand: () => number): string {
  // Flattened coffee sachets: strips of printed foil, 4 × 4 cells in an over-under weave.
  const sachet = [c.ink, c.accent, c.soft, '#1F5A2E', '#E7DFCF', '#8C1C13'];
  const rows = Array.from({ length: 4 }, () => sachet[Math.floor(rand() * sachet.length)]!);
  const cols = Array.from({ length: 4 }, () => sachet[Math.floor(rand() * sachet.length)]!);
  let out = `<rect width="100" height="100" fill="${c.ground}"/>`;
  for (let r = 0; r < 4; r++) {
    for (let k = 0; k < 4; k++) {
      const x = k * 25;
      const y = r * 25;
      if ((r + k) % 2 === 0) {
        out += `<rect x="${x}" y="${y + 2}" width="25" height="21" fill="${rows[r]}"/>`;
        out += `<rect x="${x}" y="${y + 5}" width="25" height="2" fill="#FFFFFF" opacity="0.35"/>`;
      } else {
        out += `<rect x="${x + 2}" y="${y}" width="21" height="25" fill="${cols[k]}"/>`;
        out += `<rect x="${x + 5}" y="${y}" width="2" height="25" fill="#FFFFFF" opacity="0.35"/>`;
      }
    }
  }
  return out;
}

function percaTile(c: Colors, rand: () => number): string {
  // Batik offcuts sewn together: irregular rows of patches, each with its own small filler.
  const fills = [c.ground, c.ink, c.accent, c.soft, PALETTES.INDIGO.ground, PALETTES.SECANG.ink, PALETTES.JALAWE.soft];
  let out = '';
  let y = 0;
  while (y < 100) {
    const h = y > 70 ? 100 - y : 22 + Math.floor(rand() * 14);
    let x = 0;
    while (x < 100) {
      const w = x > 68 ? 100 - x : 24 + Math.floor(rand() * 18);
      const fill = fills[Math.floor(rand() * fills.length)]!;
      const mark = fills[Math.floor(rand() * fills.length)]!;
      out += `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}"/>`;
      if (rand() < 0.5) {
        out += `<circle cx="${x + w / 2}" cy="${y + h / 2}" r="${n(Math.min(w, h) / 4)}" fill="none" stroke="${mark}" stroke-width="2"/>`;
      } else {
        out += `<path d="M${x + 3} ${y + h / 2} H${x + w - 3} M${x + w / 2} ${y + 3} V${y + h - 3}" stroke="${mark}" stroke-width="1.5"/>`;
      }
      out += `<rect x="${x + 1.5}" y="${y + 1.5}" width="${w - 3}" height="${h - 3}" fill="none" stroke="#F5F0E6" stroke-width="0.8" stroke-dasharray="2 1.5"/>`;
      x += w;
    }
    y += h;
  }
  return out;
}

function goniTile(c: Colors): string {
  // Loose plain weave of jute: thick threads with darker gaps.
  let out = `<rect width="100" height="100" fill="${c.ink}"/>`;
  for (let i = 0; i < 4; i++) {
    out += `<rect x="0" y="${i * 25 + 3}" width="100" height="19" fill="${i % 2 ? c.ground : c.soft}" opacity="0.9"/>`;
  }
  for (let i = 0; i < 4; i++) {
    out += `<rect x="${i * 25 + 4}" y="0" width="17" height="100" fill="${i % 2 ? c.soft : c.ground}" opacity="0.55"/>`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fillers, cracks and borders

function fillerTile(design: BatikDesign, c: Colors): string {
  if (design.filler === 'CECEK') {
    let d = '';
    for (let y = 5; y < 100; y += 10) for (let x = (y / 10) % 2 ? 10 : 5; x < 100; x += 10) d += `M${x} ${y}h0.01`;
    return `<path d="${d}" stroke="${c.ink}" stroke-width="2" stroke-linecap="round" opacity="0.55"/>`;
  }
  if (design.filler === 'SISIK') {
    let d = '';
    for (let y = 10; y <= 100; y += 10) for (let x = y % 20 ? 0 : -5; x < 100; x += 10) d += `M${x} ${y}a5 5 0 0 1 10 0`;
    return `<path d="${d}" fill="none" stroke="${c.soft}" stroke-width="1.1" opacity="0.8"/>`;
  }
  return '';
}

function crackLines(c: Colors, rand: () => number): string {
  let d = '';
  for (let i = 0; i < 9; i++) {
    let x = rand() * 100;
    let y = rand() * 100;
    d += `M${n(x)} ${n(y)}`;
    const steps = 3 + Math.floor(rand() * 4);
    for (let s = 0; s < steps; s++) {
      x += (rand() - 0.5) * 30;
      y += (rand() - 0.3) * 22;
      d += `L${n(x)} ${n(y)}`;
    }
  }
  return `<path d="${d}" fill="none" stroke="${c.ink}" stroke-width="0.5" opacity="0.35"/>`;
}

function borderTile(design: BatikDesign, c: Colors): string {
  if (design.border === 'TUMPAL') {
    return (
      `<rect width="100" height="100" fill="${c.ink}"/>` +
      `<path d="M0 90 L25 12 L50 90 Z M50 90 L75 12 L100 90 Z" fill="${c.soft}" stroke="${c.ground}" stroke-width="3"/>` +
      `<path d="M25 40 L25 80 M75 40 L75 80" stroke="${c.accent}" stroke-width="4"/>`
    );
  }
  return (
    `<rect width="100" height="100" fill="${c.ground}"/>` +
    `<rect y="10" width="100" height="16" fill="${c.ink}"/><rect y="42" width="100" height="8" fill="${c.accent}"/>` +
    `<rect y="66" width="100" height="16" fill="${c.ink}"/>`
  );
}

function tileContent(design: BatikDesign, c: Colors, rand: () => number): string {
  switch (design.pattern) {
    case 'PARANG':
      return parangTile(c, design.angle);
    case 'ANYAMAN':
      return anyamanTile(c, rand);
    case 'PERCA':
      return percaTile(c, rand);
    case 'GONI':
      return goniTile(c);
    default: {
      const motif = MOTIFS[design.pattern];
      if (!motif) throw new Error(`No motif drawing for pattern ${design.pattern}`);
      return halfDrop(motif(c), design.angle);
    }
  }
}

function assertDimension(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 8000) {
    throw new RangeError(`${name} must be an integer between 1 and 8000, got ${value}`);
  }
}

/** The design as an SVG document of exactly width × height pixels. Pure and deterministic. */
export function renderBatikSvg(design: BatikDesign, width: number, height: number): string {
  assertDimension('width', width);
  assertDimension('height', height);
  const c = colorsOf(design);
  const rand = mulberry32(design.seed);
  // Whole pixels for tile sizes and offsets: fractional ones push cairo onto a slow filtered path.
  const tile = Math.max(8, Math.round((width / Math.max(1, design.tilesAcross)) * Math.max(0.1, design.zoom)));
  // Close-ups look at a different part of the cloth than the full view.
  const shift = design.zoom > 1 ? Math.floor(rand() * 100) : 0;
  const patternAttrs = (size: number, extra = '') =>
    `patternUnits="userSpaceOnUse" width="${n(size)}" height="${n(size)}" viewBox="0 0 100 100"${extra}`;
  const transform = ` patternTransform="translate(${Math.round(width / 2) + shift} ${Math.round(height / 2) + shift})"`;

  const filler = fillerTile(design, c);
  const defs = [
    `<pattern id="m" ${patternAttrs(tile, transform)}>${filler}${tileContent(design, c, rand)}</pattern>`,
  ];
  const layers = [`<rect width="${width}" height="${height}" fill="${c.ground}"/>`, `<rect width="${width}" height="${height}" fill="url(#m)"/>`];

  if (design.remukan) {
    const crackTile = Math.max(Math.round(tile * 1.7), 40);
    defs.push(`<pattern id="r" ${patternAttrs(crackTile)}>${crackLines(c, rand)}</pattern>`);
    layers.push(`<rect width="${width}" height="${height}" fill="url(#r)"/>`);
  }
  if (design.border !== 'NONE' && design.zoom <= 1) {
    const band = Math.max(4, Math.round(height * 0.09));
    defs.push(`<pattern id="b" ${patternAttrs(band)}>${borderTile(design, c)}</pattern>`);
    layers.push(
      `<rect width="${width}" height="${band}" fill="url(#b)"/>`,
      `<g transform="translate(0 ${height}) scale(1 -1)"><rect width="${width}" height="${band}" fill="url(#b)"/></g>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs>${defs.join('')}</defs>${layers.join('')}</svg>`
  );
}

export type BatikImageFormat = 'png' | 'webp' | 'jpeg';

export const IMAGE_CONTENT_TYPES: Readonly<Record<BatikImageFormat, string>> = {
  png: 'image/png',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

export interface RenderOptions {
  /**
   * Default png: for these flat-colour pictures it is both the fastest to encode (~30 ms at
   * 1600 px against ~110 ms for webp) and usually the smallest. The media pipeline makes the
   * WebP variants afterwards.
   */
  format?: BatikImageFormat;
  /** webp/jpeg quality, 1–100. */
  quality?: number;
}

/** Renders the design to an encoded image of exactly width × height pixels. */
export async function renderBatikImage(
  design: BatikDesign,
  width: number,
  height: number,
  options: RenderOptions = {},
): Promise<Buffer> {
  const { format = 'png', quality = 80 } = options;
  const sharp = await loadSharp();
  const image = sharp(Buffer.from(renderBatikSvg(design, width, height)), { density: 72 });
  if (format === 'webp') return image.webp({ quality, effort: 2 }).toBuffer();
  if (format === 'jpeg') return image.jpeg({ quality }).toBuffer();
  return image.png({ compressionLevel: 6 }).toBuffer();
}
