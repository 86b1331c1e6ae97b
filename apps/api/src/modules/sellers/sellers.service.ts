import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hasRole, type Actor } from '../../common/auth/actor.js';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { DISPLAY_NAME_LENGTH, normalizeIndonesianPhone, REJECTION_REASON_LENGTH, SELLER_STORY_LENGTH, within } from '@karya-ibu/types/rules';
import { AccountsService } from '../accounts/accounts.service.js';
import { Role } from '../accounts/models/role.enum.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuditEntry } from '../audit/models/audit-entry.model.js';
import { KampungService } from '../kampung/kampung.service.js';
import { KampungStatus } from '../kampung/models/kampung-status.enum.js';
import { uniqueSlug } from '../../common/text/slug.js';
import { TrainingService } from '../training/training.service.js';
import { RosterService } from '../training/roster.service.js';
import type { RosterEntry } from '../training/models/roster.model.js';
import type { ApplyAsSellerInput } from './dto/apply-as-seller.input.js';
import type { SellerEntity } from './entities/seller.entity.js';
import { SellerStatus } from './models/seller-status.enum.js';
import { toSellerModel, type Seller } from './models/seller.model.js';
import { SellerRepository, type SellerRow } from './seller.repository.js';

/** The seller a caller acts for, and whether she is someone else (pendamping, admin) acting on her behalf. */
export interface ActingSeller {
  seller: Seller;
  onBehalf: boolean;
}

/** Audit fields for a change made while acting for a seller. */
export const actingAudit = (actor: Actor, acting: ActingSeller, subjectType: string, subjectId: string) => ({
  actorUserId: actor.userId,
  actorName: actor.displayName,
  sellerId: acting.seller.id,
  onBehalf: acting.onBehalf,
  subjectType,
  subjectId,
});

const notFound = () => userError('NOT_FOUND', 'Penjual tidak ditemukan. (Seller not found.)');

