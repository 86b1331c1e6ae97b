import { registerEnumType } from '@nestjs/graphql';

export enum KampungStatus {
  /** A Kampung KB in the program today. */
  ACTIVE = 'ACTIVE',
  /** Planned to join the program (the coverage target). */
  TARGET = 'TARGET',
}

registerEnumType(KampungStatus, { name: 'KampungStatus' });
