import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, RupiahScalar } from '../../../common/graphql/scalars.js';
import { OfflineSale, SurveyTask } from './impact-records.model.js';

@ObjectType('ParticipantCohort')
export class ParticipantCohort {
  @Field(() => ID)
  trainingProgramId: string;

  @Field()
  title: string;

  @Field(() => DateScalar)
  endDate: string;

  @Field(() => Int)
  monthsSinceTraining: number;

  @Field(() => RupiahScalar, { nullable: true, description: 'Her monthly income before this training (roster)' })
  baselineIdr: bigint | null;
}

@ObjectType('ParticipantMonth')
export class ParticipantMonth {
  @Field({ description: 'YYYY-MM (WITA)' })
  month: string;

  @Field(() => RupiahScalar, { description: 'Marketplace net income (verified)' })
  marketplaceIdr: bigint;

  @Field(() => Int)
  orders: number;

  @Field(() => RupiahScalar, { description: 'Offline sales (self-reported)' })
  offlineIdr: bigint;

  @Field(() => Int)
  offlineSales: number;

  @Field(() => RupiahScalar, { nullable: true, description: 'Survey answer due this month (self-reported, total income)' })
  surveyIdr: bigint | null;
}

@ObjectType('ParticipantImpact', { description: 'One participant\'s income after training, by source (officers, her pendamping, herself)' })
export class ParticipantImpact {
  @Field(() => ID)
  sellerId: string;

  @Field()
  displayName: string;

  @Field()
  kampungName: string;

  @Field()
  isDemo: boolean;

  @Field()
  marketplaceHasData: boolean;

  @Field(() => [ParticipantCohort])
  cohorts: ParticipantCohort[];

  @Field(() => [ParticipantMonth], { description: 'The last 12 WITA months' })
  months: ParticipantMonth[];

  @Field(() => RupiahScalar)
  marketplaceTotalIdr: bigint;

  @Field(() => RupiahScalar)
  offlineTotalIdr: bigint;

  @Field(() => Int)
  orders: number;

  @Field(() => Int)
  productsListed: number;

  @Field(() => DateScalar, { nullable: true })
  lastSaleOn: string | null;

  @Field(() => [OfflineSale], { description: 'Her latest 50 offline sales' })
  offlineSales: OfflineSale[];

  @Field(() => [SurveyTask])
  surveys: SurveyTask[];
}

@ObjectType('PublicImpactRow', { description: 'A cohort or kampung KB in public figures: a figure about fewer than 5 people is null' })
export class PublicImpactRow {
  @Field()
  name: string;

  @Field(() => Int, { nullable: true })
  participants: number | null;

  @Field(() => Int, { nullable: true })
  sellersVerified: number | null;

  @Field(() => Int, { nullable: true })
  activeSellers90: number | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Median monthly income from sales after training, both sources' })
  salesMedianIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  salesTotalIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Median of survey answer − baseline (self-reported)' })
  surveyUpliftMedianIdr: bigint | null;

  @Field(() => Int, { nullable: true })
  surveyAnswers: number | null;
}

@ObjectType('PublicImpact', { description: 'What training produced, aggregates only (cells under 5 people suppressed)' })
export class PublicImpact {
  @Field({ description: 'YYYY-MM' })
  from: string;

  @Field({ description: 'YYYY-MM' })
  to: string;

  @Field(() => Int)
  minimumCell: number;

  @Field()
  marketplaceHasData: boolean;

  @Field(() => PublicImpactRow)
  total: PublicImpactRow;

  @Field(() => [PublicImpactRow])
  cohorts: PublicImpactRow[];

  @Field(() => [PublicImpactRow])
  kampungs: PublicImpactRow[];
}
