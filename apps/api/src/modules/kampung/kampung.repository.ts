import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { KampungEntity } from './entities/kampung.entity.js';

@Injectable()
export class KampungRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private repo(ctx: RequestContext) {
    return this.db.getRepository(ctx, KampungEntity);
  }

  findAll(ctx: RequestContext): Promise<KampungEntity[]> {
    // ACTIVE before TARGET, then by name: the order the storefront lists them in.
    return this.repo(ctx).find({ order: { status: 'ASC', name: 'ASC' } });
  }

  findBySlug(ctx: RequestContext, slug: string): Promise<KampungEntity | null> {
    return this.repo(ctx).findOneBy({ slug });
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<KampungEntity[]> {
    return ids.length ? this.db.rows(ctx, KampungEntity, 'SELECT k.* FROM kampungs k WHERE k.id = ANY($1::uuid[])', [ids]) : Promise.resolve([]);
  }

  findById(ctx: RequestContext, id: string): Promise<KampungEntity | null> {
    return this.repo(ctx).findOneBy({ id });
  }

  slugExists(ctx: RequestContext, slug: string): Promise<boolean> {
    return this.repo(ctx).existsBy({ slug });
  }

  codeTaken(ctx: RequestContext, kemendagriCode: string, exceptId: string | null): Promise<boolean> {
    return this.repo(ctx).exists({ where: { kemendagriCode, ...(exceptId ? { id: Not(exceptId) } : {}) } });
  }

  save(ctx: RequestContext, kampung: Partial<KampungEntity>): Promise<KampungEntity> {
    const repo = this.repo(ctx);
    return repo.save(repo.create(kampung));
  }
}
