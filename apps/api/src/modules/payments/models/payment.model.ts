import { Field, ObjectType } from '@nestjs/graphql';
import { RupiahScalar } from '../../../common/graphql/scalars.js';
import type { PaymentEntity } from '../entities/payment.entity.js';
import { PaymentMethod, PaymentStatus } from './payment.enums.js';

@ObjectType('BankTransferInstructions', { description: 'Where and how much to transfer: the exact amount (its last digits are the order\'s unique code) before the deadline' })
export class BankTransferInstructions {
  @Field()
  bank: string;

  @Field()
  accountNumber: string;

  @Field()
  accountHolder: string;

  @Field(() => RupiahScalar, { description: 'Exactly this, unique code included' })
  amountIdr: bigint;

  @Field(() => Date, { description: 'UTC; shown in WITA' })
  deadline: Date;
}

@ObjectType('OrderPayment', { description: 'How the order is paid, and where that stands' })
export class OrderPayment {
  @Field(() => PaymentMethod)
  method: PaymentMethod;

  @Field(() => PaymentStatus)
  status: PaymentStatus;

  @Field(() => RupiahScalar)
  amountIdr: bigint;

  @Field(() => String, { nullable: true, description: 'Card: Stripe\'s hosted page to pay on, while it is open' })
  checkoutUrl: string | null;

  @Field(() => BankTransferInstructions, { nullable: true })
  bankTransfer: BankTransferInstructions | null;

  @Field(() => Date, { nullable: true })
  paidAt: Date | null;
}

export const toOrderPayment = (payment: PaymentEntity, bank: { bank: string; number: string; holder: string }): OrderPayment => ({
  method: payment.method,
  status: payment.status,
  amountIdr: payment.amountIdr,
  checkoutUrl: payment.status === PaymentStatus.PENDING ? payment.checkoutUrl : null,
  bankTransfer:
    payment.method === PaymentMethod.BANK_TRANSFER && payment.deadline
      ? { bank: bank.bank, accountNumber: bank.number, accountHolder: bank.holder, amountIdr: payment.amountIdr, deadline: payment.deadline }
      : null,
  paidAt: payment.settledAt,
});
