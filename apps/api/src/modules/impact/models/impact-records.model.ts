import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, RupiahScalar } from '../../../common/graphql/scalars.js';
import type { ImpactExportEntity } from '../entities/impact-export.entity.js';
import type { OfflineSaleEntity } from '../entities/offline-sale.entity.js';
import type { SurveyTaskEntity } from '../entities/survey-task.entity.js';
import { ExportFormat, ExportStatus, OfflineSaleChannel } from './impact.enums.js';

/** Days after recording during which a sale or a survey answer may still be corrected. */
export const EDITABLE_DAYS = 7;
const editableUntil = (createdAt: Date) => new Date(createdAt.getTime() + EDITABLE_DAYS * 86_400_000);

@ObjectType('OfflineSale', { description: 'A sale outside the marketplace (self-reported)' })
export class OfflineSale {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  sellerId: string;

  @Field(() => DateScalar)
  soldOn: string;

  @Field(() => RupiahScalar)
  amountIdr: bigint;

  @Field(() => OfflineSaleChannel)
  channel: OfflineSaleChannel;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field({ description: 'Who recorded it' })
  recordedByName: string;

  @Field({ description: 'Recorded by someone helping her ("dibantu oleh")' })
  onBehalf: boolean;

  @Field()
  isDemo: boolean;

  @Field()
  createdAt: Date;

  @Field({ description: 'Until when it may be corrected or removed' })
  editableUntil: Date;
}

export const toOfflineSaleModel = (e: OfflineSaleEntity): OfflineSale => ({
  id: e.id,
  sellerId: e.sellerId,
  soldOn: e.soldOn,
  amountIdr: e.amountIdr,
  channel: e.channel,
  note: e.note,
  recordedByName: e.recordedByName,
  onBehalf: e.onBehalf,
  isDemo: e.isDemo,
  createdAt: e.createdAt,
  editableUntil: editableUntil(e.createdAt),
});

@ObjectType('RemovedOfflineSale')
export class RemovedOfflineSale {
  @Field(() => ID)
  id: string;
}

@ObjectType('SurveyTask', { description: 'A follow-up survey of one participant: her total monthly income, all sources' })
export class SurveyTask {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Months after the cohort ended: 3, 6 or 12' })
  wave: number;

  @Field(() => DateScalar)
  dueOn: string;

  @Field()
  participantName: string;

  @Field(() => ID, { nullable: true, description: 'Her shop, when she has one' })
  sellerId: string | null;

  @Field(() => ID)
  kampungId: string;

  @Field()
  kampungName: string;

  @Field(() => ID)
  trainingProgramId: string;

  @Field()
  cohortTitle: string;

  @Field(() => RupiahScalar, { nullable: true, description: 'Her monthly income before training (roster)' })
  baselineIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  monthlyIncomeIdr: bigint | null;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Field(() => String, { nullable: true })
  answeredByName: string | null;

  @Field()
  onBehalf: boolean;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  isDemo: boolean;
}

export interface SurveyTaskContext {
  participantName: string;
  sellerId: string | null;
  kampungName: string;
  cohortTitle: string;
  baselineIdr: bigint | null;
}

export const toSurveyTaskModel = (e: SurveyTaskEntity, about: SurveyTaskContext): SurveyTask => ({
  id: e.id,
  wave: e.wave,
  dueOn: e.dueOn,
  kampungId: e.kampungId,
  trainingProgramId: e.trainingProgramId,
  monthlyIncomeIdr: e.monthlyIncomeIdr,
  answeredAt: e.answeredAt,
  answeredByName: e.answeredByName,
  onBehalf: e.onBehalf,
  note: e.note,
  isDemo: e.isDemo,
  ...about,
});

@ObjectType('UppkaMember')
export class UppkaMember {
  @Field(() => ID)
  sellerId: string;

  @Field()
  displayName: string;

  @Field()
  slug: string;
}

@ObjectType('UppkaGroup', { description: 'An UPPKA group (family-income group of a Kampung KB, Peraturan BKKBN 17/2020)' })
export class UppkaGroup {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  kampungId: string;

  @Field()
  kampungName: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [UppkaMember])
  members: UppkaMember[];
}

@ObjectType('ImpactExport', { description: 'A report file being made or made, and the log line of who asked for it' })
export class ImpactExport {
  @Field(() => ID)
  id: string;

  @Field(() => ExportFormat)
  format: ExportFormat;

  @Field(() => ExportStatus)
  status: ExportStatus;

  @Field(() => Int, { description: '0–100' })
  progress: number;

  @Field()
  withNames: boolean;

  @Field({ description: 'The filter as asked, as JSON' })
  filterJson: string;

  @Field()
  requestedByName: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => String, { nullable: true })
  fileName: string | null;

  @Field(() => Int, { nullable: true })
  byteSize: number | null;

  @Field(() => String, { nullable: true, description: 'A link valid for 10 minutes, to the requester only, once READY' })
  downloadUrl: string | null;

  @Field(() => String, { nullable: true })
  failureReason: string | null;

  requestedByUserId: string;
  fileKey: string | null;
}

export const toImpactExportModel = (e: ImpactExportEntity): ImpactExport => ({
  id: e.id,
  format: e.format,
  status: e.status,
  progress: e.progress,
  withNames: e.withNames,
  filterJson: JSON.stringify(e.filter),
  requestedByName: e.requestedByName,
  createdAt: e.createdAt,
  finishedAt: e.finishedAt,
  fileName: e.fileName,
  byteSize: e.byteSize,
  downloadUrl: null,
  failureReason: e.failureReason,
  requestedByUserId: e.requestedByUserId,
  fileKey: e.fileKey,
});

@ObjectType('SaleSinceTraining', { description: '"Pembelian ini adalah penjualan ke-N Ibu X sejak pelatihan"' })
export class SaleSinceTraining {
  @Field(() => ID)
  sellerId: string;

  @Field()
  sellerName: string;

  @Field(() => Int)
  ordinal: number;

  @Field(() => String, { nullable: true, description: 'Her first training' })
  trainingTitle: string | null;
}
