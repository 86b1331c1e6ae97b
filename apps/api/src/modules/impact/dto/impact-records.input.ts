import { Field, ID, InputType } from '@nestjs/graphql';
import { RupiahScalar } from '../../../common/graphql/scalars.js';

@InputType()
export class SurveyAnswerInput {
  @Field(() => ID)
  taskId: string;

  @Field(() => RupiahScalar, { description: 'Her total monthly income now, all sources' })
  monthlyIncomeIdr: bigint;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class UppkaGroupInput {
  @Field(() => ID)
  kampungId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
