import { registerEnumType } from '@nestjs/graphql';

/** The four levels of Indonesia's administrative areas (Kemendagri codes 64, 64.71, 64.71.04, 64.71.04.1004). */
export enum AreaLevel {
  PROVINCE = 'PROVINCE',
  /** Kabupaten or kota. */
  REGENCY = 'REGENCY',
  /** Kecamatan. */
  DISTRICT = 'DISTRICT',
  /** Kelurahan or desa. */
  VILLAGE = 'VILLAGE',
}

registerEnumType(AreaLevel, { name: 'AreaLevel' });

/** The level a Kemendagri code names, from its shape; null when it is not one. */
export function levelOfCode(code: string): AreaLevel | null {
  if (/^\d{2}$/.test(code)) return AreaLevel.PROVINCE;
  if (/^\d{2}\.\d{2}$/.test(code)) return AreaLevel.REGENCY;
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(code)) return AreaLevel.DISTRICT;
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) return AreaLevel.VILLAGE;
  return null;
}

/** 64.71.04.1004 → [64, 64.71, 64.71.04]: the code names its ancestors. */
export const ancestorCodes = (code: string): string[] => {
  const parts = code.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
};
