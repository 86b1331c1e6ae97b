import { Injectable } from '@nestjs/common';
import { COMMISSION_RATE_BASIS_POINTS, within } from '@karya-ibu/types/rules';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { InvalidInputError } from '../../common/errors/error-result.js';
import { isUuid } from '../../common/graphql/ids.js';
import type { ProductCategory } from '../catalog/models/catalog.enums.js';
import { SellerDirectoryService } from '../sellers/seller-directory.service.js';
import { TrainingService } from '../training/training.service.js';
import { commissionFor, type FrozenCommission } from './commission.js';
import type { SetCommissionRuleInput } from './dto/set-commission-rule.input.js';
import { CommissionRuleEntity } from './entities/commission-rule.entity.js';
import { CommissionScope } from './models/commission-scope.enum.js';
import { toCommissionRuleModel, type CommissionRule } from './models/commission-rule.model.js';

/** The most specific scope wins: a seller's own rule, then her cohort's (the agency's subsidy), then the category's, then the default. */
const PRECEDENCE = [CommissionScope.SELLER, CommissionScope.TRAINING_PROGRAM, CommissionScope.CATEGORY, CommissionScope.DEFAULT];

/** What the orders module knows about a line when it is bought. */
export interface RateQuery {
  sellerId: string;
  category: ProductCategory;
  /** The cohorts she trained in (TrainingService.programsBySellerIds). */
  trainingProgramIds: readonly string[];
  /** The moment of purchase. */
  at: Date;
}

/** The rate chosen for a purchase, and the rule behind it (to show). */
export interface ResolvedCommission extends FrozenCommission {
  scope: CommissionScope;
}

