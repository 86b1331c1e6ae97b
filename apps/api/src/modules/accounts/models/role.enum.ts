import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  BUYER = 'BUYER',
  SELLER = 'SELLER',
  /** A facilitator who lists and manages products for the sellers of her kampung KB. */
  PENDAMPING = 'PENDAMPING',
  /** DP3AKB staff: kampung, cohorts, verification. */
  OFFICER = 'OFFICER',
  ADMIN = 'ADMIN',
  /** Finance staff: payout runs, the bank file, marking payouts paid or failed, reconciliation. */
  FINANCE = 'FINANCE',
}

registerEnumType(Role, { name: 'Role' });
