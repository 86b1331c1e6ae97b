import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RupiahScalar } from '../../../common/graphql/scalars.js';

@ObjectType('LedgerAccountBalance')
export class LedgerAccountBalance {
  @Field({ description: 'e.g. PAYMENT_CLEARING:STRIPE, SELLER_AVAILABLE:<seller id>' })
  code: string;

  @Field()
  kind: string;

  @Field(() => RupiahScalar, { description: 'Debits positive, credits negative' })
  balanceIdr: bigint;
}

@ObjectType('ReconciliationDifference', { description: 'One thing the ledger and another record disagree on' })
export class ReconciliationDifference {
  @Field({ description: 'LEDGER, STRIPE, BANK_TRANSFER, COD, PAYOUTS or ORDERS' })
  source: string;

  @Field({ description: 'UNBALANCED, MISSING_IN_LEDGER, MISSING_ELSEWHERE, AMOUNT_MISMATCH, NO_REFERENCE, DUPLICATE_REFERENCE or STATUS_MISMATCH' })
  kind: string;

  @Field()
  reference: string;

  @Field(() => RupiahScalar, { nullable: true })
  ledgerIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  otherIdr: bigint | null;

  @Field()
  detail: string;
}

@ObjectType('CodCashHeld', { description: 'COD cash a seller or pendamping collected and has not brought in yet' })
export class CodCashHeld {
  @Field()
  holderUserId: string;

  @Field(() => RupiahScalar)
  heldIdr: bigint;
}

@ObjectType('ReconciliationReport', { description: 'The ledger against the orders, Stripe, bank-transfer confirmations, COD cash and payouts, for one WITA month' })
export class ReconciliationReport {
  @Field({ description: 'YYYY-MM (WITA)' })
  period: string;

  @Field()
  from: Date;

  @Field({ description: 'Exclusive' })
  to: Date;

  @Field({ description: 'Every journal transaction sums to zero' })
  ledgerBalanced: boolean;

  @Field(() => RupiahScalar, { description: 'The sum of every account: zero' })
  trialBalanceIdr: bigint;

  @Field(() => [LedgerAccountBalance], { description: "The platform's accounts (seller accounts are on sellerBalance)" })
  accounts: LedgerAccountBalance[];

  @Field(() => RupiahScalar, { description: 'Stripe: charges less refunds in the period, by the ledger' })
  stripeLedgerIdr: bigint;

  @Field(() => RupiahScalar, { description: 'Stripe: the same by its balance transactions' })
  stripeProviderIdr: bigint;

  @Field(() => RupiahScalar, { description: "Stripe's fees in the period (not in the ledger's sales)" })
  stripeFeesIdr: bigint;

  @Field(() => Int)
  stripeTransactionCount: number;

  @Field(() => RupiahScalar, { description: 'Into the platform bank account in the period: confirmed transfers and COD cash brought in' })
  bankInIdr: bigint;

  @Field(() => RupiahScalar, { description: 'Refunds returned from the bank account in the period' })
  bankOutIdr: bigint;

  @Field(() => [CodCashHeld])
  codCashHeld: CodCashHeld[];

  @Field({ description: 'Whether the orders module is connected to compare against' })
  ordersConnected: boolean;

  @Field(() => [String], { description: 'Sources that could not be read (then their differences are missing)' })
  unreadableSources: string[];

  @Field(() => [ReconciliationDifference])
  differences: ReconciliationDifference[];
}
