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
import { InvalidInputError, lengthError, rangeError } from '../../common/errors/error-result.js';
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
 * what is given is checked. The first problem is answered as an InvalidInputError naming
 * `input.<field>`; a motif id that is no id at all is thrown (BAD_USER_INPUT).
 */
export function validateProductFields(input: CreateProductInput | UpdateProductInput, mode: 'create' | 'update', today: string): Partial<ProductFields> | InvalidInputError {
  const out: Partial<ProductFields> = {};
  const given = <K extends keyof ProductFields>(key: K) => input[key as keyof typeof input] !== undefined && input[key as keyof typeof input] !== null;

  if (mode === 'create') {
    const missing = REQUIRED_ON_CREATE.find((key) => !given(key));
    if (missing) return new InvalidInputError(`input.${missing}`, 'REQUIRED', `input.${missing}: required`);
  }
  // Paragraphs of a description keep their line breaks; one-line fields lose repeated spaces.
  const text = (key: 'title' | 'description' | 'material' | 'size') => {
    const raw = (input[key] as string).trim();
    return key === 'description' ? raw : raw.replace(/\s+/g, ' ');
  };
  const texts = { title: PRODUCT_TITLE_LENGTH, description: PRODUCT_DESCRIPTION_LENGTH, material: PRODUCT_MATERIAL_LENGTH } as const;
  for (const [key, bounds] of Object.entries(texts) as [keyof typeof texts, Bounds][]) {
    if (!given(key)) continue;
    out[key] = text(key);
    const invalid = lengthError(`input.${key}`, out[key], bounds);
    if (invalid) return invalid;
  }
  if (input.size !== undefined) {
    out.size = input.size === null || input.size.trim() === '' ? null : text('size');
    const invalid = out.size === null ? null : lengthError('input.size', out.size, PRODUCT_SIZE_LENGTH);
    if (invalid) return invalid;
  }
  if (given('category')) out.category = input.category!;
  if (input.technique !== undefined) out.technique = input.technique ?? null;
  if (input.dye !== undefined) out.dye = input.dye ?? null;
  if (input.motifId !== undefined) {
    if (input.motifId !== null && !isUuid(input.motifId)) throw badInput('input.motifId', `"${input.motifId}" is not an id returned by this API`);
    out.motifId = input.motifId;
  }
  const wholes = { weightGrams: PRODUCT_WEIGHT_GRAMS, stock: PRODUCT_STOCK, hoursOfWork: PRODUCT_HOURS_OF_WORK } as const;
  for (const [key, bounds] of Object.entries(wholes) as [keyof typeof wholes, Bounds][]) {
    const value = input[key];
    if (value === undefined || (value === null && key !== 'hoursOfWork')) continue;
    const invalid = value === null ? null : rangeError(`input.${key}`, value, bounds);
    if (invalid) return invalid;
    Object.assign(out, { [key]: value });
  }
  if (given('priceIdr')) {
    const price = input.priceIdr!;
    if (price <= 0n || price > MAX_PRODUCT_PRICE_IDR) {
      return new InvalidInputError('input.priceIdr', 'OUT_OF_RANGE', `input.priceIdr: must be above 0 and at most ${MAX_PRODUCT_PRICE_IDR} rupiah`, { min: 1, max: Number(MAX_PRODUCT_PRICE_IDR) });
    }
    out.priceIdr = price;
  }
  if (input.madeOn !== undefined) {
    if (input.madeOn !== null && (input.madeOn > today || input.madeOn < '2000-01-01')) {
      return new InvalidInputError('input.madeOn', 'OUT_OF_RANGE', 'input.madeOn: must be a day since 2000, not in the future');
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
      for (const key of ['lengthCm', 'widthCm', 'heightCm'] as const) {
        const value = input[key];
        if (value === undefined || value === null) return new InvalidInputError(`input.${key}`, 'REQUIRED', `input.${key}: length, width and height go together`);
        const invalid = rangeError(`input.${key}`, value, PRODUCT_DIMENSION_CM);
        if (invalid) return invalid;
        out[key] = value;
      }
    }
  }
  if (given('status')) {
    if (input.status === ProductStatus.ARCHIVED) return new InvalidInputError('input.status', 'UNKNOWN_OPTION', 'input.status: ACTIVE or DRAFT; archiveProduct archives');
    out.status = input.status!;
  } else if (mode === 'create') {
    out.status = ProductStatus.ACTIVE;
  }
  return out;
}

/** Today's date in Balikpapan (WITA, UTC+8), for "not in the future" checks. */
export const todayInWita = (now = new Date()): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
