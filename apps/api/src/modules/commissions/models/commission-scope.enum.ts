import { registerEnumType } from '@nestjs/graphql';

/** Whom a commission rule is for; a purchase takes the most specific that applies: SELLER, then TRAINING_PROGRAM, CATEGORY, DEFAULT. */
export enum CommissionScope {
  SELLER = 'SELLER',
  TRAINING_PROGRAM = 'TRAINING_PROGRAM',
  CATEGORY = 'CATEGORY',
  DEFAULT = 'DEFAULT',
}

registerEnumType(CommissionScope, { name: 'CommissionScope' });
