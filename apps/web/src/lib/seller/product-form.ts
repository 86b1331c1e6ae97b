import {
  BatikTechnique,
  DyeType,
  formatRupiah,
  isCalendarDate,
  MAX_PRODUCT_PRICE_IDR,
  PRODUCT_DESCRIPTION_LENGTH,
  PRODUCT_HOURS_OF_WORK,
  PRODUCT_MATERIAL_LENGTH,
  PRODUCT_SIZE_LENGTH,
  PRODUCT_STOCK,
  PRODUCT_TITLE_LENGTH,
  PRODUCT_WEIGHT_GRAMS,
  ProductCategory,
  ProductStatus,
  readRupiahInput,
  within,
  type Bounds
} from '@karya-ibu/types';
import { rupiahProblemKey } from '$lib/format/money';
import type { ErrorItem } from '$lib/forms/error-summary';
import { t, type Lang, type MessageKey } from '$lib/i18n';

/**
 * The product form (add and edit): read from FormData, checked the way the API checks (so every
 * problem shows at once, beside its field, in her language); the API stays the authority.
 */

export const PRODUCT_FIELDS = [
  'title',
  'category',
  'technique',
  'priceIdr',
  'stock',
  'weightGrams',
  'material',
  'description',
  'motifId',
  'dye',
  'size',
  'hoursOfWork',
  'madeOn',
  'status'
] as const;
export type ProductField = (typeof PRODUCT_FIELDS)[number];

/** The optional details of how it was made, folded away under the required fields. */
export const PROVENANCE_FIELDS = ['technique', 'motifId', 'dye', 'size', 'hoursOfWork', 'madeOn'] as const satisfies readonly ProductField[];

/** Each field's label, for the error summary's links (the form shows the same words). */
export const PRODUCT_FIELD_LABELS = {
  photos: 'seller.form.photos',
  title: 'seller.form.title',
  category: 'seller.form.category',
  priceIdr: 'seller.form.price',
  stock: 'seller.form.stock',
  weightGrams: 'seller.form.weight',
  material: 'seller.form.material',
  description: 'seller.form.description',
  technique: 'seller.form.technique',
  motifId: 'seller.form.motif',
  dye: 'seller.form.dye',
  size: 'seller.form.size',
  hoursOfWork: 'seller.form.hours',
  madeOn: 'seller.form.madeOn',
  status: 'seller.form.draft'
} as const satisfies Record<ProductField | 'photos', MessageKey>;

/** The error summary's lines in the order of the form: which field (its id), its label and its message. */
export function productErrorItems(lang: Lang, errors: Partial<Record<ProductField | 'photos', string>>): ErrorItem[] {
  return (Object.keys(PRODUCT_FIELD_LABELS) as (keyof typeof PRODUCT_FIELD_LABELS)[])
    .filter((field) => errors[field])
    .map((field) => ({ id: field, label: t(lang, PRODUCT_FIELD_LABELS[field]), message: errors[field]! }));
}
export type ProductValues = Record<ProductField, string>;
export type ProductFieldErrors = Partial<Record<ProductField, string>>;

/** Bags are not batik: no technique. */
export const needsTechnique = (category: string): boolean => category !== '' && category !== ProductCategory.Tas;

export interface ProductInput {
  title: string;
  category: ProductCategory;
  technique: BatikTechnique | null;
  priceIdr: string;
  stock: number;
  weightGrams: number;
  material: string;
  description: string;
  motifId: string | null;
  dye: DyeType | null;
  size: string | null;
  hoursOfWork: number | null;
  madeOn: string | null;
  status: ProductStatus;
}

export type ProductFormResult =
  | { ok: true; input: ProductInput; values: ProductValues }
  | { ok: false; fieldErrors: ProductFieldErrors; values: ProductValues };

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export function productValues(form: FormData): ProductValues {
  const values = Object.fromEntries(PRODUCT_FIELDS.map((field) => [field, text(form, field)])) as ProductValues;
  values.title = values.title.replace(/\s+/g, ' ');
  values.material = values.material.replace(/\s+/g, ' ');
  return values;
}

/** A product's saved fields as form values, to fill the edit form. */
export function valuesOf(product: {
  title: string;
  category: string;
  technique: string | null;
  priceIdr: string;
  stock: number;
  weightGrams: number;
  material: string;
  description: string;
  motif: { id: string } | null;
  dye: string | null;
  size: string | null;
  hoursOfWork: number | null;
  madeOn: string | null;
  status: string;
}): ProductValues {
  return {
    title: product.title,
    category: product.category,
    technique: product.technique ?? '',
    priceIdr: product.priceIdr,
    stock: String(product.stock),
    weightGrams: String(product.weightGrams),
    material: product.material,
    description: product.description,
    motifId: product.motif?.id ?? '',
    dye: product.dye ?? '',
    size: product.size ?? '',
    hoursOfWork: product.hoursOfWork == null ? '' : String(product.hoursOfWork),
    madeOn: product.madeOn ?? '',
    status: product.status === ProductStatus.Draft ? ProductStatus.Draft : ProductStatus.Active
  };
}


