import { Injectable } from '@nestjs/common';
import { signInFirst, type RequestContext } from '../../common/context/request-context.js';
import { userError } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { Role } from '../accounts/models/role.enum.js';
import type { ActingFor } from '../audit/audit.service.js';
import { KampungService } from '../kampung/kampung.service.js';
import type { SellerEntity } from './entities/seller.entity.js';
import { SellerStatus } from './models/seller-status.enum.js';
import { toSellerModel, type Seller } from './models/seller.model.js';
import { SellerRepository } from './seller.repository.js';

/** The seller a caller acts for, and whether she is someone else (pendamping, admin) acting on her behalf. */
export interface ActingSeller extends ActingFor {
  seller: Seller;
}

export const sellerNotFound = () => userError('NOT_FOUND', 'Penjual tidak ditemukan. (Seller not found.)');
const notAssisting = () => userError('FORBIDDEN', 'Anda tidak mendampingi penjual ini. (You do not assist this seller.)');
const notVerified = () => userError('FORBIDDEN', 'Toko ini belum diverifikasi DP3AKB. (This shop is not verified yet.)');

/**
 * Who may manage a seller's products: she herself, a pendamping of her kampung KB, or an admin; and
 * only once her shop is verified.
 */
@Injectable()
export class SellerAccessService {
  constructor(
    private readonly sellers: SellerRepository,
    private readonly kampung: KampungService,
  ) {}

  /** The seller the caller acts for (herself without sellerId); FORBIDDEN or NOT_FOUND saying why not. */
  async actingSeller(ctx: RequestContext, sellerId?: string | null): Promise<ActingSeller> {
    const { userId } = ctx.person;
    const entity = sellerId == null ? await this.sellers.findByUserId(ctx, userId) : isUuid(sellerId) ? await this.sellers.findById(ctx, sellerId) : null;
    if (!entity) {
      if (sellerId == null) throw userError('FORBIDDEN', 'Anda belum terdaftar sebagai penjual. (You are not a seller yet.)');
      throw sellerNotFound();
    }
    const verdict = this.verdict(ctx, entity, await this.assistedKampungIds(ctx, [entity]));
    if (typeof verdict === 'function') throw verdict();
    return verdict;
  }

  /**
   * Of these sellers, the ones the caller may act for, by id (Immich's bulk access checks): one query
   * for the sellers and at most one for her pendamping assignments, however many sellers.
   */
  async actingSellers(ctx: RequestContext, sellerIds: readonly string[]): Promise<Map<string, ActingSeller>> {
    if (!ctx.personOrNull) throw signInFirst();
    const entities = await this.sellers.findByIds(ctx, [...new Set(sellerIds.filter(isUuid))]);
    const assisted = await this.assistedKampungIds(ctx, entities);
    const allowed = new Map<string, ActingSeller>();
    for (const entity of entities) {
      const verdict = this.verdict(ctx, entity, assisted);
      if (typeof verdict !== 'function') allowed.set(entity.id, verdict);
    }
    return allowed;
  }

  /** The rule itself: acting for her, or the refusal to throw. */
  private verdict(ctx: RequestContext, entity: SellerEntity, assistedKampungIds: ReadonlySet<string>): ActingSeller | (() => Error) {
    const own = entity.userId === ctx.person.userId;
    if (!own && !ctx.hasRole(Role.ADMIN) && !(ctx.hasRole(Role.PENDAMPING) && assistedKampungIds.has(entity.kampungId))) return notAssisting;
    if (entity.status !== SellerStatus.VERIFIED) return notVerified;
    return { seller: toSellerModel(entity), onBehalf: !own };
  }

  /** The kampung KB the caller assists, looked up only when it can matter (a pendamping, not an admin, asking about others). */
  private async assistedKampungIds(ctx: RequestContext, entities: readonly SellerEntity[]): Promise<ReadonlySet<string>> {
    const { userId } = ctx.person;
    const matters = ctx.hasRole(Role.PENDAMPING) && !ctx.hasRole(Role.ADMIN) && entities.some((entity) => entity.userId !== userId);
    return new Set(matters ? await this.kampung.pendampingKampungIds(ctx, userId) : []);
  }
}
