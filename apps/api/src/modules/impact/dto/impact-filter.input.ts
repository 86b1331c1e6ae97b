import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../../../common/graphql/scalars.js';

@InputType({ description: 'Which participants and which months: every field optional; the period defaults to the last 12 months (WITA)' })
export class ImpactFilterInput {
  @Field(() => ID, { nullable: true, description: 'One cohort; without it each person counts once, from her first training' })
  trainingProgramId?: string | null;

  @Field(() => ID, { nullable: true })
  kampungId?: string | null;

  @Field(() => String, { nullable: true })
  kecamatan?: string | null;

  @Field(() => ID, { nullable: true })
  uppkaGroupId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The period starts with the WITA month of this day' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The period ends with the WITA month of this day' })
  to?: string | null;
}
