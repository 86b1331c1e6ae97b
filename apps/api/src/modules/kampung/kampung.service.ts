import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/graphql/ids.js';
import type { KampungEntity } from './entities/kampung.entity.js';
import { KampungRepository } from './kampung.repository.js';
import { toKampungModel, type Kampung } from './models/kampung.model.js';

@Injectable()
export class KampungService {
  constructor(private readonly kampungs: KampungRepository) {}

  async listKampungs(): Promise<Kampung[]> {
    return (await this.kampungs.findAll()).map(toKampungModel);
  }

  async findBySlug(slug: string): Promise<Kampung | null> {
    const entity = await this.kampungs.findBySlug(slug);
    return entity ? toKampungModel(entity) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, Kampung>> {
    const valid = ids.filter(isUuid);
    const entities = valid.length ? await this.kampungs.findByIds(valid) : [];
    return new Map(entities.map((entity) => [entity.id, toKampungModel(entity)]));
  }

  async saveSeedKampung(kampung: Omit<KampungEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<Kampung> {
    return toKampungModel(await this.kampungs.upsertBySlug(kampung));
  }
}
