import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  BUYER = 'BUYER',
  SELLER = 'SELLER',
  /** A facilitator who lists and manages products for the sellers of her kampung KB. */
  PENDAMPING = 'PENDAMPING',
  /** DP3AKB staff: kampung, cohorts, verification. */
  OFFICER = 'OFFICER',
  ADMIN = 'ADMIN',
  /** Finance staff: confirms bank transfers, refunds, payout runs and the bank file, marks payouts paid or failed, reconciliation. */
  FINANCE = 'FINANCE',
}

registerEnumType(Role, { name: 'Role' });
