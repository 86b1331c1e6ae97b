import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { ShippingRateEntity } from './entities/shipping-rate.entity.js';
import type { ShippingZone } from './models/shipping.enums.js';

@Injectable()
export class ShippingRateRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private rates(ctx: RequestContext) {
    return this.db.getRepository(ctx, ShippingRateEntity);
  }

  activeForZone(ctx: RequestContext, zone: ShippingZone): Promise<ShippingRateEntity[]> {
    return this.rates(ctx).find({ where: { zone, active: true }, order: { kind: 'ASC', courier: 'ASC', service: 'ASC' } });
  }

  all(ctx: RequestContext): Promise<ShippingRateEntity[]> {
    return this.rates(ctx).find({ order: { zone: 'ASC', kind: 'ASC', courier: 'ASC', service: 'ASC' } });
  }

  findById(ctx: RequestContext, id: string): Promise<ShippingRateEntity | null> {
    return this.rates(ctx).findOneBy({ id });
  }

  save(ctx: RequestContext, rate: ShippingRateEntity): Promise<ShippingRateEntity> {
    return this.rates(ctx).save(rate);
  }
}
