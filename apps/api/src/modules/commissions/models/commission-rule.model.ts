import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RupiahScalar } from '../../../common/graphql/scalars.js';
import { ProductCategory } from '../../catalog/models/catalog.enums.js';
import type { CommissionRuleEntity } from '../entities/commission-rule.entity.js';
import { CommissionScope } from './commission-scope.enum.js';

@ObjectType('CommissionRule', { description: 'A commission rate for a seller, a training cohort, a category or everyone; frozen on each order line at purchase' })
export class CommissionRule {
  @Field(() => ID)
  id: string;

  @Field(() => CommissionScope)
  scope: CommissionScope;

  @Field(() => ID, { nullable: true })
  sellerId: string | null;

  @Field(() => ProductCategory, { nullable: true })
  category: ProductCategory | null;

  @Field(() => ID, { nullable: true })
  trainingProgramId: string | null;

  @Field(() => Int, { description: '1000 is 10 %' })
  rateBasisPoints: number;

  @Field(() => RupiahScalar, { nullable: true, description: 'Least commission of one order line' })
  floorIdr: bigint | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Most commission of one order line' })
  capIdr: bigint | null;

  @Field(() => Date, { nullable: true })
  validFrom: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive' })
  validUntil: Date | null;

  @Field(() => Int, { nullable: true, description: 'For a cohort: the rule lasts this many months after its training ended' })
  monthsAfterTraining: number | null;

  @Field()
  active: boolean;

  @Field()
  note: string;

  @Field()
  updatedAt: Date;
}

export const toCommissionRuleModel = (entity: CommissionRuleEntity): CommissionRule => ({
  id: entity.id,
  scope: entity.scope,
  sellerId: entity.sellerId,
  category: entity.category,
  trainingProgramId: entity.trainingProgramId,
  rateBasisPoints: entity.rateBasisPoints,
  floorIdr: entity.floorIdr,
  capIdr: entity.capIdr,
  validFrom: entity.validFrom,
  validUntil: entity.validUntil,
  monthsAfterTraining: entity.monthsAfterTraining,
  active: entity.active,
  note: entity.note,
  updatedAt: entity.updatedAt,
});