@Injectable()
export class CommissionsService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly training: TrainingService,
    private readonly sellers: SellerDirectoryService,
  ) {}

  /**
   * The rate to freeze on an order line bought now: among the active rules valid at `at` that target
   * her, her cohorts, the category or everyone, the most specific scope; within one scope the lowest
   * rate (in her favour). Throws when no rule applies: the migration creates a default.
   */
  async rateFor(ctx: RequestContext, query: RateQuery): Promise<ResolvedCommission> {
    const rules: CommissionRuleEntity[] = await this.db.rows(
      ctx,
      CommissionRuleEntity,
      `SELECT r.* FROM commission_rules r
       WHERE r.active AND (r.valid_from IS NULL OR r.valid_from <= $1) AND (r.valid_until IS NULL OR r.valid_until > $1)
         AND (r.scope = 'DEFAULT' OR r.seller_id = $2 OR r.category = $3 OR r.training_program_id = ANY($4::uuid[]))`,
      [query.at, query.sellerId, query.category, query.trainingProgramIds.filter(isUuid)],
    );
    const best = rules.sort((a, b) => PRECEDENCE.indexOf(a.scope) - PRECEDENCE.indexOf(b.scope) || a.rateBasisPoints - b.rateBasisPoints || b.createdAt.getTime() - a.createdAt.getTime())[0];
    if (!best) throw new Error('No commission rule applies: the DEFAULT rule is missing');
    return { ruleId: best.id, scope: best.scope, rateBasisPoints: best.rateBasisPoints, floorIdr: best.floorIdr, capIdr: best.capIdr };
  }

  /** The commission of one line at a frozen rate: the one rule, for the orders module and the ledger alike. */
  commissionFor(rate: FrozenCommission, grossIdr: bigint): bigint {
    return commissionFor(rate, grossIdr);
  }

  async rules(ctx: RequestContext): Promise<CommissionRule[]> {
    const rules = await this.db.getRepository(ctx, CommissionRuleEntity).find({ order: { active: 'DESC', scope: 'ASC', createdAt: 'ASC' } });
    return rules.map(toCommissionRuleModel);
  }

  /** Creates or changes a rule (ADMIN). Lines bought before keep the rate frozen on them. */
  async setRule(ctx: RequestContext, input: SetCommissionRuleInput): Promise<CommissionRule | InvalidInputError> {
    const repository = this.db.getRepository(ctx, CommissionRuleEntity);
    let existing: CommissionRuleEntity | null = null;
    if (input.id != null) {
      existing = isUuid(input.id) ? await repository.findOneBy({ id: input.id }) : null;
      if (!existing) return new InvalidInputError('input.id', 'UNKNOWN_OPTION', 'No commission rule has this id');
    } else if (input.scope === CommissionScope.DEFAULT) {
      // There is one default rate: setting it again changes it.
      existing = await repository.findOneBy({ scope: CommissionScope.DEFAULT, active: true });
    }
    const invalid = await this.invalidRule(ctx, input);
    if (invalid) return invalid;
    let validUntil = input.validUntil ?? null;
    if (input.scope === CommissionScope.TRAINING_PROGRAM && input.monthsAfterTraining != null) {
      const program = await this.training.findProgram(ctx, input.trainingProgramId!);
      validUntil = monthsAfter(program!.endDate, input.monthsAfterTraining);
    }
    const saved = await repository.save(
      repository.create({
        ...(existing ?? {}),
        scope: input.scope,
        sellerId: input.scope === CommissionScope.SELLER ? input.sellerId! : null,
        category: input.scope === CommissionScope.CATEGORY ? input.category! : null,
        trainingProgramId: input.scope === CommissionScope.TRAINING_PROGRAM ? input.trainingProgramId! : null,
        rateBasisPoints: input.rateBasisPoints,
        floorIdr: input.floorIdr ?? null,
        capIdr: input.capIdr ?? null,
        validFrom: input.validFrom ?? null,
        validUntil,
        monthsAfterTraining: input.scope === CommissionScope.TRAINING_PROGRAM ? (input.monthsAfterTraining ?? null) : null,
        active: input.active ?? true,
        note: (input.note ?? existing?.note ?? '').trim().slice(0, 500),
        updatedByUserId: ctx.person.userId,
      }),
    );
    return toCommissionRuleModel(saved);
  }

  private async invalidRule(ctx: RequestContext, input: SetCommissionRuleInput): Promise<InvalidInputError | null> {
    const { min, max } = COMMISSION_RATE_BASIS_POINTS;
    if (!Number.isInteger(input.rateBasisPoints) || !within(input.rateBasisPoints, COMMISSION_RATE_BASIS_POINTS)) {
      return new InvalidInputError('input.rateBasisPoints', 'OUT_OF_RANGE', `A rate is ${min} to ${max} basis points`, { min, max });
    }
    for (const field of ['floorIdr', 'capIdr'] as const) {
      if (input[field] != null && input[field]! < 0n) return new InvalidInputError(`input.${field}`, 'OUT_OF_RANGE', 'Cannot be negative', { min: 0 });
    }
    if (input.floorIdr != null && input.capIdr != null && input.floorIdr > input.capIdr) return new InvalidInputError('input.capIdr', 'OUT_OF_RANGE', 'The cap is below the floor');
    if (input.validFrom && input.validUntil && input.validFrom >= input.validUntil) return new InvalidInputError('input.validUntil', 'OUT_OF_RANGE', 'Must be after validFrom');
    if (input.monthsAfterTraining != null) {
      if (input.scope !== CommissionScope.TRAINING_PROGRAM) return new InvalidInputError('input.monthsAfterTraining', 'UNKNOWN_OPTION', 'Only for TRAINING_PROGRAM rules');
      if (input.validUntil != null) return new InvalidInputError('input.validUntil', 'UNKNOWN_OPTION', 'Give validUntil or monthsAfterTraining, not both');
      if (!Number.isInteger(input.monthsAfterTraining) || input.monthsAfterTraining < 1 || input.monthsAfterTraining > 120) {
        return new InvalidInputError('input.monthsAfterTraining', 'OUT_OF_RANGE', '1 to 120 months', { min: 1, max: 120 });
      }
    }
    // Each scope names its target and only its target.
    const targets = { sellerId: CommissionScope.SELLER, category: CommissionScope.CATEGORY, trainingProgramId: CommissionScope.TRAINING_PROGRAM } as const;
    for (const [field, scope] of Object.entries(targets) as [keyof typeof targets, CommissionScope][]) {
      const given = input[field] != null;
      if (given !== (input.scope === scope)) return new InvalidInputError(`input.${field}`, given ? 'UNKNOWN_OPTION' : 'REQUIRED', given ? `Only for ${scope} rules` : `A ${scope} rule names its target`);
    }
    if (input.scope === CommissionScope.SELLER && !(await this.sellers.findByIds(ctx, [input.sellerId!])).has(input.sellerId!)) {
      return new InvalidInputError('input.sellerId', 'UNKNOWN_OPTION', 'No seller has this id');
    }
    if (input.scope === CommissionScope.TRAINING_PROGRAM && !(await this.training.findProgram(ctx, input.trainingProgramId!))) {
      return new InvalidInputError('input.trainingProgramId', 'UNKNOWN_OPTION', 'No training program has this id');
    }
    return null;
  }
}

/** The start (00:00 WITA) of the day `months` months after a calendar date. */
function monthsAfter(date: string, months: number): Date {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, day));
  return new Date(target.getTime() - 8 * 3_600_000);
}
