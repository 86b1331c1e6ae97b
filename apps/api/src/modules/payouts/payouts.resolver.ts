import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { InvalidInputError, resultUnion } from '../../common/errors/error-result.js';
import { PhotoFileError } from '../media/media.errors.js';
import { firstWithin } from '../../common/errors/user-errors.js';
import { Role } from '../accounts/models/role.enum.js';
import { SellerBalance } from '../ledger/models/seller-balance.model.js';
import { PhotoUpload } from '../media/dto/photo-upload.model.js';
import { Seller } from '../sellers/models/seller.model.js';
import { SellerDirectoryService } from '../sellers/seller-directory.service.js';
import { CreatePayoutRunInput, SetPayoutDetailsInput } from './dto/payout.inputs.js';
import { Bank, NothingToPayError, Payout, PayoutDetails, PayoutNotAllowedError, PayoutNotFoundError, PayoutRun } from './models/payout.model.js';
import { ReconciliationReport } from './models/reconciliation.model.js';
import { PayoutDetailsService } from './payout-details.service.js';
import { PayoutsService } from './payouts.service.js';
import { ReconciliationService } from './reconciliation.service.js';

const MONEY_STAFF = [Role.ADMIN, Role.FINANCE];
const SetPayoutDetailsResult = resultUnion('SetPayoutDetailsResult', PayoutDetails, [InvalidInputError]);
const CreatePayoutRunResult = resultUnion('CreatePayoutRunResult', PayoutRun, [NothingToPayError, InvalidInputError]);
const PayoutResult = resultUnion('PayoutResult', Payout, [PayoutNotFoundError, PayoutNotAllowedError, InvalidInputError, PhotoFileError], 'A payout after marking it, or why it was not marked');
const CashReceiptUploadResult = resultUnion('CashReceiptUploadResult', PhotoUpload, [PayoutNotFoundError, PayoutNotAllowedError, PhotoFileError]);
const ReconciliationReportResult = resultUnion('ReconciliationReportResult', ReconciliationReport, [InvalidInputError]);


@Resolver(() => PayoutRun)
export class PayoutsResolver {
  constructor(
    private readonly payoutService: PayoutsService,
    private readonly details: PayoutDetailsService,
    private readonly reconciliation: ReconciliationService,
  ) {}

  @Query(() => [Bank], { description: 'The banks a seller can be paid to, with their codes' })
  payoutBanks(): Bank[] {
    return this.details.banks();
  }

  @Authenticated()
  @Query(() => PayoutDetails, { nullable: true, description: 'Where her money goes: hers (without sellerId), a seller she assists, any for ADMIN and FINANCE' })
  payoutDetails(@Ctx() ctx: RequestContext, @Args('sellerId', { type: () => ID, nullable: true }) sellerId: string | null): Promise<PayoutDetails | null> {
    return this.details.payoutDetails(ctx, sellerId);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => SetPayoutDetailsResult, { description: 'She sets where her money goes (an ADMIN may, audited; a pendamping may not). Tells her, and holds her payouts 24 h' })
  setPayoutDetails(@Ctx() ctx: RequestContext, @Args('input', { type: () => SetPayoutDetailsInput }) input: SetPayoutDetailsInput): Promise<typeof SetPayoutDetailsResult> {
    return this.details.setPayoutDetails(ctx, input);
  }

