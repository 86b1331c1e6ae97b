import { Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar, RupiahScalar } from '../../../common/graphql/scalars.js';
import { TrainingSkill } from '../models/training-skill.enum.js';

@InputType()
export class TrainingProgramInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => TrainingSkill, { nullable: true })
  skill?: TrainingSkill | null;

  @Field(() => DateScalar, { nullable: true })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  endDate?: string | null;

  @Field(() => RupiahScalar, { nullable: true })
  budgetIdr?: bigint | null;

  @Field(() => String, { nullable: true })
  provider?: string | null;

  @Field(() => Int, { nullable: true })
  participantCount?: number | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
