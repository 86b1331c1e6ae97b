import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult, InvalidInputError, NotFoundError, resultUnion } from '../../common/errors/error-result.js';
import { SellerStatus } from './models/seller-status.enum.js';
import { Seller } from './models/seller.model.js';

/** A pendamping acting for a seller outside the kampung KB she assists (an assignment that changed, a stale link). */
@ObjectType({ implements: () => [ErrorResult] })
export class NotYourSellerError extends ErrorResult {
  @Field(() => ID)
  sellerId: string;

  constructor(sellerId: string) {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_YOUR_SELLER, sellerId, message: 'You do not assist this seller' });
  }
}

/** Nothing can be managed in a shop until DP3AKB (or her pendamping) has verified it. */
@ObjectType({ implements: () => [ErrorResult] })
export class SellerNotVerifiedError extends ErrorResult {
  @Field(() => SellerStatus)
  sellerStatus: SellerStatus;

  constructor(sellerStatus: SellerStatus) {
    super();
    Object.assign(this, { errorCode: ErrorCode.SELLER_NOT_VERIFIED, sellerStatus, message: `This shop is not verified (it is ${sellerStatus})` });
  }
}

/** One seller profile per account: she has applied already (its status says how it went). */
@ObjectType({ implements: () => [ErrorResult] })
export class AlreadyAppliedError extends ErrorResult {
  @Field(() => SellerStatus, { description: 'Her application: PENDING, VERIFIED or REJECTED' })
  sellerStatus: SellerStatus;

  constructor(sellerStatus: SellerStatus) {
    super();
    Object.assign(this, { errorCode: ErrorCode.ALREADY_APPLIED, sellerStatus, message: 'You have already applied as a seller' });
  }
}

/** A verified seller's shop is open: she cannot be rejected any more. */
@ObjectType({ implements: () => [ErrorResult] })
export class SellerAlreadyVerifiedError extends ErrorResult {
  constructor() {
    super();
    Object.assign(this, { errorCode: ErrorCode.SELLER_ALREADY_VERIFIED, message: 'This seller is already verified' });
  }
}

/** Why a caller may not act for a seller, when it is not a question of her role (that is FORBIDDEN, thrown). */
export type SellerAccessRefusal = NotFoundError | NotYourSellerError | SellerNotVerifiedError;
/** The members of a result union for mutations behind the seller access check. */
export const SELLER_ACCESS_ERRORS = [NotFoundError, NotYourSellerError, SellerNotVerifiedError];

export const ApplyAsSellerResult = resultUnion('ApplyAsSellerResult', Seller, [InvalidInputError, AlreadyAppliedError]);
export const VerifySellerResult = resultUnion('VerifySellerResult', Seller, [NotFoundError, NotYourSellerError, InvalidInputError]);
export const RejectSellerResult = resultUnion('RejectSellerResult', Seller, [NotFoundError, NotYourSellerError, InvalidInputError, SellerAlreadyVerifiedError]);
