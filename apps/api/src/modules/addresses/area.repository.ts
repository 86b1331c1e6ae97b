import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { AdministrativeAreaEntity } from './entities/administrative-area.entity.js';
import { SavedAddressEntity } from './entities/saved-address.entity.js';
import type { AreaLevel } from './models/area-level.enum.js';

@Injectable()
export class AreaRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private areas(ctx: RequestContext) {
    return this.db.getRepository(ctx, AdministrativeAreaEntity);
  }

  private addresses(ctx: RequestContext) {
    return this.db.getRepository(ctx, SavedAddressEntity);
  }

  children(ctx: RequestContext, parentCode: string | null): Promise<AdministrativeAreaEntity[]> {
    return this.areas(ctx).find({ where: { parentCode: parentCode ?? IsNull() }, order: { name: 'ASC' } });
  }

  findByCodes(ctx: RequestContext, codes: readonly string[]): Promise<AdministrativeAreaEntity[]> {
    return codes.length ? this.areas(ctx).findBy({ code: In([...codes]) }) : Promise.resolve([]);
  }

  /** Names containing the words, by trigram similarity (typos forgiven), best first. */
  search(ctx: RequestContext, text: string, level: AreaLevel, under: string | null, first: number): Promise<AdministrativeAreaEntity[]> {
    return this.areas(ctx)
      .createQueryBuilder('a')
      .where('a.level = :level', { level })
      .andWhere('(lower(a.name) LIKE :like OR lower(a.name) % :text)', { like: `%${text.replace(/[\\%_]/g, '\\$&')}%`, text })
      .andWhere(under ? 'a.code LIKE :under' : 'TRUE', { under: `${under}.%` })
      .orderBy('similarity(lower(a.name), :text)', 'DESC')
      .addOrderBy('a.code')
      .limit(first)
      .getMany();
  }

  savedAddresses(ctx: RequestContext, userId: string): Promise<SavedAddressEntity[]> {
    return this.addresses(ctx).find({ where: { userId }, order: { isDefault: 'DESC', createdAt: 'ASC' } });
  }

  findSavedAddress(ctx: RequestContext, userId: string, id: string): Promise<SavedAddressEntity | null> {
    return this.addresses(ctx).findOneBy({ id, userId });
  }

  countSavedAddresses(ctx: RequestContext, userId: string): Promise<number> {
    return this.addresses(ctx).countBy({ userId });
  }

  async saveAddress(ctx: RequestContext, address: Partial<SavedAddressEntity>): Promise<SavedAddressEntity> {
    const addresses = this.addresses(ctx);
    if (address.isDefault) await addresses.update({ userId: address.userId }, { isDefault: false });
    return addresses.save(addresses.create(address));
  }

  async deleteAddress(ctx: RequestContext, userId: string, id: string): Promise<boolean> {
    return ((await this.addresses(ctx).delete({ id, userId })).affected ?? 0) > 0;
  }
}
