import {
  MAX_PRODUCT_PRICE_IDR,
  PRODUCT_DESCRIPTION_LENGTH,
  PRODUCT_DIMENSION_CM,
  PRODUCT_HOURS_OF_WORK,
  PRODUCT_MATERIAL_LENGTH,
  PRODUCT_SIZE_LENGTH,
  PRODUCT_STOCK,
  PRODUCT_TITLE_LENGTH,
  PRODUCT_WEIGHT_GRAMS,
  type Bounds,
} from '@karya-ibu/types/rules';
import { badInput } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import type { CreateProductInput, UpdateProductInput } from './dto/product.input.js';
import { ProductStatus, type BatikTechnique, type DyeType, type ProductCategory } from './models/catalog.enums.js';

/** What a seller may write on a product, after validation. */
export interface ProductFields {
  title: string;
  description: string;
  category: ProductCategory;
  technique: BatikTechnique | null;
  motifId: string | null;
  material: string;
  dye: DyeType | null;
  size: string | null;
  weightGrams: number;
  priceIdr: bigint;
  stock: number;
  hoursOfWork: number | null;
  madeOn: string | null;
  status: ProductStatus;
  codAllowed: boolean;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
}

const REQUIRED_ON_CREATE = ['title', 'description', 'category', 'material', 'weightGrams', 'priceIdr', 'stock'] as const;

/**
 * Checks and normalises product input; on create the required fields must be there, on update only
 * what is given is checked. Throws BAD_USER_INPUT naming `input.<field>`, in Indonesian and English.
 */
export function validateProductFields(input: CreateProductInput | UpdateProductInput, mode: 'create' | 'update', today: string): Partial<ProductFields> {
  const out: Partial<ProductFields> = {};
  const given = <K extends keyof ProductFields>(key: K) => input[key as keyof typeof input] !== undefined && input[key as keyof typeof input] !== null;

  if (mode === 'create') {
    for (const key of REQUIRED_ON_CREATE) if (!given(key)) throw badInput(`input.${key}`, 'Wajib diisi. (Required.)');
  }
  const text = (key: 'title' | 'description' | 'material' | 'size', { min, max }: Bounds) => {
    // Paragraphs of a description keep their line breaks; one-line fields lose repeated spaces.
    const raw = (input[key] as string).trim();
    const value = key === 'description' ? raw : raw.replace(/\s+/g, ' ');
    if (value.length < min || value.length > max) throw badInput(`input.${key}`, `Panjangnya ${min}–${max} huruf. (Must be ${min}–${max} characters.)`);
    return value;
  };
  const whole = (key: 'weightGrams' | 'stock' | 'hoursOfWork' | 'lengthCm' | 'widthCm' | 'heightCm', { min, max }: Bounds, label: string) => {
    const value = input[key] as number;
    if (!Number.isInteger(value) || value < min || value > max) throw badInput(`input.${key}`, `${label} harus bilangan bulat ${min}–${max}. (Must be a whole number from ${min} to ${max}.)`);
    return value;
  };

  if (given('title')) out.title = text('title', PRODUCT_TITLE_LENGTH);
  if (given('description')) out.description = text('description', PRODUCT_DESCRIPTION_LENGTH);
  if (given('category')) out.category = input.category!;
  if (input.technique !== undefined) out.technique = input.technique ?? null;
  if (input.motifId !== undefined) {
    if (input.motifId !== null && !isUuid(input.motifId)) throw badInput('input.motifId', 'Motif tidak dikenal. (Unknown motif.)');
    out.motifId = input.motifId;
  }
  if (given('material')) out.material = text('material', PRODUCT_MATERIAL_LENGTH);
  if (input.dye !== undefined) out.dye = input.dye ?? null;
  if (input.size !== undefined) out.size = input.size === null || input.size.trim() === '' ? null : text('size', PRODUCT_SIZE_LENGTH);
  if (given('weightGrams')) out.weightGrams = whole('weightGrams', PRODUCT_WEIGHT_GRAMS, 'Berat (gram)');
  if (given('priceIdr')) {
    const price = input.priceIdr!;
    if (price <= 0n || price > MAX_PRODUCT_PRICE_IDR) throw badInput('input.priceIdr', `Harga harus lebih dari Rp 0 dan paling banyak Rp ${MAX_PRODUCT_PRICE_IDR.toLocaleString('id-ID')}. (Price must be above 0 and at most Rp ${MAX_PRODUCT_PRICE_IDR.toLocaleString('id-ID')}.)`);
    out.priceIdr = price;
  }
  if (given('stock')) out.stock = whole('stock', PRODUCT_STOCK, 'Stok');
  if (input.hoursOfWork !== undefined) out.hoursOfWork = input.hoursOfWork === null ? null : whole('hoursOfWork', PRODUCT_HOURS_OF_WORK, 'Jam kerja');
  if (input.madeOn !== undefined) {
    if (input.madeOn !== null && (input.madeOn > today || input.madeOn < '2000-01-01')) {
      throw badInput('input.madeOn', 'Tanggal selesai tidak boleh di masa depan. (The date made cannot be in the future.)');
    }
    out.madeOn = input.madeOn;
  }
  if (given('codAllowed')) out.codAllowed = input.codAllowed!;
  const dimensions = (['lengthCm', 'widthCm', 'heightCm'] as const).filter((key) => input[key] !== undefined);
  if (dimensions.length) {
    // All three or none: one dimension alone gives no volume.
    const values = (['lengthCm', 'widthCm', 'heightCm'] as const).map((key) => input[key]);
    if (values.every((value) => value === null)) Object.assign(out, { lengthCm: null, widthCm: null, heightCm: null });
    else {
      for (const key of ['lengthCm', 'widthCm', 'heightCm'] as const) out[key] = whole(key, PRODUCT_DIMENSION_CM, 'Ukuran (cm)');
    }
  }
  if (given('status')) {
    if (input.status === ProductStatus.ARCHIVED) throw badInput('input.status', 'Gunakan archiveProduct untuk mengarsipkan. (Use archiveProduct to archive.)');
    out.status = input.status!;
  } else if (mode === 'create') {
    out.status = ProductStatus.ACTIVE;
  }
  return out;
}

/** Today's date in Balikpapan (WITA, UTC+8), for "not in the future" checks. */
export const todayInWita = (now = new Date()): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
