import { ShippingKind } from '@karya-ibu/types';

/**
 * Checkout arithmetic the page shows, on the server and (to update the total while she picks) in the
 * browser. The API computes the real total again and refuses one that differs from what she saw.
 */

export interface ShippingChoice {
  code: string;
  kind: ShippingKind;
  priceIdr: string;
}

/** What is chosen when she has not chosen yet: the cheapest courier (a parcel to her door), else the first option. */
export function defaultShipping<T extends ShippingChoice>(options: readonly T[]): T | null {
  return options.find((option) => option.kind === ShippingKind.Courier) ?? options[0] ?? null;
}

/** Her choice when it is still offered, else the default. */
export function chosenShipping<T extends ShippingChoice>(options: readonly T[], code: string | undefined): T | null {
  return options.find((option) => option.code === code) ?? defaultShipping(options);
}

/** Items plus each parcel's shipping, in whole rupiah (decimal strings, never floats). */
export function orderTotal(itemsTotalIdr: string, shipping: readonly (Pick<ShippingChoice, 'priceIdr'> | null)[]): string {
  return shipping.reduce((sum, option) => sum + BigInt(option?.priceIdr ?? '0'), BigInt(itemsTotalIdr)).toString();
}

/** Kemendagri codes nest: 64 → 64.71 → 64.71.04 → 64.71.04.1004. */
export const AREA_PATTERNS = {
  province: /^\d{2}$/,
  regency: /^\d{2}\.\d{2}$/,
  district: /^\d{2}\.\d{2}\.\d{2}$/,
  village: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/
} as const;

export type AreaLevelName = keyof typeof AREA_PATTERNS;
export const AREA_LEVELS: readonly AreaLevelName[] = ['province', 'regency', 'district', 'village'];

export type AreaChoice = Record<AreaLevelName, string>;

/**
 * Keeps each chosen level only while it is well formed and lies in the level above: changing the
 * province forgets the kabupaten/kota, kecamatan and kelurahan chosen under the old one.
 */
export function consistentAreas(choice: AreaChoice): AreaChoice {
  const out: AreaChoice = { province: '', regency: '', district: '', village: '' };
  let parent = '';
  for (const level of AREA_LEVELS) {
    const code = choice[level]?.trim() ?? '';
    if (!AREA_PATTERNS[level].test(code) || (parent && !code.startsWith(`${parent}.`))) break;
    out[level] = code;
    parent = code;
  }
  return out;
}

/** The level below, whose options a chosen code opens. */
export function childLevel(level: AreaLevelName): AreaLevelName | null {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) + 1] ?? null;
}
