import { Injectable } from '@nestjs/common';
import { In, type SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { OrderEventEntity } from './entities/order-event.entity.js';
import { OrderLineEntity } from './entities/order-line.entity.js';
import { OrderEntity } from './entities/order.entity.js';
import { SellerOrderEntity } from './entities/seller-order.entity.js';
import type { OrderStatus, SellerOrderStatus } from './order-status.js';

export interface Keyset {
  first: number;
  after: { placedAt: Date; id: string } | null;
}

export interface OrderFilter {
  statuses?: OrderStatus[] | null;
  paymentMethod?: string | null;
  code?: string | null;
  flagged?: boolean | null;
  sellerIds?: string[] | null;
}

@Injectable()
export class OrderRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private orders(ctx: RequestContext) {
    return this.db.getRepository(ctx, OrderEntity);
  }

  private sellerOrders(ctx: RequestContext) {
    return this.db.getRepository(ctx, SellerOrderEntity);
  }

  private lines(ctx: RequestContext) {
    return this.db.getRepository(ctx, OrderLineEntity);
  }

  /** The order header, unless an order with this key exists (then null: the caller returns that one). */
  async insertOrderOnce(ctx: RequestContext, order: Partial<OrderEntity>): Promise<OrderEntity | null> {
    const result = await this.orders(ctx).createQueryBuilder().insert().values(order).orIgnore().returning('*').execute();
    if (!result.raw.length) return null;
    return this.orders(ctx).findOneByOrFail({ id: result.raw[0].id });
  }

  saveOrder(ctx: RequestContext, order: OrderEntity): Promise<OrderEntity> {
    return this.orders(ctx).save(order);
  }

  createSellerOrder(ctx: RequestContext, sellerOrder: Partial<SellerOrderEntity>): Promise<SellerOrderEntity> {
    const repo = this.sellerOrders(ctx);
    return repo.save(repo.create(sellerOrder));
  }

  saveSellerOrder(ctx: RequestContext, sellerOrder: SellerOrderEntity): Promise<SellerOrderEntity> {
    return this.sellerOrders(ctx).save(sellerOrder);
  }

  async insertLines(ctx: RequestContext, lines: Partial<OrderLineEntity>[]): Promise<void> {
    if (lines.length) await this.lines(ctx).insert(lines);
  }

  async insertEvent(ctx: RequestContext, event: Partial<OrderEventEntity>): Promise<void> {
    await this.db.getRepository(ctx, OrderEventEntity).insert(event);
  }

  codeTaken(ctx: RequestContext, code: string): Promise<boolean> {
    return this.orders(ctx).existsBy({ code });
  }

  findByIdempotencyKey(ctx: RequestContext, key: string): Promise<OrderEntity | null> {
    return this.orders(ctx).findOneBy({ idempotencyKey: key });
  }

  findByCode(ctx: RequestContext, code: string): Promise<OrderEntity | null> {
    return this.orders(ctx).findOneBy({ code });
  }

  findOrdersByIds(ctx: RequestContext, ids: readonly string[]): Promise<OrderEntity[]> {
    return ids.length ? this.orders(ctx).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  lockOrder(ctx: RequestContext, id: string): Promise<OrderEntity | null> {
    return this.orders(ctx).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id }).getOne();
  }

  lockSellerOrder(ctx: RequestContext, id: string): Promise<SellerOrderEntity | null> {
    return this.sellerOrders(ctx).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  }

  findSellerOrder(ctx: RequestContext, id: string): Promise<SellerOrderEntity | null> {
    return this.sellerOrders(ctx).findOneBy({ id });
  }

  /** The seller orders of these orders, locked when asked (a payment flips them all at once). */
  sellerOrdersOf(ctx: RequestContext, orderIds: readonly string[], lock = false): Promise<SellerOrderEntity[]> {
    if (!orderIds.length) return Promise.resolve([]);
    const query = this.sellerOrders(ctx).createQueryBuilder('s').where('s.order_id = ANY(:ids)', { ids: [...orderIds] }).orderBy('s.code', 'ASC');
    return (lock ? query.setLock('pessimistic_write') : query).getMany();
  }

  /**
   * Her money came in for these seller orders (each once: a replay marks and counts nothing), in the
   * transaction that records the payment: paid_at set, and each counted in her WITA month and the
   * buyer's province.
   */
  async markPaid(ctx: RequestContext, sellerOrderIds: readonly string[], at: Date): Promise<void> {
    if (!sellerOrderIds.length) return;
    await this.db.manager(ctx).query(
      `WITH marked AS (UPDATE seller_orders SET paid_at = $2 WHERE id = ANY($1::uuid[]) AND paid_at IS NULL RETURNING seller_id, order_id)
       INSERT INTO seller_reach_monthly (seller_id, month, province, orders)
       SELECT m.seller_id, date_trunc('month', $2::timestamptz AT TIME ZONE 'Asia/Makassar')::date, o.province, count(*)::int
       FROM marked m JOIN orders o ON o.id = m.order_id GROUP BY m.seller_id, o.province
       ON CONFLICT (seller_id, month, province) DO UPDATE SET orders = seller_reach_monthly.orders + excluded.orders`,
      [sellerOrderIds, at],
    );
  }

  /** Seller orders whose money came in [from, to): with their order's card or transfer payment, or their own cash on delivery. */
  async paidSellerOrdersBetween(ctx: RequestContext, from: Date, to: Date): Promise<{ sellerOrderId: string; paidIdr: bigint }[]> {
    const rows: { id: string; total_idr: string }[] = await this.db.manager(ctx).query(
      'SELECT id, total_idr::text AS total_idr FROM seller_orders WHERE paid_at >= $1 AND paid_at < $2',
      [from, to],
    );
    return rows.map((row) => ({ sellerOrderId: row.id, paidIdr: BigInt(row.total_idr) }));
  }

  async hasPaidSellerOrders(ctx: RequestContext): Promise<boolean> {
    const [row] = await this.db.manager(ctx).query('SELECT EXISTS (SELECT 1 FROM seller_orders WHERE paid_at IS NOT NULL) AS any');
    return row.any;
  }

  /** Where the buyers of these sellers' orders paid in WITA months from..to live: orders per province, and how many of these sellers sold there. */
  async buyerProvinces(ctx: RequestContext, sellerIds: readonly string[], from: string, to: string): Promise<{ province: string; orders: number; sellers: number }[]> {
    if (!sellerIds.length) return [];
    return this.db.manager(ctx).query(
      `SELECT province, sum(orders)::int AS orders, count(DISTINCT seller_id)::int AS sellers FROM seller_reach_monthly
       WHERE seller_id = ANY($1::uuid[]) AND month BETWEEN to_date($2, 'YYYY-MM') AND to_date($3, 'YYYY-MM')
       GROUP BY province ORDER BY orders DESC, province`,
      [sellerIds, from, to],
    );
  }

  /** The how-manieth paid sale of its seller this seller order is; null when it is none (or not paid). */
  async saleOrdinal(ctx: RequestContext, sellerOrderId: string): Promise<{ sellerId: string; ordinal: number } | null> {
    const [row] = await this.db.manager(ctx).query(
      `SELECT me.seller_id, (SELECT count(*)::int FROM seller_orders p WHERE p.seller_id = me.seller_id AND p.paid_at IS NOT NULL AND (p.paid_at, p.id) <= (me.paid_at, me.id)) AS ordinal
       FROM seller_orders me WHERE me.id = $1 AND me.paid_at IS NOT NULL`,
      [sellerOrderId],
    );
    return row ? { sellerId: row.seller_id, ordinal: row.ordinal } : null;
  }

  linesOf(ctx: RequestContext, sellerOrderIds: readonly string[]): Promise<OrderLineEntity[]> {
    return sellerOrderIds.length ? this.lines(ctx).find({ where: { sellerOrderId: In([...sellerOrderIds]) }, order: { title: 'ASC', id: 'ASC' } }) : Promise.resolve([]);
  }

  eventsOf(ctx: RequestContext, orderIds: readonly string[]): Promise<OrderEventEntity[]> {
    return orderIds.length ? this.db.getRepository(ctx, OrderEventEntity).find({ where: { orderId: In([...orderIds]) }, order: { seq: 'ASC' } }) : Promise.resolve([]);
  }

  /** Marks the stock of these seller orders' lines as given back, once: the lines to give back (none the second time). */
  async releaseStock(ctx: RequestContext, sellerOrderIds: readonly string[], at: Date): Promise<{ product_id: string; quantity: number }[]> {
    if (!sellerOrderIds.length) return [];
    const [rows] = await this.db.manager(ctx).query(
      'UPDATE order_lines SET stock_released_at = $2 WHERE seller_order_id = ANY($1::uuid[]) AND stock_released_at IS NULL RETURNING product_id, quantity',
      [sellerOrderIds, at],
    );
    return rows;
  }

  pageOfOrders(ctx: RequestContext, filter: OrderFilter & { buyerUserId?: string }, keyset: Keyset): Promise<OrderEntity[]> {
    const query = this.orders(ctx).createQueryBuilder('o');
    if (filter.buyerUserId) query.andWhere('o.buyer_user_id = :buyer', { buyer: filter.buyerUserId });
    if (filter.statuses?.length) query.andWhere('o.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.paymentMethod) query.andWhere('o.payment_method = :method', { method: filter.paymentMethod });
    if (filter.code) query.andWhere('o.code = :code', { code: filter.code });
    if (filter.flagged) query.andWhere('o.flag_reason IS NOT NULL');
    if (filter.sellerIds?.length) query.andWhere('EXISTS (SELECT 1 FROM seller_orders s WHERE s.order_id = o.id AND s.seller_id = ANY(:sellers))', { sellers: filter.sellerIds });
    return keysetPage(query, 'o', keyset);
  }

  pageOfSellerOrders(ctx: RequestContext, sellerId: string, statuses: SellerOrderStatus[] | null, keyset: Keyset): Promise<SellerOrderEntity[]> {
    const query = this.sellerOrders(ctx).createQueryBuilder('s').where('s.seller_id = :sellerId', { sellerId });
    if (statuses?.length) query.andWhere('s.status IN (:...statuses)', { statuses });
    return keysetPage(query, 's', keyset);
  }
}

/** Newest first along (placed_at, id); one more row than asked tells whether there is a next page. */
function keysetPage<T extends object>(query: SelectQueryBuilder<T>, alias: string, { first, after }: Keyset): Promise<T[]> {
  if (after) query.andWhere(`(${alias}.placed_at, ${alias}.id) < (:placedAt, :id)`, { placedAt: after.placedAt, id: after.id });
  return query.orderBy(`${alias}.placed_at`, 'DESC').addOrderBy(`${alias}.id`, 'DESC').limit(first + 1).getMany();
}
