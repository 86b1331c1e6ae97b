import { ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult, InvalidInputError, resultUnion } from '../../common/errors/error-result.js';
import { SELLER_ACCESS_ERRORS } from '../sellers/sellers.errors.js';
import { Product } from './models/product.model.js';

/** ARCHIVED is final: the product cannot go back on sale (or to a draft); she lists it anew instead. */
@ObjectType({ implements: () => [ErrorResult] })
export class ProductArchivedError extends ErrorResult {
  constructor() {
    super();
    Object.assign(this, { errorCode: ErrorCode.PRODUCT_ARCHIVED, message: 'This product is archived, off sale for good: list it as a new product to sell it again' });
  }
}

export const CreateProductResult = resultUnion('CreateProductResult', Product, [InvalidInputError, ...SELLER_ACCESS_ERRORS]);
export const UpdateProductResult = resultUnion('UpdateProductResult', Product, [InvalidInputError, ...SELLER_ACCESS_ERRORS, ProductArchivedError]);
export const ArchiveProductResult = resultUnion('ArchiveProductResult', Product, SELLER_ACCESS_ERRORS);
export const SetProductStockResult = resultUnion('SetProductStockResult', Product, [InvalidInputError, ...SELLER_ACCESS_ERRORS]);
