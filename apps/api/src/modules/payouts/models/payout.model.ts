import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult } from '../../../common/errors/error-result.js';
import { RupiahScalar } from '../../../common/graphql/scalars.js';
import { PayoutMethod } from '../../ledger/models/ledger.enums.js';
import { bankByCode } from '../banks.js';
import type { PayoutDetailsEntity } from '../entities/payout-details.entity.js';
import type { PayoutRunEntity } from '../entities/payout-run.entity.js';
import type { PayoutEntity } from '../entities/payout.entity.js';
import { EwalletProvider, PayoutStatus } from './payout.enums.js';

@ObjectType('Bank', { description: 'An Indonesian bank and its transfer code' })
export class Bank {
  @Field({ description: 'Three-digit bank code, e.g. 014 for BCA' })
  code: string;

  @Field()
  name: string;
}

/** Only the last four digits, for everyone who does not send the money. */
export const maskNumber = (value: string | null): string | null => (value ? `•••• ${value.slice(-4)}` : null);

@ObjectType('PayoutDetails', { description: 'Where her money goes; only she (or an admin) may change it' })
export class PayoutDetails {
  @Field(() => ID)
  sellerId: string;

  @Field(() => PayoutMethod)
  method: PayoutMethod;

  @Field(() => String, { nullable: true })
  bankCode: string | null;

  @Field(() => String, { nullable: true })
  bankName: string | null;

  @Field(() => String, { nullable: true, description: 'In full for her, admins and finance; null for a pendamping (see accountNumberMasked)' })
  accountNumber: string | null;

  @Field(() => String, { nullable: true })
  accountNumberMasked: string | null;

  @Field(() => String, { nullable: true })
  accountHolderName: string | null;

  @Field(() => EwalletProvider, { nullable: true })
  ewalletProvider: EwalletProvider | null;

  @Field(() => String, { nullable: true, description: 'In full for her, admins and finance; null for a pendamping' })
  ewalletNumber: string | null;

  @Field(() => String, { nullable: true })
  ewalletNumberMasked: string | null;

  @Field()
  changedAt: Date;

  @Field({ description: 'No payout is made before this (a day after a change)' })
  payoutsHeldUntil: Date;
}

export function toPayoutDetailsModel(entity: PayoutDetailsEntity, showNumbers: boolean): PayoutDetails {
  return {
    sellerId: entity.sellerId,
    method: entity.method,
    bankCode: entity.bankCode,
    bankName: bankByCode(entity.bankCode)?.name ?? null,
    accountNumber: showNumbers ? entity.accountNumber : null,
    accountNumberMasked: maskNumber(entity.accountNumber),
    accountHolderName: entity.accountHolderName,
    ewalletProvider: entity.ewalletProvider,
    ewalletNumber: showNumbers ? entity.ewalletNumber : null,
    ewalletNumberMasked: maskNumber(entity.ewalletNumber),
    changedAt: entity.changedAt,
    payoutsHeldUntil: entity.payoutsHeldUntil,
  };
}

@ObjectType('Payout', { description: "One seller's payout in a run" })
export class Payout {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  runId: string;

  @Field(() => ID)
  sellerId: string;

  @Field(() => RupiahScalar)
  amountIdr: bigint;

  @Field({ description: 'What the transfer says (KI-<run>-<n>)' })
  reference: string;

  @Field(() => PayoutStatus)
  status: PayoutStatus;

  @Field(() => PayoutMethod)
  method: PayoutMethod;

  @Field(() => String, { nullable: true })
  bankName: string | null;

  @Field(() => String, { nullable: true })
  accountNumberMasked: string | null;

  @Field(() => String, { nullable: true })
  accountHolderName: string | null;

  @Field(() => EwalletProvider, { nullable: true })
  ewalletProvider: EwalletProvider | null;

  @Field(() => String, { nullable: true, description: "The bank's reference of the transfer" })
  transferReference: string | null;

  @Field(() => String, { nullable: true })
  failureReason: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Sent (cash: handed over)' })
  paidAt: Date | null;

  @Field(() => Date, { nullable: true })
  failedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Cash: when she confirmed she received it' })
  cashReceivedAt: Date | null;

  receiptPhotoKey: string | null;
}

export const toPayoutModel = (entity: PayoutEntity): Payout => ({
  id: entity.id,
  runId: entity.runId,
  sellerId: entity.sellerId,
  amountIdr: entity.amountIdr,
  reference: entity.reference,
  status: entity.status,
  method: entity.method,
  bankName: bankByCode(entity.bankCode)?.name ?? null,
  accountNumberMasked: maskNumber(entity.accountNumber ?? entity.ewalletNumber),
  accountHolderName: entity.accountHolderName,
  ewalletProvider: entity.ewalletProvider,
  transferReference: entity.transferReference,
  failureReason: entity.failureReason,
  createdAt: entity.createdAt,
  paidAt: entity.paidAt,
  failedAt: entity.failedAt,
  cashReceivedAt: entity.cashReceivedAt,
  receiptPhotoKey: entity.receiptPhotoKey,
});

@ObjectType('PayoutRun', { description: 'A batch of payouts made at once by finance' })
export class PayoutRun {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  number: number;

  @Field()
  createdAt: Date;

  @Field()
  createdByName: string;

  @Field(() => RupiahScalar)
  minimumIdr: bigint;

  @Field(() => RupiahScalar)
  totalIdr: bigint;

  @Field(() => Int)
  payoutCount: number;

  @Field({ description: 'The bank transfer file (CSV), for ADMIN and FINANCE: GET it with the same bearer token' })
  bankFilePath: string;
}

export const toPayoutRunModel = (entity: PayoutRunEntity): PayoutRun => ({
  id: entity.id,
  number: entity.number,
  createdAt: entity.createdAt,
  createdByName: entity.createdByName,
  minimumIdr: entity.minimumIdr,
  totalIdr: entity.totalIdr,
  payoutCount: entity.payoutCount,
  bankFilePath: `/payouts/${entity.id}.csv`,
});

@ObjectType({ implements: () => [ErrorResult] })
export class PayoutNotFoundError extends ErrorResult {
  @Field(() => ID)
  payoutId: string;

  constructor(payoutId: string) {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_FOUND, message: 'No payout has this id', payoutId });
  }
}

@ObjectType({ implements: () => [ErrorResult], description: 'The payout is not in a state that allows this (already paid, failed, not cash…)' })
export class PayoutNotAllowedError extends ErrorResult {
  @Field(() => PayoutStatus)
  status: PayoutStatus;

  constructor(status: PayoutStatus, message: string) {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_ALLOWED_NOW, status, message });
  }
}

@ObjectType({ implements: () => [ErrorResult], description: 'No seller has an available balance at or above the minimum, with payout details not on hold' })
export class NothingToPayError extends ErrorResult {
  @Field(() => RupiahScalar)
  minimumIdr: bigint;

  constructor(minimumIdr: bigint) {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_ALLOWED_NOW, message: 'Nothing to pay out', minimumIdr });
  }
}
