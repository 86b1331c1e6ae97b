import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { RupiahScalar } from '../../../common/graphql/scalars.js';
import { ProductCategory } from '../../catalog/models/catalog.enums.js';
import { CommissionScope } from '../models/commission-scope.enum.js';

@InputType()
export class SetCommissionRuleInput {
  @Field(() => ID, { nullable: true, description: 'The rule to change; without it a new rule (a DEFAULT changes the one default)' })
  id?: string | null;

  @Field(() => CommissionScope)
  scope: CommissionScope;

  @Field(() => ID, { nullable: true, description: 'SELLER rules' })
  sellerId?: string | null;

  @Field(() => ProductCategory, { nullable: true, description: 'CATEGORY rules' })
  category?: ProductCategory | null;

  @Field(() => ID, { nullable: true, description: 'TRAINING_PROGRAM rules' })
  trainingProgramId?: string | null;

  @Field(() => Int, { description: '0 to 10000; 1000 is 10 %' })
  rateBasisPoints: number;

  @Field(() => RupiahScalar, { nullable: true })
  floorIdr?: bigint | null;

  @Field(() => RupiahScalar, { nullable: true })
  capIdr?: bigint | null;

  @Field(() => Date, { nullable: true })
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  validUntil?: Date | null;

  @Field(() => Int, { nullable: true, description: 'TRAINING_PROGRAM rules: valid until this many months after the training ended (instead of validUntil)' })
  monthsAfterTraining?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  active?: boolean;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
