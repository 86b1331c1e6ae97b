import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/graphql/ids.js';
import type { SellerEntity } from './entities/seller.entity.js';
import { toSellerModel, type Seller } from './models/seller.model.js';
import { SellerRepository } from './seller.repository.js';

@Injectable()
export class SellersService {
  constructor(private readonly sellers: SellerRepository) {}

  async findBySlug(slug: string): Promise<Seller | null> {
    const entity = await this.sellers.findBySlug(slug);
    return entity ? toSellerModel(entity) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, Seller>> {
    const valid = ids.filter(isUuid);
    const entities = valid.length ? await this.sellers.findByIds(valid) : [];
    return new Map(entities.map((entity) => [entity.id, toSellerModel(entity)]));
  }

  async listByKampungIds(kampungIds: readonly string[]): Promise<Map<string, Seller[]>> {
    const grouped = new Map<string, Seller[]>(kampungIds.map((id) => [id, []]));
    for (const entity of await this.sellers.findByKampungIds(kampungIds)) grouped.get(entity.kampungId)!.push(toSellerModel(entity));
    return grouped;
  }

  countByKampungIds(kampungIds: readonly string[]): Promise<Map<string, number>> {
    return this.sellers.countByKampungIds(kampungIds);
  }

  /** The sellers of one Kampung KB, for the catalog's kampung filter. */
  idsInKampung(kampungId: string): Promise<string[]> {
    return this.sellers.idsInKampung(kampungId);
  }

  async saveSeedSeller(seller: Omit<SellerEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<Seller> {
    return toSellerModel(await this.sellers.upsertBySlug(seller));
  }
}
