import { Field, ID, InputType } from '@nestjs/graphql';
import { RupiahScalar } from '../../../common/graphql/scalars.js';
import { PayoutMethod } from '../../ledger/models/ledger.enums.js';
import { EwalletProvider } from '../models/payout.enums.js';

@InputType()
export class SetPayoutDetailsInput {
  @Field(() => ID, { nullable: true, description: 'ADMIN only: the seller; she herself leaves it out' })
  sellerId?: string | null;

  @Field(() => PayoutMethod)
  method: PayoutMethod;

  @Field(() => String, { nullable: true, description: 'BANK_TRANSFER: the bank code (payoutBanks)' })
  bankCode?: string | null;

  @Field(() => String, { nullable: true, description: 'BANK_TRANSFER: digits (spaces and dashes are ignored)' })
  accountNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'BANK_TRANSFER and EWALLET: the name on the account' })
  accountHolderName?: string | null;

  @Field(() => EwalletProvider, { nullable: true })
  ewalletProvider?: EwalletProvider | null;

  @Field(() => String, { nullable: true, description: 'EWALLET: her phone number registered with it' })
  ewalletNumber?: string | null;
}

@InputType()
export class CreatePayoutRunInput {
  @Field(() => RupiahScalar, { nullable: true, description: 'Pay only balances of at least this much (default Rp 50.000)' })
  minimumIdr?: bigint | null;

  @Field(() => [ID], { nullable: true, description: 'Only these sellers (default: every seller with enough available)' })
  sellerIds?: string[] | null;
}
