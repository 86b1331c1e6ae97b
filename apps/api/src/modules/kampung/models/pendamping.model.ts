import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('PendampingSummary', { description: 'A pendamping assigned to a kampung KB (for officers)' })
export class PendampingSummary {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;
}
