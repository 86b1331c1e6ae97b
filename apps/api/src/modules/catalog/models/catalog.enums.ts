import { registerEnumType } from '@nestjs/graphql';

export enum ProductCategory {
  KAIN_BATIK = 'KAIN_BATIK',
  PAKAIAN = 'PAKAIAN',
  SELENDANG = 'SELENDANG',
  TAPLAK = 'TAPLAK',
  TAS = 'TAS',
  AKSESORIS = 'AKSESORIS',
}

export enum BatikTechnique {
  TULIS = 'TULIS',
  CAP = 'CAP',
  KOMBINASI = 'KOMBINASI',
  PRINTING = 'PRINTING',
}

export enum DyeType {
  NATURAL = 'NATURAL',
  SYNTHETIC = 'SYNTHETIC',
}

export enum ProductStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}

export enum ProductSort {
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  RELEVANCE = 'RELEVANCE',
}

registerEnumType(ProductCategory, { name: 'ProductCategory' });
registerEnumType(BatikTechnique, { name: 'BatikTechnique' });
registerEnumType(DyeType, { name: 'DyeType' });
registerEnumType(ProductStatus, { name: 'ProductStatus' });
registerEnumType(ProductSort, { name: 'ProductSort' });
