import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class RegisterInput {
  @Field()
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Indonesian mobile number: 08…, 628… or +628…' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field({ description: 'At least 8 characters' })
  password: string;
}
