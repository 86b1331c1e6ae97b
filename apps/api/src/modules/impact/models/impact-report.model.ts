import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, RupiahScalar } from '../../../common/graphql/scalars.js';

@ObjectType('IncomeSummary', { description: 'Monthly rupiah amounts of a group of participants: count, total, mean and quartiles (linear interpolation, type 7)' })
export class IncomeSummary {
  @Field(() => Int, { description: 'Participants the figures describe' })
  count: number;

  @Field(() => RupiahScalar)
  total: bigint;

  @Field(() => RupiahScalar, { nullable: true })
  mean: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  q1: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  median: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  q3: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  min: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  max: bigint | null;
}

@ObjectType('SalesIncome', { description: 'A participant\'s mean monthly income from sales after training, by source: marketplace (verified) and offline (self-reported) kept apart, and their sum' })
export class SalesIncome {
  @Field(() => IncomeSummary, { description: 'Marketplace: net income from the ledger (verified)' })
  marketplace: IncomeSummary;

  @Field(() => IncomeSummary, { description: 'Offline sales recorded by her or her pendamping (self-reported)' })
  offline: IncomeSummary;

  @Field(() => IncomeSummary, { description: 'Both together' })
  combined: IncomeSummary;
}

@ObjectType('RetentionPoint', { description: 'Still selling k months after training: a sale (any source) in the three months up to month k' })
export class RetentionPoint {
  @Field(() => Int)
  months: number;

  @Field(() => Int, { description: 'Participants whose k-th month after training has come' })
  eligible: number;

  @Field(() => Int)
  retained: number;

  @Field(() => Float, { nullable: true, description: '0..1; null when nobody is eligible yet' })
  rate: number | null;
}

@ObjectType('ImpactMonth', { description: 'One WITA month of the period' })
export class ImpactMonth {
  @Field({ description: 'YYYY-MM (WITA)' })
  month: string;

  @Field(() => Int, { description: 'Participants whose training had ended before this month' })
  eligibleParticipants: number;

  @Field(() => RupiahScalar, { description: 'Marketplace net income (verified)' })
  marketplaceIdr: bigint;

  @Field(() => RupiahScalar, { description: 'Offline sales (self-reported)' })
  offlineIdr: bigint;

  @Field(() => RupiahScalar, { nullable: true })
  meanMarketplaceIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  meanOfflineIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Mean baseline (income before training) of the eligible participants' })
  baselineMeanIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Mean total monthly income of the survey answers due this month (self-reported)' })
  surveyMeanIdr: bigint | null;

  @Field(() => Int)
  surveyAnswers: number;
}

@ObjectType('IncomeBin')
export class IncomeBin {
  @Field()
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('ImpactGroupRow', { description: 'The indicators of one kampung KB, UPPKA group or cohort' })
export class ImpactGroupRow {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int)
  participants: number;

  @Field(() => Int)
  sellersVerified: number;

  @Field(() => Int)
  activeSellers90: number;

  @Field(() => RupiahScalar, { nullable: true })
  baselineMedianIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Mean monthly marketplace income per participant (verified)' })
  marketplaceMeanIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Mean monthly offline sales per participant (self-reported)' })
  offlineMeanIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Median monthly income from sales, both sources' })
  salesMedianIdr: bigint | null;

  @Field(() => RupiahScalar, { description: 'Omzet: marketplace and offline sales of the period' })
  salesTotalIdr: bigint;

  @Field(() => RupiahScalar, { nullable: true, description: 'Mean of survey answer − baseline (self-reported)' })
  surveyUpliftMeanIdr: bigint | null;

  @Field(() => Int)
  productsListed: number;
}

@ObjectType('ProvinceReach')
export class ProvinceReachModel {
  @Field()
  province: string;

  @Field(() => Int, { description: 'Paid seller orders whose buyer lives in this province' })
  orders: number;

  @Field(() => Int, { description: 'Sellers of the report who sold to this province' })
  sellers: number;
}

@ObjectType('KampungCoverage', { description: 'Kampung KB reached against the programme\'s target' })
export class KampungCoverage {
  @Field(() => Int, { description: 'Kampung KB with participants in this report' })
  withParticipants: number;

  @Field(() => Int)
  active: number;

  @Field(() => Int, { description: 'Active and target kampung KB together: the aim' })
  target: number;

  @Field(() => [String], { description: 'Target kampung KB not active yet' })
  targetNames: string[];
}

@ObjectType('ImpactRoi', { description: 'Phillips ROI over the period: ROI % = (benefit − cost) / cost × 100, benefit/cost ratio' })
export class ImpactRoi {
  @Field(() => RupiahScalar, { description: 'Training budget of the cohorts, in proportion to the participants in the report' })
  costIdr: bigint;

  @Field(() => RupiahScalar, { description: 'Marketplace income only (verified)' })
  benefitVerifiedIdr: bigint;

  @Field(() => RupiahScalar, { description: 'Marketplace income and offline sales (partly self-reported)' })
  benefitWithSelfReportedIdr: bigint;

  @Field(() => Float, { nullable: true })
  roiVerifiedPercent: number | null;

  @Field(() => Float, { nullable: true })
  roiWithSelfReportedPercent: number | null;

  @Field(() => Float, { nullable: true })
  benefitCostRatioVerified: number | null;

  @Field(() => Float, { nullable: true })
  benefitCostRatioWithSelfReported: number | null;

  @Field(() => Int, { description: 'Participant-months after training that the benefit covers' })
  participantMonths: number;

  @Field({ description: 'The caveat in plain words (Bahasa Indonesia)' })
  caveat: string;
}