  @Authenticated(...MONEY_STAFF)
  @Query(() => [PayoutRun], { description: 'Payout runs, newest first' })
  payoutRuns(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<PayoutRun[]> {
    return this.payoutService.runs(ctx, firstWithin(first));
  }

  @Transaction()
  @Authenticated(...MONEY_STAFF)
  @Mutation(() => CreatePayoutRunResult, { description: 'Reserves every available balance above the minimum in one run, one payout per seller' })
  createPayoutRun(@Ctx() ctx: RequestContext, @Args('input', { type: () => CreatePayoutRunInput, nullable: true }) input: CreatePayoutRunInput | null): Promise<typeof CreatePayoutRunResult> {
    return this.payoutService.createPayoutRun(ctx, input ?? {});
  }

  @Transaction()
  @Authenticated(...MONEY_STAFF)
  @Mutation(() => PayoutResult, { description: 'Sent, with the transfer reference (idempotent)' })
  markPayoutPaid(@Ctx() ctx: RequestContext, @Args('payoutId', { type: () => ID }) payoutId: string, @Args('reference', { type: () => String }) reference: string): Promise<typeof PayoutResult> {
    return this.payoutService.markPayoutPaid(ctx, payoutId, reference);
  }

  @Transaction()
  @Authenticated(...MONEY_STAFF)
  @Mutation(() => PayoutResult, { description: 'Failed before sending, or returned by the bank: her money comes back (idempotent)' })
  markPayoutFailed(@Ctx() ctx: RequestContext, @Args('payoutId', { type: () => ID }) payoutId: string, @Args('reason', { type: () => String }) reason: string): Promise<typeof PayoutResult> {
    return this.payoutService.markPayoutFailed(ctx, payoutId, reason);
  }

  @Authenticated(Role.PENDAMPING, Role.ADMIN)
  @Mutation(() => CashReceiptUploadResult, { description: "Where her pendamping PUTs the photo of the signed receipt (JPEG, PNG or WebP), before recordCashHandover" })
  createCashReceiptUpload(
    @Ctx() ctx: RequestContext,
    @Args('payoutId', { type: () => ID }) payoutId: string,
    @Args('contentType', { type: () => String }) contentType: string,
    @Args('byteSize', { type: () => Int }) byteSize: number,
  ): Promise<typeof CashReceiptUploadResult> {
    return this.payoutService.createCashReceiptUpload(ctx, payoutId, contentType, byteSize);
  }

  @Transaction()
  @Authenticated(Role.PENDAMPING, Role.ADMIN)
  @Mutation(() => PayoutResult, { description: 'Her pendamping handed her the cash: the signed receipt photo (from createCashReceiptUpload)' })
  recordCashHandover(@Ctx() ctx: RequestContext, @Args('payoutId', { type: () => ID }) payoutId: string, @Args('receiptPhotoKey', { type: () => String }) receiptPhotoKey: string): Promise<typeof PayoutResult> {
    return this.payoutService.recordCashHandover(ctx, payoutId, receiptPhotoKey);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => PayoutResult, { description: 'She confirms the cash she was handed' })
  confirmCashReceived(@Ctx() ctx: RequestContext, @Args('payoutId', { type: () => ID }) payoutId: string): Promise<typeof PayoutResult> {
    return this.payoutService.confirmCashReceived(ctx, payoutId);
  }

  @Authenticated(...MONEY_STAFF)
  @Query(() => ReconciliationReportResult, { description: 'One WITA month (YYYY-MM): the ledger against orders, Stripe, bank transfers, COD cash and payouts, every difference listed' })
  reconciliationReport(@Ctx() ctx: RequestContext, @Args('period', { type: () => String }) period: string): Promise<typeof ReconciliationReportResult> {
    return this.reconciliation.report(ctx, period);
  }

  @ResolveField(() => [Payout])
  payouts(run: PayoutRun, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<Payout[]> {
    return loaders.get('payoutsByRunId', (ids: readonly string[]) => this.payoutService.payoutsByRunIds(ctx, ids), [] as Payout[]).load(run.id);
  }
}

@Resolver(() => Payout)
export class PayoutFieldsResolver {
  constructor(
    private readonly payoutService: PayoutsService,
    private readonly sellers: SellerDirectoryService,
  ) {}

  @ResolveField(() => Seller, { nullable: true })
  seller(payout: Payout, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<Seller | null> {
    return loaders.get('payoutSellerById', (ids: readonly string[]) => this.sellers.findByIds(ctx, ids), null as Seller | null).load(payout.sellerId);
  }

  @ResolveField(() => String, { nullable: true, description: 'Cash: the photo of the receipt she signed (a link valid for minutes)' })
  receiptPhotoUrl(payout: Payout): Promise<string | null> | null {
    return payout.receiptPhotoKey ? this.payoutService.receiptUrl(payout.receiptPhotoKey) : null;
  }
}

/** Her payouts and payout details on her balance page. */
@Resolver(() => SellerBalance)
export class SellerBalancePayoutsResolver {
  constructor(
    private readonly payoutService: PayoutsService,
    private readonly details: PayoutDetailsService,
  ) {}

  @ResolveField(() => [Payout], { description: 'Her payouts, newest first' })
  payouts(@Ctx() ctx: RequestContext, @Parent() balance: SellerBalance, @Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<Payout[]> {
    return this.payoutService.payoutsOfSeller(ctx, balance.sellerId, firstWithin(first));
  }

  @ResolveField(() => PayoutDetails, { nullable: true })
  payoutDetails(balance: SellerBalance, _args: unknown, { requestContext: ctx }: GraphQLContext): Promise<PayoutDetails | null> {
    return this.details.payoutDetails(ctx, balance.sellerId);
  }
}
