import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
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

  findById(id: string): Promise<KampungEntity | null> {
    return this.repo.findOneBy({ id });
  }

  slugExists(slug: string): Promise<boolean> {
    return this.repo.existsBy({ slug });
  }

  codeTaken(kemendagriCode: string, exceptId: string | null): Promise<boolean> {
    return this.repo.exists({ where: { kemendagriCode, ...(exceptId ? { id: Not(exceptId) } : {}) } });
  }

  save(kampung: Partial<KampungEntity>): Promise<KampungEntity> {
    return this.repo.save(this.repo.create(kampung));
  }

  upsertBySlug(kampung: Omit<KampungEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<KampungEntity> {
    return this.repo.upsert(kampung, ['slug']).then(() => this.repo.findOneByOrFail({ slug: kampung.slug }));
  }
}
