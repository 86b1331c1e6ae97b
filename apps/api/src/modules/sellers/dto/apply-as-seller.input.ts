import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class ApplyAsSellerInput {
  @Field(() => ID)
  kampungId: string;

  @Field(() => ID, { nullable: true, description: 'The DP3AKB cohort she was trained in, checked against its roster' })
  trainingProgramId?: string | null;

  @Field(() => String, { nullable: true, description: 'Name shown to buyers; her account name when left out' })
  displayName?: string | null;

  @Field(() => String, { description: 'A few sentences about her and her craft' })
  story: string;

  @Field(() => String, { description: 'WhatsApp number buyers message: 08…, 628… or +628…' })
  whatsapp: string;
}
