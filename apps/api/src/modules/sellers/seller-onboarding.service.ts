import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { EntityKind, InvalidInputError, lengthError, NotFoundError } from '../../common/errors/error-result.js';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { uniqueSlug } from '../../common/text/slug.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { DISPLAY_NAME_LENGTH, normalizeIndonesianPhone, REJECTION_REASON_LENGTH, SELLER_STORY_LENGTH } from '@karya-ibu/types/rules';
import { Role } from '../accounts/models/role.enum.js';
import { AuditService } from '../audit/audit.service.js';
import { KampungService } from '../kampung/kampung.service.js';
import { KampungStatus } from '../kampung/models/kampung-status.enum.js';
import type { RosterEntry } from '../training/models/roster.model.js';
import { RosterService } from '../training/roster.service.js';
import { TrainingService } from '../training/training.service.js';
import type { ApplyAsSellerInput } from './dto/apply-as-seller.input.js';
import type { SellerEntity } from './entities/seller.entity.js';
import { SellerStatus } from './models/seller-status.enum.js';
import { toSellerModel, type Seller } from './models/seller.model.js';
import { SellerRepository, type SellerRow } from './seller.repository.js';
import { AlreadyAppliedError, NotYourSellerError, SellerAlreadyVerifiedError, type ApplyAsSellerResult, type RejectSellerResult, type VerifySellerResult } from './sellers.errors.js';

const unknownProgram = (field: string) => new InvalidInputError(field, 'UNKNOWN_OPTION', `${field}: training program not found`);

/** Becoming a seller: she applies; an officer or her kampung's pendamping checks her against the cohort roster and verifies or rejects her. */
@Injectable()
export class SellerOnboardingService {
  constructor(
    private readonly sellers: SellerRepository,
    private readonly kampung: KampungService,
    private readonly training: TrainingService,
    private readonly rosters: RosterService,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
  ) {}

  async applyAsSeller(ctx: RequestContext, input: ApplyAsSellerInput): Promise<typeof ApplyAsSellerResult> {
    const person = ctx.person;
    const existing = await this.sellers.findByUserId(ctx, person.userId);
    if (existing) return new AlreadyAppliedError(existing.status);
    // Only active kampung KB are offered: another one is as unknown to the form as a made-up id.
    const kampung = isUuid(input.kampungId) ? await this.kampung.findById(ctx, input.kampungId) : null;
    if (kampung?.status !== KampungStatus.ACTIVE) return new InvalidInputError('input.kampungId', 'UNKNOWN_OPTION', 'input.kampungId: not an active kampung KB');
    if (input.trainingProgramId != null && !(await this.training.findProgram(ctx, input.trainingProgramId))) return unknownProgram('input.trainingProgramId');
    const displayName = (input.displayName ?? person.displayName).trim();
    const story = input.story.trim();
    const invalid = lengthError('input.displayName', displayName, DISPLAY_NAME_LENGTH) ?? lengthError('input.story', story, SELLER_STORY_LENGTH);
    if (invalid) return invalid;
    const whatsapp = normalizeIndonesianPhone(input.whatsapp);
    if (!whatsapp) return new InvalidInputError('input.whatsapp', input.whatsapp.trim() ? 'BAD_FORMAT' : 'REQUIRED', 'input.whatsapp: not an Indonesian WhatsApp number');

    const row: SellerRow = {
      displayName,
      slug: await uniqueSlug(displayName, (slug) => this.sellers.slugExists(ctx, slug), 'penjual'),
      kampungId: kampung.id,
      story,
      whatsappNumber: whatsapp,
      joinedAt: new Date(),
      isDemo: false,
      userId: person.userId,
      status: SellerStatus.PENDING,
      appliedTrainingProgramId: input.trainingProgramId ?? null,
      reviewedAt: null,
      reviewedByUserId: null,
      rejectionReason: null,
    };
    // Two applications racing: the unique index on her account decides.
    const seller = await this.sellers.insert(ctx, row).catch((error: { code?: string }) => {
      if (error.code === '23505') return null;
      throw error;
    });
    if (!seller) return new AlreadyAppliedError(SellerStatus.PENDING);
    await this.audit.recordForSeller(ctx, { seller, onBehalf: false }, { action: 'SELLER_APPLIED', ...sellerSubject(seller), before: null, after: reviewState(seller) });
    return toSellerModel(seller);
  }

  /** Applications waiting for review: every kampung for officers, her own kampung KB for a pendamping. */
  async pendingSellers(ctx: RequestContext): Promise<Seller[]> {
    const kampungIds = ctx.hasRole(Role.OFFICER, Role.ADMIN) ? null : await this.kampung.pendampingKampungIds(ctx, ctx.person.userId);
    if (kampungIds && kampungIds.length === 0) return [];
    return (await this.sellers.findByStatus(ctx, SellerStatus.PENDING, kampungIds)).map(toSellerModel);
  }

