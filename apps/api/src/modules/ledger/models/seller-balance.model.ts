import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/graphql/connection.js';
import { RupiahScalar } from '../../../common/graphql/scalars.js';

export enum BalanceLineKind {
  SALE = 'SALE',
  REFUND = 'REFUND',
  PAYOUT = 'PAYOUT',
  PAYOUT_RETURNED = 'PAYOUT_RETURNED',
  ADJUSTMENT = 'ADJUSTMENT',
}
registerEnumType(BalanceLineKind, { name: 'BalanceLineKind' });

/** Where a sale's money is: PENDING (not delivered, or in the hold after delivery) or AVAILABLE. */
export enum BalanceLineState {
  PENDING = 'PENDING',
  AVAILABLE = 'AVAILABLE',
}
registerEnumType(BalanceLineState, { name: 'BalanceLineState' });

@ObjectType('SellerBalance', { description: "A seller's money (Uang saya), from the ledger" })
export class SellerBalance {
  @Field(() => ID)
  sellerId: string;

  @Field(() => RupiahScalar, { description: 'Paid, not yet delivered, or within the hold after delivery' })
  pendingIdr: bigint;

  @Field(() => RupiahScalar, { description: 'Bisa dicairkan: the next payout run pays it. Negative after a refund of money already paid out: the next payout nets it' })
  availableIdr: bigint;

  @Field(() => RupiahScalar, { description: 'Dalam perjalanan: in a payout run, not yet sent' })
  inPayoutIdr: bigint;

  @Field(() => RupiahScalar, { description: 'Sent to her, less payouts the bank returned' })
  paidOutIdr: bigint;

  @Field(() => RupiahScalar, { description: 'Sudah diterima bulan ini: paid out this month (WITA)' })
  paidOutThisMonthIdr: bigint;

  @Field(() => Int, { description: 'Days after delivery before a sale can be paid out' })
  holdDays: number;
}

@ObjectType('BalanceOrderLine', { description: 'An order line as sold: its price, the commission at the rate frozen at purchase, her share' })
export class BalanceOrderLine {
  @Field(() => ID)
  orderLineId: string;

  @Field(() => RupiahScalar)
  priceIdr: bigint;

  @Field(() => Int, { description: '1000 is 10 %' })
  commissionRateBasisPoints: number;

  @Field(() => RupiahScalar)
  commissionIdr: bigint;

  @Field(() => RupiahScalar)
  netIdr: bigint;
}

@ObjectType('BalanceLine', { description: 'One movement of her money, linked to the order or payout behind it' })
export class BalanceLine {
  @Field(() => ID, { description: 'The journal transaction' })
  id: string;

  @Field(() => BalanceLineKind)
  kind: BalanceLineKind;

  @Field({ description: 'When it happened (paid, refunded, sent)' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true })
  orderId: string | null;

  @Field(() => ID, { nullable: true })
  sellerOrderId: string | null;

  @Field(() => ID, { nullable: true })
  payoutId: string | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Sales and refunds: the price (negative for a refund)' })
  priceIdr: bigint | null;

  @Field(() => RupiahScalar, { description: 'Commission taken (negative when a refund gives it back)' })
  commissionIdr: bigint;

  @Field(() => RupiahScalar, { description: 'What it did to her money' })
  netIdr: bigint;

  @Field(() => BalanceLineState, { nullable: true, description: 'Sales: pending or available' })
  state: BalanceLineState | null;

  @Field(() => Date, { nullable: true, description: 'Sales: when the money becomes available (null until delivered)' })
  availableAt: Date | null;

  @Field(() => String, { nullable: true, description: "A refund's reason, a payout's reference or a return's reason" })
  memo: string | null;

  @Field(() => [BalanceOrderLine], { description: 'Sales: each line with its frozen commission rate' })
  orderLines: BalanceOrderLine[];
}

@ObjectType()
export class BalanceLineConnection extends ConnectionType(BalanceLine, 'BalanceLine') {}

@ObjectType('MonthlyIncome', { description: 'Her money in one month (WITA)' })
export class MonthlyIncome {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => RupiahScalar)
  salesIdr: bigint;

  @Field(() => RupiahScalar)
  commissionIdr: bigint;

  @Field(() => RupiahScalar)
  refundedIdr: bigint;

  @Field(() => RupiahScalar, { description: 'Sales − commission − refunds' })
  netIncomeIdr: bigint;

  @Field(() => RupiahScalar)
  paidOutIdr: bigint;
}