@ObjectType('DifferenceInDifferences', { description: 'Survey income (self-reported) before and after, against a comparison group: (treated after − before) − (comparison after − before)' })
export class DifferenceInDifferencesModel {
  @Field({ description: 'Who the comparison group is (Bahasa Indonesia)' })
  comparisonGroup: string;

  @Field(() => Int)
  treatedCount: number;

  @Field(() => Int)
  controlCount: number;

  @Field(() => RupiahScalar)
  treatedBeforeIdr: bigint;

  @Field(() => RupiahScalar)
  treatedAfterIdr: bigint;

  @Field(() => RupiahScalar)
  controlBeforeIdr: bigint;

  @Field(() => RupiahScalar)
  controlAfterIdr: bigint;

  @Field(() => RupiahScalar, { description: 'The raw before–after change of the participants' })
  treatedChangeIdr: bigint;

  @Field(() => RupiahScalar)
  controlChangeIdr: bigint;

  @Field(() => RupiahScalar, { description: 'The difference-in-differences estimate' })
  estimateIdr: bigint;
}

@ObjectType('ParticipantImpactRow', { description: 'One participant\'s figures (individual income: officers and her pendamping only)' })
export class ParticipantImpactRow {
  @Field(() => ID, { nullable: true })
  sellerId: string | null;

  @Field()
  name: string;

  @Field()
  kampungName: string;

  @Field()
  cohortTitle: string;

  @Field(() => RupiahScalar, { nullable: true })
  baselineIdr: bigint | null;

  @Field(() => Int)
  monthsSinceTraining: number;

  @Field(() => RupiahScalar, { description: 'Marketplace income of the period (verified)' })
  marketplaceIdr: bigint;

  @Field(() => RupiahScalar, { description: 'Offline sales of the period (self-reported)' })
  offlineIdr: bigint;

  @Field(() => RupiahScalar, { nullable: true })
  salesMonthlyIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Latest survey answer in the period (self-reported)' })
  latestSurveyIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  surveyUpliftIdr: bigint | null;

  @Field(() => DateScalar, { nullable: true })
  lastSaleOn: string | null;

  @Field(() => Int)
  productsListed: number;

  @Field()
  active90: boolean;
}

@ObjectType('ImpactPeriod')
export class ImpactPeriod {
  @Field({ description: 'First month, YYYY-MM (WITA)' })
  from: string;

  @Field({ description: 'Last month, YYYY-MM (WITA)' })
  to: string;

  @Field(() => DateScalar, { description: 'The day the figures are as of' })
  asOf: string;
}

@ObjectType('ImpactReport', { description: 'What training produced, for a filter: every income split by source' })
export class ImpactReport {
  @Field(() => ImpactPeriod)
  period: ImpactPeriod;

  @Field({ description: 'False while the marketplace has no orders: its figures are 0 and shown as "belum ada data"' })
  marketplaceHasData: boolean;

  @Field(() => Int)
  participants: number;

  @Field(() => Int)
  sellersVerified: number;

  @Field(() => Int, { description: 'Sold (any source) in the 30 days up to the as-of day' })
  activeSellers30: number;

  @Field(() => Int)
  activeSellers90: number;

  @Field(() => [RetentionPoint], { description: 'At 3, 6 and 12 months' })
  retention: RetentionPoint[];

  @Field(() => [RetentionPoint], { description: 'Months 1 to 12' })
  retentionCurve: RetentionPoint[];

  @Field(() => IncomeSummary, { description: 'Monthly income before training, from the cohort roster' })
  baseline: IncomeSummary;

  @Field(() => SalesIncome)
  salesIncome: SalesIncome;

  @Field(() => RupiahScalar)
  marketplaceTotalIdr: bigint;

  @Field(() => RupiahScalar)
  offlineTotalIdr: bigint;

  @Field(() => IncomeSummary, { description: 'Latest survey answer in the period: total monthly income, all sources (self-reported)' })
  survey: IncomeSummary;

  @Field(() => IncomeSummary, { description: 'Survey answer − baseline, per participant who has both' })
  surveyUplift: IncomeSummary;

  @Field(() => RupiahScalar, { nullable: true, description: 'Mean additional monthly income from sales per participant (both sources)' })
  upliftPerParticipantIdr: bigint | null;

  @Field(() => Int)
  productsListed: number;

  @Field(() => Int, { description: 'Marketplace orders of the period' })
  orders: number;

  @Field(() => Int)
  offlineSales: number;

  @Field(() => [ProvinceReachModel])
  buyerProvinces: ProvinceReachModel[];

  @Field(() => KampungCoverage)
  coverage: KampungCoverage;

  @Field(() => [ImpactMonth])
  monthly: ImpactMonth[];

  @Field(() => [IncomeBin], { description: 'Participants by mean monthly income from sales' })
  distribution: IncomeBin[];

  @Field(() => [ImpactGroupRow])
  byKampung: ImpactGroupRow[];

  @Field(() => [ImpactGroupRow])
  byUppkaGroup: ImpactGroupRow[];

  @Field(() => [ImpactGroupRow])
  byCohort: ImpactGroupRow[];

  @Field(() => ImpactRoi, { nullable: true, description: 'Null when the cohorts have no budget' })
  roi: ImpactRoi | null;

  @Field(() => DifferenceInDifferencesModel, { nullable: true, description: 'With one cohort and a comparison group of at least 5 people with both figures' })
  differenceInDifferences: DifferenceInDifferencesModel | null;

  @Field({ description: 'Why there is no difference-in-differences estimate, or what it compares' })
  differenceInDifferencesNote: string;

  @Field(() => [ParticipantImpactRow])
  participantRows: ParticipantImpactRow[];

  @Field({ description: 'A paragraph for a Kampung KB website "intervensi" post (aggregates only)' })
  intervensiText: string;
}