  /** Verifies her against the cohort roster: enrolls her in the cohort, gives her account the SELLER role and opens her shop. Verifying twice changes nothing. */
  async verifySeller(ctx: RequestContext, sellerId: string, trainingProgramId?: string | null): Promise<typeof VerifySellerResult> {
    return this.review(ctx, sellerId, async (seller) => {
      if (seller.status === SellerStatus.VERIFIED) return false;
      const programId = trainingProgramId ?? seller.appliedTrainingProgramId;
      if (programId && !(await this.training.findProgram(ctx, programId))) return unknownProgram('trainingProgramId');
      seller.status = SellerStatus.VERIFIED;
      seller.rejectionReason = null;
      if (programId) await this.training.enrollSeller(ctx, programId, seller.id, new Date());
      if (seller.userId) await this.accounts.grantRole(ctx, seller.userId, Role.SELLER);
      return true;
    });
  }

  async rejectSeller(ctx: RequestContext, sellerId: string, reason: string): Promise<typeof RejectSellerResult> {
    const trimmed = reason.trim();
    const invalid = lengthError('reason', trimmed, REJECTION_REASON_LENGTH);
    if (invalid) return invalid;
    return this.review(ctx, sellerId, async (seller) => {
      if (seller.status === SellerStatus.VERIFIED) return new SellerAlreadyVerifiedError();
      if (seller.status === SellerStatus.REJECTED && seller.rejectionReason === trimmed) return false;
      seller.status = SellerStatus.REJECTED;
      seller.rejectionReason = trimmed;
      return true;
    });
  }

  /**
   * One decision under her row lock, in the caller's transaction, with its audit entry; nothing when
   * `decide` changes nothing, or refuses with an error result (before it writes anything).
   */
  private async review<Refusal>(ctx: RequestContext, sellerId: string, decide: (seller: SellerEntity) => Promise<boolean | Refusal>): Promise<Seller | NotFoundError | NotYourSellerError | Refusal> {
    if (!isUuid(sellerId)) throw badInput('sellerId', `"${sellerId}" is not an id returned by this API`);
    const seller = await this.sellers.findByIdForUpdate(ctx, sellerId);
    if (!seller) return new NotFoundError(EntityKind.SELLER);
    if (!(await this.mayReview(ctx, seller))) return new NotYourSellerError(seller.id);
    const before = reviewState(seller);
    const decision = await decide(seller);
    if (decision !== true) return decision === false ? toSellerModel(seller) : decision;
    seller.reviewedAt = new Date();
    seller.reviewedByUserId = ctx.person.userId;
    const saved = await this.sellers.save(ctx, seller);
    await this.audit.recordForSeller(ctx, { seller: saved, onBehalf: true }, {
      action: saved.status === SellerStatus.VERIFIED ? 'SELLER_VERIFIED' : 'SELLER_REJECTED',
      ...sellerSubject(saved),
      before,
      after: reviewState(saved),
    });
    return toSellerModel(saved);
  }

  /** Officers and admins review anyone; a pendamping the applicants of her kampung KB (the resolver admits no other role); nobody herself. */
  private async mayReview(ctx: RequestContext, seller: SellerEntity): Promise<boolean> {
    const { userId } = ctx.person;
    if (seller.userId === userId) throw userError('FORBIDDEN', 'You cannot review yourself.');
    return ctx.hasRole(Role.OFFICER, Role.ADMIN) || (ctx.hasRole(Role.PENDAMPING) && this.kampung.isPendampingOf(ctx, userId, seller.kampungId));
  }

  /**
   * Roster lines (of any cohort) carrying each seller's WhatsApp number or her account's phone, for
   * the reviewers who may see her: officers and admins for everyone, a pendamping only for the sellers
   * of her kampung KB (null for the others). Batched: three queries for a whole page of sellers.
   */
  async rosterMatchesFor(ctx: RequestContext, sellers: readonly Seller[]): Promise<Map<string, RosterEntry[] | null>> {
    const everyone = ctx.hasRole(Role.OFFICER, Role.ADMIN);
    const kampungIds = everyone ? null : new Set(ctx.hasRole(Role.PENDAMPING) ? await this.kampung.pendampingKampungIds(ctx, ctx.person.userId) : []);
    const visible = sellers.filter((seller) => kampungIds === null || kampungIds.has(seller.kampungId));
    const accounts = await this.accounts.summariesByIds(ctx, visible.flatMap((seller) => (seller.userId ? [seller.userId] : [])));
    const phonesOf = (seller: Seller) => new Set([seller.whatsappNumber, ...(seller.userId ? [accounts.get(seller.userId)?.phone ?? null] : [])].filter((phone): phone is string => !!phone));
    const entries = await this.rosters.findByPhones(ctx, [...new Set(visible.flatMap((seller) => [...phonesOf(seller)]))]);
    const result = new Map<string, RosterEntry[] | null>(sellers.map((seller) => [seller.id, null]));
    for (const seller of visible) {
      const phones = phonesOf(seller);
      result.set(seller.id, entries.filter((entry) => phones.has(entry.phone)));
    }
    return result;
  }
}

const sellerSubject = (seller: SellerEntity) => ({ subjectType: 'SELLER', subjectId: seller.id });

const reviewState = (seller: SellerEntity) => ({ status: seller.status, rejectionReason: seller.rejectionReason });
