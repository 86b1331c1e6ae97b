import { ProductArchivedError } from './catalog.errors.js';
import { ProductStatus } from './models/catalog.enums.js';
import { canChangeProductStatus, changeProductStatus, PRODUCT_STATUS_TRANSITIONS } from './product-status.js';

const { DRAFT, ACTIVE, ARCHIVED } = ProductStatus;

describe('product status lifecycle', () => {
  it.each([
    [DRAFT, DRAFT, true],
    [DRAFT, ACTIVE, true],
    [DRAFT, ARCHIVED, true],
    [ACTIVE, ACTIVE, true],
    [ACTIVE, DRAFT, true],
    [ACTIVE, ARCHIVED, true],
    [ARCHIVED, ARCHIVED, true],
    [ARCHIVED, ACTIVE, false],
    [ARCHIVED, DRAFT, false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canChangeProductStatus(from, to)).toBe(allowed);
  });

  it('covers every status, and ARCHIVED is the only final one', () => {
    expect(Object.keys(PRODUCT_STATUS_TRANSITIONS).sort()).toEqual(Object.values(ProductStatus).sort());
    expect(Object.values(ProductStatus).filter((status) => PRODUCT_STATUS_TRANSITIONS[status].length === 0)).toEqual([ARCHIVED]);
  });

  it('returns the new status when allowed', () => {
    expect(changeProductStatus(DRAFT, ACTIVE)).toBe(ACTIVE);
    expect(changeProductStatus(ARCHIVED, ARCHIVED)).toBe(ARCHIVED);
  });

  it('answers bringing an archived product back with a ProductArchivedError result', () => {
    expect(changeProductStatus(ARCHIVED, ACTIVE)).toBeInstanceOf(ProductArchivedError);
    expect(changeProductStatus(ARCHIVED, DRAFT)).toMatchObject({ errorCode: 'PRODUCT_ARCHIVED' });
  });
});
