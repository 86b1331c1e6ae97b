import type { ProductCategory, ProductStatus } from './catalog.enums.js';

/** What checkout needs of a product: its price and stock now, whether it is on sale, how it ships. */
export interface CheckoutProduct {
  id: string;
  sellerId: string;
  slug: string;
  title: string;
  /** Commission rules may differ by category. */
  category: ProductCategory;
  priceIdr: bigint;
  stock: number;
  weightGrams: number;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
  codAllowed: boolean;
  status: ProductStatus;
  /** ACTIVE and from a verified seller: only these can be bought. */
  onSale: boolean;
}

export interface CheckoutProductRow {
  id: string;
  seller_id: string;
  slug: string;
  title: string;
  category: ProductCategory;
  price_idr: string;
  stock: number;
  weight_grams: number;
  length_cm: number | null;
  width_cm: number | null;
  height_cm: number | null;
  cod_allowed: boolean;
  status: ProductStatus;
  on_sale: boolean;
}

export const CHECKOUT_COLUMNS = 'id, seller_id, slug, title, category, price_idr::text AS price_idr, stock, weight_grams, length_cm, width_cm, height_cm, cod_allowed, status, on_sale';

export const toCheckoutProduct = (row: CheckoutProductRow): CheckoutProduct => ({
  id: row.id,
  sellerId: row.seller_id,
  slug: row.slug,
  title: row.title,
  category: row.category,
  priceIdr: BigInt(row.price_idr),
  stock: row.stock,
  weightGrams: row.weight_grams,
  lengthCm: row.length_cm,
  widthCm: row.width_cm,
  heightCm: row.height_cm,
  codAllowed: row.cod_allowed,
  status: row.status,
  onSale: row.on_sale,
});