@Injectable()
export class SellersService {
  constructor(
    private readonly sellers: SellerRepository,
    private readonly kampung: KampungService,
    private readonly training: TrainingService,
    private readonly rosters: RosterService,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  // --- The storefront sees verified sellers only.

  async findBySlug(slug: string): Promise<Seller | null> {
    const entity = await this.sellers.findBySlug(slug, SellerStatus.VERIFIED);
    return entity ? toSellerModel(entity) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, Seller>> {
    const valid = ids.filter(isUuid);
    const entities = valid.length ? await this.sellers.findByIds(valid) : [];
    return new Map(entities.map((entity) => [entity.id, toSellerModel(entity)]));
  }

  async listByKampungIds(kampungIds: readonly string[]): Promise<Map<string, Seller[]>> {
    const grouped = new Map<string, Seller[]>(kampungIds.map((id) => [id, []]));
    for (const entity of await this.sellers.findByKampungIds(kampungIds, SellerStatus.VERIFIED)) grouped.get(entity.kampungId)!.push(toSellerModel(entity));
    return grouped;
  }

  countByKampungIds(kampungIds: readonly string[]): Promise<Map<string, number>> {
    return this.sellers.countByKampungIds(kampungIds, SellerStatus.VERIFIED);
  }

  /** The verified sellers of one Kampung KB, for the catalog's kampung filter. */
  idsInKampung(kampungId: string): Promise<string[]> {
    return this.sellers.idsInKampung(kampungId, SellerStatus.VERIFIED);
  }

  // --- Onboarding.

  /** Her own seller profile, whatever its status. */
  async mySeller(actor: Actor): Promise<Seller | null> {
    const entity = await this.sellers.findByUserId(actor.userId);
    return entity ? toSellerModel(entity) : null;
  }

  async applyAsSeller(actor: Actor, input: ApplyAsSellerInput): Promise<Seller> {
    if (await this.sellers.findByUserId(actor.userId)) {
      throw userError('CONFLICT', 'Anda sudah mendaftar sebagai penjual. (You have already applied as a seller.)');
    }
    const kampung = isUuid(input.kampungId) ? await this.kampung.findById(input.kampungId) : null;
    if (!kampung) throw badInput('input.kampungId', 'Pilih Kampung KB Anda. (Choose your kampung KB.)');
    if (kampung.status !== KampungStatus.ACTIVE) throw badInput('input.kampungId', `${kampung.name} belum menjadi Kampung KB aktif. (Not an active kampung KB yet.)`);
    if (input.trainingProgramId != null && !(await this.training.findProgram(input.trainingProgramId))) {
      throw badInput('input.trainingProgramId', 'Pelatihan tidak ditemukan. (Training program not found.)');
    }
    const displayName = (input.displayName ?? actor.displayName).trim();
    if (!within(displayName.length, DISPLAY_NAME_LENGTH)) throw badInput('input.displayName', `Nama ${DISPLAY_NAME_LENGTH.min}–${DISPLAY_NAME_LENGTH.max} huruf. (Name must be ${DISPLAY_NAME_LENGTH.min}–${DISPLAY_NAME_LENGTH.max} characters.)`);
    const story = input.story.trim();
    if (!within(story.length, SELLER_STORY_LENGTH)) throw badInput('input.story', `Cerita ${SELLER_STORY_LENGTH.min}–${SELLER_STORY_LENGTH.max} huruf. (Story must be ${SELLER_STORY_LENGTH.min}–${SELLER_STORY_LENGTH.max} characters.)`);
    const whatsapp = normalizeIndonesianPhone(input.whatsapp);
    if (!whatsapp) throw badInput('input.whatsapp', 'Nomor WhatsApp Indonesia, mis. 0812 3456 7890. (An Indonesian WhatsApp number.)');

    const row: SellerRow = {
      displayName,
      slug: await uniqueSlug(displayName, (slug) => this.sellers.slugExists(slug), 'penjual'),
      kampungId: kampung.id,
      story,
      whatsappNumber: whatsapp,
      joinedAt: new Date(),
      isDemo: false,
      userId: actor.userId,
      status: SellerStatus.PENDING,
      appliedTrainingProgramId: input.trainingProgramId ?? null,
      reviewedAt: null,
      reviewedByUserId: null,
      rejectionReason: null,
    };
    const saved = await this.dataSource
      .transaction(async (manager) => {
        const seller = await this.sellers.insert(manager, row);
        await this.audit.record(manager, { ...auditActor(actor, seller, false), action: 'SELLER_APPLIED', before: null, after: reviewState(seller) });
        return seller;
      })
      .catch((error: { code?: string }) => {
        if (error.code === '23505') throw userError('CONFLICT', 'Anda sudah mendaftar sebagai penjual. (You have already applied as a seller.)');
        throw error;
      });
    return toSellerModel(saved);
  }

  /** Applications waiting for review: every kampung for officers, her own kampung KB for a pendamping. */
  async pendingSellers(actor: Actor): Promise<Seller[]> {
    const kampungIds = hasRole(actor, Role.OFFICER, Role.ADMIN) ? null : await this.kampung.pendampingKampungIds(actor.userId);
    if (kampungIds && kampungIds.length === 0) return [];
    return (await this.sellers.findByStatus(SellerStatus.PENDING, kampungIds)).map(toSellerModel);
  }

  /** Verifies her against the cohort roster: enrolls her in the cohort and opens her shop. Verifying twice changes nothing. */
  async verifySeller(actor: Actor, sellerId: string, trainingProgramId?: string | null): Promise<Seller> {
    return this.review(actor, sellerId, async (seller, manager) => {
      if (seller.status === SellerStatus.VERIFIED) return false;
      const programId = trainingProgramId ?? seller.appliedTrainingProgramId;
      if (programId && !(await this.training.findProgram(programId))) throw badInput('trainingProgramId', 'Pelatihan tidak ditemukan. (Training program not found.)');
      seller.status = SellerStatus.VERIFIED;
      seller.rejectionReason = null;
      if (programId) await this.training.enrollSeller(programId, seller.id, new Date(), manager);
      if (seller.userId) await this.accounts.grantRole(manager, seller.userId, Role.SELLER);
      return true;
    });
  }

  async rejectSeller(actor: Actor, sellerId: string, reason: string): Promise<Seller> {
    const trimmed = reason.trim();
    if (!within(trimmed.length, REJECTION_REASON_LENGTH)) throw badInput('reason', `Tuliskan alasannya (${REJECTION_REASON_LENGTH.min}–${REJECTION_REASON_LENGTH.max} huruf). (Give a reason, ${REJECTION_REASON_LENGTH.min}–${REJECTION_REASON_LENGTH.max} characters.)`);
    return this.review(actor, sellerId, async (seller) => {
      if (seller.status === SellerStatus.VERIFIED) throw userError('CONFLICT', 'Penjual ini sudah diverifikasi. (This seller is already verified.)');
      if (seller.status === SellerStatus.REJECTED && seller.rejectionReason === trimmed) return false;
      seller.status = SellerStatus.REJECTED;
      seller.rejectionReason = trimmed;
      return true;
    });
  }

  private async review(actor: Actor, sellerId: string, decide: (seller: SellerEntity, manager: EntityManager) => Promise<boolean>): Promise<Seller> {
    if (!isUuid(sellerId)) throw notFound();
    const result = await this.dataSource.transaction(async (manager) => {
      const seller = await this.sellers.findByIdForUpdate(manager, sellerId);
      if (!seller) throw notFound();
      await this.assertMayReview(actor, seller);
      const before = reviewState(seller);
      if (!(await decide(seller, manager))) return seller;
      seller.reviewedAt = new Date();
      seller.reviewedByUserId = actor.userId;
      const saved = await this.sellers.save(manager, seller);
      await this.audit.record(manager, {
        ...auditActor(actor, saved, true),
        action: saved.status === SellerStatus.VERIFIED ? 'SELLER_VERIFIED' : 'SELLER_REJECTED',
        before,
        after: reviewState(saved),
      });
      return saved;
    });
    return toSellerModel(result);
  }

  private async assertMayReview(actor: Actor, seller: SellerEntity): Promise<void> {
    if (seller.userId === actor.userId) throw userError('FORBIDDEN', 'Anda tidak dapat memverifikasi diri sendiri. (You cannot review yourself.)');
    if (hasRole(actor, Role.OFFICER, Role.ADMIN)) return;
    if (hasRole(actor, Role.PENDAMPING) && (await this.kampung.isPendampingOf(actor.userId, seller.kampungId))) return;
    throw userError('FORBIDDEN', 'Hanya petugas DP3AKB atau pendamping kampungnya yang dapat memeriksa penjual ini. (Only DP3AKB officers or her kampung\'s pendamping may review her.)');
  }

  // --- Acting for a seller.

  /**
   * Who may manage a seller's products: she herself, a pendamping of her kampung KB, or an admin.
   * Without sellerId the caller acts as herself. Her shop must be verified.
   */
  async actingSeller(actor: Actor, sellerId?: string | null): Promise<ActingSeller> {
    const entity = sellerId == null ? await this.sellers.findByUserId(actor.userId) : isUuid(sellerId) ? await this.sellers.findById(sellerId) : null;
    if (!entity) {
      if (sellerId == null) throw userError('FORBIDDEN', 'Anda belum terdaftar sebagai penjual. (You are not a seller yet.)');
      throw notFound();
    }
    const own = entity.userId === actor.userId;
    if (!own && !hasRole(actor, Role.ADMIN)) {
      const helps = hasRole(actor, Role.PENDAMPING) && (await this.kampung.isPendampingOf(actor.userId, entity.kampungId));
      if (!helps) throw userError('FORBIDDEN', 'Anda tidak mendampingi penjual ini. (You do not assist this seller.)');
    }
    if (entity.status !== SellerStatus.VERIFIED) {
      throw userError('FORBIDDEN', 'Toko ini belum diverifikasi DP3AKB. (This shop is not verified yet.)');
    }
    return { seller: toSellerModel(entity), onBehalf: !own };
  }

  /**
   * Roster lines (of any cohort) carrying each seller's WhatsApp number or her account's phone, for
   * the reviewers who may see her: officers and admins for everyone, a pendamping only for the sellers
   * of her kampung KB (null for the others). Batched: three queries for a whole page of sellers.
   */
  async rosterMatchesFor(actor: Actor, sellers: readonly Seller[]): Promise<Map<string, RosterEntry[] | null>> {
    const everyone = hasRole(actor, Role.OFFICER, Role.ADMIN);
    const kampungIds = everyone ? null : new Set(hasRole(actor, Role.PENDAMPING) ? await this.kampung.pendampingKampungIds(actor.userId) : []);
    const visible = sellers.filter((seller) => kampungIds === null || kampungIds.has(seller.kampungId));
    const accounts = await this.accounts.summariesByIds(visible.flatMap((seller) => (seller.userId ? [seller.userId] : [])));
    const phonesOf = (seller: Seller) => new Set([seller.whatsappNumber, ...(seller.userId ? [accounts.get(seller.userId)?.phone ?? null] : [])].filter((phone): phone is string => !!phone));
    const entries = await this.rosters.findByPhones([...new Set(visible.flatMap((seller) => [...phonesOf(seller)]))]);
    const result = new Map<string, RosterEntry[] | null>(sellers.map((seller) => [seller.id, null]));
    for (const seller of visible) {
      const phones = phonesOf(seller);
      result.set(seller.id, entries.filter((entry) => phones.has(entry.phone)));
    }
    return result;
  }

  /** The sellers a pendamping helps (all statuses), for her seller switcher. */
  async assistedSellers(actor: Actor): Promise<Seller[]> {
    const kampungIds = await this.kampung.pendampingKampungIds(actor.userId);
    return kampungIds.length ? (await this.sellers.findByKampungIds(kampungIds)).map(toSellerModel) : [];
  }

  /** Her history: what she and those helping her changed, newest first. */
  async sellerActivity(actor: Actor, sellerId: string | null | undefined, first: number): Promise<AuditEntry[]> {
    if (first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
    const { seller } = await this.actingSeller(actor, sellerId);
    return this.audit.forSeller(seller.id, first);
  }

  /** Demo data, upserted by slug; verified unless told otherwise. */
  async saveSeedSeller(
    seller: Pick<SellerRow, 'displayName' | 'slug' | 'kampungId' | 'story' | 'whatsappNumber' | 'joinedAt' | 'isDemo'> & Partial<Pick<SellerRow, 'userId' | 'status'>>,
  ): Promise<Seller> {
    return toSellerModel(
      await this.sellers.upsertBySlug({
        userId: null,
        status: SellerStatus.VERIFIED,
        appliedTrainingProgramId: null,
        reviewedAt: seller.status === SellerStatus.PENDING ? null : seller.joinedAt,
        reviewedByUserId: null,
        rejectionReason: null,
        ...seller,
      }),
    );
  }
}

const auditActor = (actor: Actor, seller: SellerEntity, reviewing: boolean) => ({
  actorUserId: actor.userId,
  actorName: actor.displayName,
  sellerId: seller.id,
  onBehalf: reviewing || seller.userId !== actor.userId,
  subjectType: 'SELLER',
  subjectId: seller.id,
});

const reviewState = (seller: SellerEntity) => ({ status: seller.status, rejectionReason: seller.rejectionReason });
