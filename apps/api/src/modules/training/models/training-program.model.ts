import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, RupiahScalar } from '../../../common/graphql/scalars.js';
import type { TrainingProgramEntity } from '../entities/training-program.entity.js';
import { TrainingSkill } from './training-skill.enum.js';

@ObjectType('TrainingProgram', { description: 'A DP3AKB training cohort, e.g. Pelatihan Membatik' })
export class TrainingProgram {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  title: string;

  @Field(() => TrainingSkill)
  skill: TrainingSkill;

  @Field(() => DateScalar)
  startDate: string;

  @Field(() => DateScalar)
  endDate: string;

  @Field(() => Int)
  days: number;

  @Field(() => RupiahScalar)
  budgetIdr: bigint;

  @Field()
  provider: string;

  @Field(() => Int)
  participantCount: number;

  @Field()
  location: string;

  @Field()
  description: string;
}

export function toTrainingProgramModel(entity: TrainingProgramEntity): TrainingProgram {
  return {
    id: entity.id,
    slug: entity.slug,
    title: entity.title,
    skill: entity.skill,
    startDate: entity.startDate,
    endDate: entity.endDate,
    days: entity.days,
    budgetIdr: entity.budgetIdr,
    provider: entity.provider,
    participantCount: entity.participantCount,
    location: entity.location,
    description: entity.description,
  };
}
