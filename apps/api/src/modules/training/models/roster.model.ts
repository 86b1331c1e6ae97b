import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InvalidInputError } from '../../../common/errors/error-result.js';
import { RupiahScalar } from '../../../common/graphql/scalars.js';
import type { RosterEntryEntity } from '../entities/roster-entry.entity.js';

export enum RosterRowOutcome {
  NEW = 'NEW',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  INVALID = 'INVALID',
}
registerEnumType(RosterRowOutcome, { name: 'RosterRowOutcome' });

@ObjectType('RosterRowResult', { description: 'One line of an imported roster file and what importing it does' })
export class RosterRowResult {
  @Field(() => Int)
  line: number;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field()
  kampung: string;

  @Field(() => RupiahScalar, { nullable: true })
  baselineMonthlyIncomeIdr: bigint | null;

  @Field(() => RosterRowOutcome)
  outcome: RosterRowOutcome;

  @Field(() => [InvalidInputError], { description: 'What is wrong with the line, by column (nama, telepon, kampung, penghasilan)' })
  errors: InvalidInputError[];
}

@ObjectType('RosterImportReport')
export class RosterImportReport {
  @Field({ description: 'False for a preview (dryRun): nothing was saved' })
  applied: boolean;

  @Field(() => Int)
  newCount: number;

  @Field(() => Int)
  updatedCount: number;

  @Field(() => Int)
  unchangedCount: number;

  @Field(() => Int)
  invalidCount: number;

  @Field(() => [RosterRowResult])
  rows: RosterRowResult[];
}

@ObjectType('RosterEntry', { description: 'A participant on a cohort roster' })
export class RosterEntry {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  phone: string;

  @Field(() => RupiahScalar)
  baselineMonthlyIncomeIdr: bigint;

  @Field(() => ID)
  trainingProgramId: string;

  @Field({ description: 'A fictional line of the demo seed' })
  isDemo: boolean;

  kampungId: string;
}

export const toRosterEntryModel = (entity: RosterEntryEntity): RosterEntry => ({
  id: entity.id,
  name: entity.name,
  phone: entity.phone,
  baselineMonthlyIncomeIdr: entity.baselineMonthlyIncomeIdr,
  trainingProgramId: entity.trainingProgramId,
  isDemo: entity.isDemo,
  kampungId: entity.kampungId,
});
