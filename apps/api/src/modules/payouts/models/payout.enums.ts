import { registerEnumType } from '@nestjs/graphql';

export enum EwalletProvider {
  GOPAY = 'GOPAY',
  OVO = 'OVO',
  DANA = 'DANA',
  SHOPEEPAY = 'SHOPEEPAY',
}

/**
 * PENDING: in a run, her money reserved, not yet sent. PAID: sent (a bank transfer's reference, or cash
 * handed over with a signed receipt). FAILED: not sent, the money is back in her balance. RETURNED:
 * sent, then returned by the bank, the money is back too. See payout-status.ts.
 */
export enum PayoutStatus {
  PENDING = 'PENDING',
  PAID = 'PAID',
  FAILED = 'FAILED',
  RETURNED = 'RETURNED',
}

registerEnumType(EwalletProvider, { name: 'EwalletProvider' });
registerEnumType(PayoutStatus, { name: 'PayoutStatus' });
