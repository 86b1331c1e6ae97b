import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { uniqueSlug } from '../../common/text/slug.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { DISPLAY_NAME_LENGTH, normalizeIndonesianPhone, REJECTION_REASON_LENGTH, SELLER_STORY_LENGTH, within } from '@karya-ibu/types/rules';
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
import { sellerNotFound } from './seller-access.service.js';
import { SellerRepository, type SellerRow } from './seller.repository.js';

const alreadyApplied = () => userError('CONFLICT', 'Anda sudah mendaftar sebagai penjual. (You have already applied as a seller.)');

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

  async applyAsSeller(ctx: RequestContext, input: ApplyAsSellerInput): Promise<Seller> {
    const person = ctx.person;
    if (await this.sellers.findByUserId(ctx, person.userId)) throw alreadyApplied();
    const kampung = isUuid(input.kampungId) ? await this.kampung.findById(ctx, input.kampungId) : null;
    if (!kampung) throw badInput('input.kampungId', 'Pilih Kampung KB Anda. (Choose your kampung KB.)');
    if (kampung.status !== KampungStatus.ACTIVE) throw badInput('input.kampungId', `${kampung.name} belum menjadi Kampung KB aktif. (Not an active kampung KB yet.)`);
    if (input.trainingProgramId != null && !(await this.training.findProgram(ctx, input.trainingProgramId))) {
      throw badInput('input.trainingProgramId', 'Pelatihan tidak ditemukan. (Training program not found.)');
    }
    const displayName = (input.displayName ?? person.displayName).trim();
    if (!within(displayName.length, DISPLAY_NAME_LENGTH)) throw badInput('input.displayName', `Nama ${DISPLAY_NAME_LENGTH.min}–${DISPLAY_NAME_LENGTH.max} huruf. (Name must be ${DISPLAY_NAME_LENGTH.min}–${DISPLAY_NAME_LENGTH.max} characters.)`);
    const story = input.story.trim();
    if (!within(story.length, SELLER_STORY_LENGTH)) throw badInput('input.story', `Cerita ${SELLER_STORY_LENGTH.min}–${SELLER_STORY_LENGTH.max} huruf. (Story must be ${SELLER_STORY_LENGTH.min}–${SELLER_STORY_LENGTH.max} characters.)`);
    const whatsapp = normalizeIndonesianPhone(input.whatsapp);
    if (!whatsapp) throw badInput('input.whatsapp', 'Nomor WhatsApp Indonesia, mis. 0812 3456 7890. (An Indonesian WhatsApp number.)');

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
    const seller = await this.sellers.insert(ctx, row).catch((error: { code?: string }) => {
      if (error.code === '23505') throw alreadyApplied();
      throw error;
    });
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
  async verifySeller(ctx: RequestContext, sellerId: string, trainingProgramId?: string | null): Promise<Seller> {
    return this.review(ctx, sellerId, async (seller) => {
      if (seller.status === SellerStatus.VERIFIED) return false;
      const programId = trainingProgramId ?? seller.appliedTrainingProgramId;
      if (programId && !(await this.training.findProgram(ctx, programId))) throw badInput('trainingProgramId', 'Pelatihan tidak ditemukan. (Training program not found.)');
      seller.status = SellerStatus.VERIFIED;
      seller.rejectionReason = null;
      if (programId) await this.training.enrollSeller(ctx, programId, seller.id, new Date());
      if (seller.userId) await this.accounts.grantRole(ctx, seller.userId, Role.SELLER);
      return true;
    });
  }

  async rejectSeller(ctx: RequestContext, sellerId: string, reason: string): Promise<Seller> {
    const trimmed = reason.trim();
    if (!within(trimmed.length, REJECTION_REASON_LENGTH)) throw badInput('reason', `Tuliskan alasannya (${REJECTION_REASON_LENGTH.min}–${REJECTION_REASON_LENGTH.max} huruf). (Give a reason, ${REJECTION_REASON_LENGTH.min}–${REJECTION_REASON_LENGTH.max} characters.)`);
    return this.review(ctx, sellerId, async (seller) => {
      if (seller.status === SellerStatus.VERIFIED) throw userError('CONFLICT', 'Penjual ini sudah diverifikasi. (This seller is already verified.)');
      if (seller.status === SellerStatus.REJECTED && seller.rejectionReason === trimmed) return false;
      seller.status = SellerStatus.REJECTED;
      seller.rejectionReason = trimmed;
      return true;
    });
  }

  /** One decision under her row lock, in the caller's transaction, with its audit entry; nothing when `decide` changes nothing. */
  private async review(ctx: RequestContext, sellerId: string, decide: (seller: SellerEntity) => Promise<boolean>): Promise<Seller> {
    if (!isUuid(sellerId)) throw sellerNotFound();
    const seller = await this.sellers.findByIdForUpdate(ctx, sellerId);
    if (!seller) throw sellerNotFound();
    await this.assertMayReview(ctx, seller);
    const before = reviewState(seller);
    if (!(await decide(seller))) return toSellerModel(seller);
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

  private async assertMayReview(ctx: RequestContext, seller: SellerEntity): Promise<void> {
    const { userId } = ctx.person;
    if (seller.userId === userId) throw userError('FORBIDDEN', 'Anda tidak dapat memverifikasi diri sendiri. (You cannot review yourself.)');
    if (ctx.hasRole(Role.OFFICER, Role.ADMIN)) return;
    if (ctx.hasRole(Role.PENDAMPING) && (await this.kampung.isPendampingOf(ctx, userId, seller.kampungId))) return;
    throw userError('FORBIDDEN', 'Hanya petugas DP3AKB atau pendamping kampungnya yang dapat memeriksa penjual ini. (Only DP3AKB officers or her kampung\'s pendamping may review her.)');
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
