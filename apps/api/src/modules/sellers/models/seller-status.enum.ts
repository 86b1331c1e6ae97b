import { registerEnumType } from '@nestjs/graphql';

export enum SellerStatus {
  /** Applied; waits for an officer or her kampung's pendamping to check her against the cohort roster. */
  PENDING = 'PENDING',
  /** Checked: her ACTIVE products are on sale. */
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}

registerEnumType(SellerStatus, { name: 'SellerStatus' });
