import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RupiahScalar } from '../../../common/graphql/scalars.js';
import { ErrorCode, ErrorResult } from '../../../common/errors/error-result.js';

export enum CartLineProblem {
  /** The price is not what it was when added: checkout shows both. */
  PRICE_CHANGED = 'PRICE_CHANGED',
  /** Fewer pieces are left than the line asks for. */
  NOT_ENOUGH_STOCK = 'NOT_ENOUGH_STOCK',
  SOLD_OUT = 'SOLD_OUT',
  /** Archived, back to draft, or its seller's shop is not open: it cannot be bought. */
  UNAVAILABLE = 'UNAVAILABLE',
}
registerEnumType(CartLineProblem, { name: 'CartLineProblem' });

@ObjectType('CartLine')
export class CartLine {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => RupiahScalar, { description: 'The price now (what checkout charges)' })
  unitPriceIdr: bigint;

  @Field(() => RupiahScalar, { description: 'The price when it was put in the cart' })
  priceWhenAddedIdr: bigint;

  @Field(() => RupiahScalar, { description: 'unitPriceIdr × quantity' })
  lineTotalIdr: bigint;

  @Field(() => Int, { description: 'Pieces left now' })
  availableStock: number;

  @Field(() => CartLineProblem, { nullable: true, description: 'What checkout must tell the buyer about this line; null when nothing' })
  problem: CartLineProblem | null;

  productId: string;
  sellerId: string;
  weightGrams: number;
}

@ObjectType('CartSellerGroup', { description: 'The lines of one seller: one seller order, one parcel, one shipping choice at checkout' })
export class CartSellerGroup {
  @Field(() => [CartLine])
  lines: CartLine[];

  @Field(() => RupiahScalar)
  subtotalIdr: bigint;

  @Field(() => Int, { description: 'Weight of the pieces in grams' })
  weightGrams: number;

  sellerId: string;
}

@ObjectType('Cart')
export class Cart {
  @Field(() => ID, { description: 'A guest keeps it in an HTTP-only cookie' })
  id: string;

  @Field(() => Int, { description: 'Pieces in the cart (the header\'s count)' })
  itemCount: number;

  @Field(() => RupiahScalar, { description: 'At today\'s prices, without shipping' })
  subtotalIdr: bigint;

  @Field(() => [CartLine], { description: 'Oldest first' })
  lines: CartLine[];

  @Field(() => [CartSellerGroup], { description: 'The lines by seller, in the order first added' })
  sellerGroups: CartSellerGroup[];

  @Field({ description: 'Whether any line has a problem to show before checkout' })
  hasProblems: boolean;
}

/** The product cannot be bought now (archived, draft, its shop closed, or no such product). */
@ObjectType({ implements: () => [ErrorResult] })
export class ProductUnavailableError extends ErrorResult {
  @Field(() => ID)
  productId: string;

  constructor(productId: string, message = 'This product cannot be bought now') {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_ALLOWED_NOW, message, productId });
  }
}

/** Fewer pieces are left than asked for. */
@ObjectType({ implements: () => [ErrorResult] })
export class InsufficientStockError extends ErrorResult {
  @Field(() => ID)
  productId: string;

  @Field(() => Int, { description: 'Pieces left' })
  available: number;

  constructor(productId: string, available: number) {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_ALLOWED_NOW, message: `Only ${available} left`, productId, available });
  }
}
