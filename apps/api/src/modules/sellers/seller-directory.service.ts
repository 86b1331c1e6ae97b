import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { firstWithin } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuditEntry } from '../audit/models/audit-entry.model.js';
import { KampungService } from '../kampung/kampung.service.js';
import { SellerStatus } from './models/seller-status.enum.js';
import { toSellerModel, type Seller } from './models/seller.model.js';
import { SellerAccessService } from './seller-access.service.js';
import { SellerRepository } from './seller.repository.js';

/** Reading sellers: the storefront sees verified ones only; she sees her own, a pendamping those she helps. */
@Injectable()
export class SellerDirectoryService {
  constructor(
    private readonly sellers: SellerRepository,
    private readonly kampung: KampungService,
    private readonly access: SellerAccessService,
    private readonly audit: AuditService,
  ) {}

  async findBySlug(ctx: RequestContext, slug: string): Promise<Seller | null> {
    const entity = await this.sellers.findBySlug(ctx, slug, SellerStatus.VERIFIED);
    return entity ? toSellerModel(entity) : null;
  }

  async findByIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, Seller>> {
    const entities = await this.sellers.findByIds(ctx, ids.filter(isUuid));
    return new Map(entities.map((entity) => [entity.id, toSellerModel(entity)]));
  }

  async listByKampungIds(ctx: RequestContext, kampungIds: readonly string[]): Promise<Map<string, Seller[]>> {
    const grouped = new Map<string, Seller[]>(kampungIds.map((id) => [id, []]));
    for (const entity of await this.sellers.findByKampungIds(ctx, kampungIds, SellerStatus.VERIFIED)) grouped.get(entity.kampungId)!.push(toSellerModel(entity));
    return grouped;
  }

  countByKampungIds(ctx: RequestContext, kampungIds: readonly string[]): Promise<Map<string, number>> {
    return this.sellers.countByKampungIds(ctx, kampungIds, SellerStatus.VERIFIED);
  }

  /** The verified sellers of one Kampung KB, for the catalog's kampung filter. */
  idsInKampung(ctx: RequestContext, kampungId: string): Promise<string[]> {
    return this.sellers.idsInKampung(ctx, kampungId, SellerStatus.VERIFIED);
  }

  /** Her own seller profile, whatever its status (null when anonymous or not a seller). */
  async mySeller(ctx: RequestContext): Promise<Seller | null> {
    const person = ctx.personOrNull;
    const entity = person && (await this.sellers.findByUserId(ctx, person.userId));
    return entity ? toSellerModel(entity) : null;
  }

  /** The sellers a pendamping helps (all statuses), for her seller switcher. */
  async assistedSellers(ctx: RequestContext): Promise<Seller[]> {
    const kampungIds = await this.kampung.pendampingKampungIds(ctx, ctx.person.userId);
    return kampungIds.length ? (await this.sellers.findByKampungIds(ctx, kampungIds)).map(toSellerModel) : [];
  }

  /** Her history: what she and those helping her changed, newest first. */
  async sellerActivity(ctx: RequestContext, sellerId: string | null | undefined, first: number): Promise<AuditEntry[]> {
    firstWithin(first);
    const { seller } = await this.access.actingSeller(ctx, sellerId);
    return this.audit.forSeller(ctx, seller.id, first);
  }
}
