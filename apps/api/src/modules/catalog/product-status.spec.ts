import { GraphQLError } from 'graphql';
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

  it('refuses bringing an archived product back with CONFLICT naming input.status, in both languages', () => {
    let error: unknown;
    try {
      changeProductStatus(ARCHIVED, ACTIVE);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.status' });
    expect((error as GraphQLError).message).toMatch(/^input\.status: [^()]+\. \([^()]+\.\)$/);
  });
});