function wholeNumber(raw: string): number | null {
  const cleaned = raw.replace(/[\s.]/g, '');
  return /^\d{1,7}$/.test(cleaned) ? Number(cleaned) : null;
}

const isEnum = <E extends Record<string, string>>(values: E, raw: string): raw is E[keyof E] =>
  (Object.values(values) as string[]).includes(raw);

/** Today in Balikpapan (WITA, UTC+8), for "not in the future". */
export const todayInWita = (now = new Date()): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function validateProduct(form: FormData, lang: Lang, today = todayInWita()): ProductFormResult {
  const values = productValues(form);
  const errors: ProductFieldErrors = {};
  const length = (field: 'title' | 'material' | 'description' | 'size', bounds: Bounds) => {
    const value = values[field];
    if (!within(value.length, bounds)) {
      errors[field] = value ? t(lang, 'seller.error.length', bounds) : t(lang, 'seller.error.required');
    }
  };
  // Whole numbers are shown as she writes them: 10.000.
  const wholeError = ({ min, max }: Bounds) => t(lang, 'seller.error.whole', { min, max: max.toLocaleString('id-ID') });

  length('title', PRODUCT_TITLE_LENGTH);
  if (!isEnum(ProductCategory, values.category)) errors.category = t(lang, 'seller.error.category');
  if (values.technique && !isEnum(BatikTechnique, values.technique)) errors.technique = t(lang, 'seller.error.required');

  const read = readRupiahInput(values.priceIdr);
  const price = 'value' in read ? read.value.toString() : null;
  if (!values.priceIdr) errors.priceIdr = t(lang, 'seller.error.required');
  else if ('problem' in read) errors.priceIdr = t(lang, rupiahProblemKey(read.problem) ?? 'seller.error.price');
  else if (read.value <= 0n || read.value > MAX_PRODUCT_PRICE_IDR) errors.priceIdr = t(lang, 'seller.error.priceRange', { max: formatRupiah(MAX_PRODUCT_PRICE_IDR) });

  const stock = wholeNumber(values.stock);
  if (!values.stock) errors.stock = t(lang, 'seller.error.required');
  else if (stock === null || !within(stock, PRODUCT_STOCK)) errors.stock = wholeError(PRODUCT_STOCK);

  const weight = wholeNumber(values.weightGrams);
  if (!values.weightGrams) errors.weightGrams = t(lang, 'seller.error.required');
  else if (weight === null || !within(weight, PRODUCT_WEIGHT_GRAMS)) errors.weightGrams = wholeError(PRODUCT_WEIGHT_GRAMS);

  length('material', PRODUCT_MATERIAL_LENGTH);
  length('description', PRODUCT_DESCRIPTION_LENGTH);
  if (values.size) length('size', PRODUCT_SIZE_LENGTH);

  if (values.dye && !isEnum(DyeType, values.dye)) errors.dye = t(lang, 'seller.error.required');

  const hours = values.hoursOfWork ? wholeNumber(values.hoursOfWork) : null;
  if (values.hoursOfWork && (hours === null || !within(hours, PRODUCT_HOURS_OF_WORK))) errors.hoursOfWork = wholeError(PRODUCT_HOURS_OF_WORK);
  if (values.madeOn) {
    if (!isCalendarDate(values.madeOn)) {
      errors.madeOn = t(lang, 'seller.error.date');
    } else if (values.madeOn > today || values.madeOn < '2000-01-01') {
      errors.madeOn = t(lang, 'seller.error.dateFuture');
    }
  }

  if (Object.values(errors).some(Boolean)) return { ok: false, fieldErrors: errors, values };
  const category = values.category as ProductCategory;
  return {
    ok: true,
    values,
    input: {
      title: values.title,
      category,
      technique: needsTechnique(category) && values.technique ? (values.technique as BatikTechnique) : null,
      priceIdr: price!,
      stock: stock!,
      weightGrams: weight!,
      material: values.material,
      description: values.description,
      motifId: values.motifId || null,
      dye: values.dye ? (values.dye as DyeType) : null,
      size: values.size || null,
      hoursOfWork: hours,
      madeOn: values.madeOn || null,
      status: values.status === ProductStatus.Draft ? ProductStatus.Draft : ProductStatus.Active
    }
  };
}

/** Which form field each API field belongs to (`input.priceIdr` → `priceIdr`). */
export const PRODUCT_API_FIELDS: Partial<Record<string, ProductField>> = Object.fromEntries(
  PRODUCT_FIELDS.map((field) => [`input.${field}`, field])
);
