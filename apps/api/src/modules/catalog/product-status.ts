import { userError } from '../../common/errors/user-errors.js';
import { ProductStatus } from './models/catalog.enums.js';

/**
 * Where a product may go from each status. DRAFT and ACTIVE go back and forth (off sale for a while,
 * on sale again); ARCHIVED is final: off sale for good, kept only for her list and past orders.
 */
export const PRODUCT_STATUS_TRANSITIONS: Readonly<Record<ProductStatus, readonly ProductStatus[]>> = {
  [ProductStatus.DRAFT]: [ProductStatus.ACTIVE, ProductStatus.ARCHIVED],
  [ProductStatus.ACTIVE]: [ProductStatus.DRAFT, ProductStatus.ARCHIVED],
  [ProductStatus.ARCHIVED]: [],
};

/** Staying in the same status is always allowed (saving other fields, archiving twice). */
export const canChangeProductStatus = (from: ProductStatus, to: ProductStatus): boolean => from === to || PRODUCT_STATUS_TRANSITIONS[from].includes(to);

/** `to` when the lifecycle allows it; otherwise CONFLICT naming `input.status` (it depends on the product's state, not on the input alone). */
export function changeProductStatus(from: ProductStatus, to: ProductStatus): ProductStatus {
  if (canChangeProductStatus(from, to)) return to;
  // Only a final status refuses changes (ARCHIVED), so that is what the message explains.
  throw userError(
    'CONFLICT',
    'input.status: Produk ini sudah diarsipkan, berhenti dijual untuk selamanya; daftarkan sebagai produk baru untuk menjualnya lagi. (This product is archived, off sale for good; list it as a new product to sell it again.)',
    { field: 'input.status' },
  );
}
