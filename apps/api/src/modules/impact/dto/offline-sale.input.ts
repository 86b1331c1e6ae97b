import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar, RupiahScalar } from '../../../common/graphql/scalars.js';
import { OfflineSaleChannel } from '../models/impact.enums.js';

@InputType({ description: 'A sale outside the marketplace; sellerId for a pendamping recording for her (left out: the caller\'s own shop)' })
export class OfflineSaleInput {
  @Field(() => ID, { nullable: true })
  sellerId?: string | null;

  @Field(() => DateScalar, { description: 'The day of the sale (WITA)' })
  soldOn: string;

  @Field(() => RupiahScalar)
  amountIdr: bigint;

  @Field(() => OfflineSaleChannel)
  channel: OfflineSaleChannel;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
