import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { CartLineEntity } from './entities/cart-line.entity.js';
import { CartEntity } from './entities/cart.entity.js';

@Injectable()
export class CartRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private carts(ctx: RequestContext) {
    return this.db.getRepository(ctx, CartEntity);
  }

  private lines(ctx: RequestContext) {
    return this.db.getRepository(ctx, CartLineEntity);
  }

  findById(ctx: RequestContext, id: string): Promise<CartEntity | null> {
    return this.carts(ctx).findOneBy({ id });
  }

  findByUserId(ctx: RequestContext, userId: string): Promise<CartEntity | null> {
    return this.carts(ctx).findOneBy({ userId });
  }

  /** Locks the cart until the transaction ends: changes to its lines apply one after the other. */
  async lock(ctx: RequestContext, id: string): Promise<void> {
    await this.carts(ctx).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  /** Her cart, made on first use; two first uses at once make one (the unique index decides). */
  async ensureForUser(ctx: RequestContext, userId: string): Promise<CartEntity> {
    await this.db.manager(ctx).query('INSERT INTO carts (user_id) VALUES ($1) ON CONFLICT (user_id) WHERE user_id IS NOT NULL DO NOTHING', [userId]);
    return (await this.findByUserId(ctx, userId))!;
  }

  createGuest(ctx: RequestContext): Promise<CartEntity> {
    const carts = this.carts(ctx);
    return carts.save(carts.create({ userId: null }));
  }

  linesOf(ctx: RequestContext, cartId: string): Promise<CartLineEntity[]> {
    return this.lines(ctx).find({ where: { cartId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async upsertLine(ctx: RequestContext, cartId: string, productId: string, quantity: number, priceWhenAddedIdr: bigint): Promise<void> {
    await this.lines(ctx).upsert({ cartId, productId, quantity, priceWhenAddedIdr }, ['cartId', 'productId']);
  }

  async setQuantity(ctx: RequestContext, cartId: string, productId: string, quantity: number): Promise<boolean> {
    return ((await this.lines(ctx).update({ cartId, productId }, { quantity })).affected ?? 0) > 0;
  }

  async removeLines(ctx: RequestContext, cartId: string, productIds: readonly string[]): Promise<number> {
    return productIds.length ? ((await this.lines(ctx).delete({ cartId, productId: In([...productIds]) })).affected ?? 0) : 0;
  }

  async delete(ctx: RequestContext, cartId: string): Promise<void> {
    await this.carts(ctx).delete({ id: cartId });
  }
}
