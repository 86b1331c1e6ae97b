import { Injectable } from '@nestjs/common';
import { signInFirst, type RequestContext } from '../../common/context/request-context.js';
import { EntityKind, isErrorResult, NotFoundError } from '../../common/errors/error-result.js';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { Role } from '../accounts/models/role.enum.js';
import type { ActingFor } from '../audit/audit.service.js';
import { KampungService } from '../kampung/kampung.service.js';
import type { SellerEntity } from './entities/seller.entity.js';
import { SellerStatus } from './models/seller-status.enum.js';
import { toSellerModel, type Seller } from './models/seller.model.js';
import { NotYourSellerError, SellerNotVerifiedError, type SellerAccessRefusal } from './sellers.errors.js';
import { SellerRepository } from './seller.repository.js';

/** The seller a caller acts for, and whether she is someone else (pendamping, admin) acting on her behalf. */
export interface ActingSeller extends ActingFor {
  seller: Seller;
}

const notASeller = () => userError('FORBIDDEN', 'You are not a seller yet.');
const notForOthers = () => userError('FORBIDDEN', 'Only a pendamping or an admin may act for another seller.');

/** A refusal as queries answer it: thrown, as they always did. */
export function thrownRefusal(refusal: SellerAccessRefusal): Error {
  if (refusal instanceof NotFoundError) return userError('NOT_FOUND', refusal.message);
  return userError('FORBIDDEN', refusal.message);
}

/**
 * Who may manage a seller's products: she herself, a pendamping of her kampung KB, or an admin; and
 * only once her shop is verified. A role that may never act for others (a buyer, another seller, an
 * officer) is refused with FORBIDDEN; a pendamping outside her kampung gets NotYourSellerError.
 */
@Injectable()
export class SellerAccessService {
  constructor(
    private readonly sellers: SellerRepository,
    private readonly kampung: KampungService,
  ) {}

  /**
   * The seller the caller acts for (herself without sellerId), or why not as a result (mutations
   * answer it); FORBIDDEN thrown for a caller who has no shop or may not act for others at all.
   */
  async actingSellerOrRefusal(ctx: RequestContext, sellerId?: string | null, field = 'sellerId'): Promise<ActingSeller | SellerAccessRefusal> {
    const { userId } = ctx.person;
    if (sellerId != null && !isUuid(sellerId)) throw badInput(field, `"${sellerId}" is not an id returned by this API`);
    const entity = sellerId == null ? await this.sellers.findByUserId(ctx, userId) : await this.sellers.findById(ctx, sellerId);
    if (sellerId == null && !entity) throw notASeller();
    if (entity?.userId !== userId && !this.mayActForOthers(ctx)) throw notForOthers();
    if (!entity) return new NotFoundError(EntityKind.SELLER);
    return this.verdict(ctx, entity, await this.assistedKampungIds(ctx, [entity]));
  }

  /** The same check for queries: a refusal is thrown (NOT_FOUND, for an id that is none too, or FORBIDDEN). */
  async actingSeller(ctx: RequestContext, sellerId?: string | null): Promise<ActingSeller> {
    if (sellerId != null && !isUuid(sellerId)) throw thrownRefusal(new NotFoundError(EntityKind.SELLER));
    const acting = await this.actingSellerOrRefusal(ctx, sellerId);
    if (isErrorResult(acting)) throw thrownRefusal(acting);
    return acting;
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
      if (entity.userId !== ctx.person.userId && !this.mayActForOthers(ctx)) continue;
      const verdict = this.verdict(ctx, entity, assisted);
      if (!isErrorResult(verdict)) allowed.set(entity.id, verdict);
    }
    return allowed;
  }

  private mayActForOthers(ctx: RequestContext): boolean {
    return ctx.hasRole(Role.PENDAMPING, Role.ADMIN);
  }

  /** The rule itself, for a caller whose role may act for this seller: acting for her, or the refusal. */
  private verdict(ctx: RequestContext, entity: SellerEntity, assistedKampungIds: ReadonlySet<string>): ActingSeller | NotYourSellerError | SellerNotVerifiedError {
    const own = entity.userId === ctx.person.userId;
    if (!own && !ctx.hasRole(Role.ADMIN) && !assistedKampungIds.has(entity.kampungId)) return new NotYourSellerError(entity.id);
    if (entity.status !== SellerStatus.VERIFIED) return new SellerNotVerifiedError(entity.status);
    return { seller: toSellerModel(entity), onBehalf: !own };
  }

  /** The kampung KB the caller assists, looked up only when it can matter (a pendamping, not an admin, asking about others). */
  private async assistedKampungIds(ctx: RequestContext, entities: readonly SellerEntity[]): Promise<ReadonlySet<string>> {
    const { userId } = ctx.person;
    const matters = ctx.hasRole(Role.PENDAMPING) && !ctx.hasRole(Role.ADMIN) && entities.some((entity) => entity.userId !== userId);
    return new Set(matters ? await this.kampung.pendampingKampungIds(ctx, userId) : []);
  }
}
