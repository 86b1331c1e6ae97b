import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { KampungEntity } from './entities/kampung.entity.js';

@Injectable()
export class KampungRepository {
  constructor(@InjectRepository(KampungEntity) private readonly repo: Repository<KampungEntity>) {}

  findAll(): Promise<KampungEntity[]> {
    // ACTIVE before TARGET, then by name: the order the storefront lists them in.
    return this.repo.find({ order: { status: 'ASC', name: 'ASC' } });
  }

  findBySlug(slug: string): Promise<KampungEntity | null> {
    return this.repo.findOneBy({ slug });
  }

  findByIds(ids: readonly string[]): Promise<KampungEntity[]> {
    return this.repo.findBy({ id: In([...ids]) });
  }

  upsertBySlug(kampung: Omit<KampungEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<KampungEntity> {
    return this.repo.upsert(kampung, ['slug']).then(() => this.repo.findOneByOrFail({ slug: kampung.slug }));
  }
}
