import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';

/** A payout as a provider needs it: how much, to where, and our reference (its idempotency key). */
export interface ProviderPayout {
  payoutId: string;
  reference: string;
  amountIdr: bigint;
  method: string;
  bankCode: string | null;
  accountNumber: string | null;
  accountHolderName: string | null;
  ewalletProvider: string | null;
  ewalletNumber: string | null;
}

/**
 * Who sends the money of a payout run. The manual provider (the default) sends nothing: finance
 * uploads the run's bank file to the bank's bulk transfer and marks each payout paid or failed. A
 * local payout API (Xendit, Midtrans Iris) would submit each payout here, with its reference as the
 * idempotency key, after the run has committed, and mark them from its callbacks.
 */
export abstract class PayoutProvider {
  abstract readonly name: string;
  abstract submit(ctx: RequestContext, payouts: ProviderPayout[]): Promise<void>;
}

@Injectable()
export class ManualPayoutProvider extends PayoutProvider {
  readonly name = 'manual';

  async submit(): Promise<void> {
    // Finance transfers by hand with the bank file (GET /payouts/<run>.csv).
  }
}
