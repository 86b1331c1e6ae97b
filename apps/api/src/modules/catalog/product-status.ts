import { ProductArchivedError } from './catalog.errors.js';
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

/** `to` when the lifecycle allows it; otherwise the refusal (it depends on the product's state, not on the input alone). */
export function changeProductStatus(from: ProductStatus, to: ProductStatus): ProductStatus | ProductArchivedError {
  // Only a final status refuses changes (ARCHIVED).
  return canChangeProductStatus(from, to) ? to : new ProductArchivedError();
}
