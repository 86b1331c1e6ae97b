/**
 * Price bands in rupiah for each kind of product the demo sellers list. Bands follow what batik
 * from new makers sells for in Balikpapan; the generator never leaves them.
 */
export type ProductKind =
  | 'KAIN_TULIS'
  | 'KAIN_CAP'
  | 'KAIN_KOMBINASI'
  | 'KAIN_PRINTING'
  | 'SELENDANG'
  | 'TAPLAK'
  | 'PAKAIAN'
  | 'AKSESORIS'
  | 'TAS_TOTE'
  | 'TAS_PERCA'
  | 'TAS_ANYAMAN';

export const PRICE_BANDS: Readonly<Record<ProductKind, readonly [min: number, max: number]>> = {
  KAIN_TULIS: [350_000, 2_000_000],
  KAIN_CAP: [200_000, 450_000],
  KAIN_KOMBINASI: [300_000, 900_000],
  KAIN_PRINTING: [90_000, 160_000],
  SELENDANG: [150_000, 350_000],
  TAPLAK: [100_000, 250_000],
  PAKAIAN: [150_000, 600_000],
  AKSESORIS: [15_000, 75_000],
  TAS_TOTE: [35_000, 75_000],
  TAS_PERCA: [25_000, 200_000],
  TAS_ANYAMAN: [50_000, 150_000],
};

/** Rounds like a seller would: to Rp1.000 under Rp50.000, otherwise to Rp5.000, inside the band. */
export function roundPrice(kind: ProductKind, raw: number): bigint {
  const [min, max] = PRICE_BANDS[kind];
  const step = raw < 50_000 ? 1_000 : 5_000;
  const rounded = Math.round(raw / step) * step;
  return BigInt(Math.min(max, Math.max(min, rounded)));
}
