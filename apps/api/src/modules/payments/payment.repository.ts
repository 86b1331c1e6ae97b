import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { PaymentEntity } from './entities/payment.entity.js';
import { REFUND_IN_PROGRESS, RefundEntity } from './entities/refund.entity.js';
import { StripeEventEntity } from './entities/stripe-event.entity.js';
import { PaymentMethod, PaymentStatus } from './models/payment.enums.js';

@Injectable()
export class PaymentRepository {
  constructor(private readonly db: TransactionalConnection) {}

  private payments(ctx: RequestContext) {
    return this.db.getRepository(ctx, PaymentEntity);
  }

  private refunds(ctx: RequestContext) {
    return this.db.getRepository(ctx, RefundEntity);
  }

  create(ctx: RequestContext, payment: Partial<PaymentEntity>): Promise<PaymentEntity> {
    const payments = this.payments(ctx);
    return payments.save(payments.create(payment));
  }

  save(ctx: RequestContext, payment: PaymentEntity): Promise<PaymentEntity> {
    return this.payments(ctx).save(payment);
  }

  findById(ctx: RequestContext, id: string): Promise<PaymentEntity | null> {
    return this.payments(ctx).findOneBy({ id });
  }

  /** Locked until the transaction ends: settling, expiring and refunding it apply one after the other. */
  lock(ctx: RequestContext, id: string): Promise<PaymentEntity | null> {
    return this.payments(ctx).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
  }

  /** The order's payment by card or transfer (one per order; cash is per seller order). */
  async lockUpfront(ctx: RequestContext, orderId: string): Promise<PaymentEntity | null> {
    return this.payments(ctx)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.order_id = :orderId AND p.method <> :cod', { orderId, cod: PaymentMethod.COD })
      .orderBy('p.created_at', 'DESC')
      .getOne();
  }

  findByIdempotencyKey(ctx: RequestContext, key: string): Promise<PaymentEntity | null> {
    return this.payments(ctx).findOneBy({ idempotencyKey: key });
  }

  forOrders(ctx: RequestContext, orderIds: readonly string[]): Promise<PaymentEntity[]> {
    return orderIds.length ? this.payments(ctx).find({ where: { orderId: In([...orderIds]) }, order: { createdAt: 'ASC' } }) : Promise.resolve([]);
  }

  /** Bank transfers waiting for the finance officer, the nearest deadline first. */
  pendingTransfers(ctx: RequestContext, first: number): Promise<PaymentEntity[]> {
    return this.payments(ctx).find({ where: { method: PaymentMethod.BANK_TRANSFER, status: PaymentStatus.PENDING }, order: { deadline: 'ASC' }, take: first });
  }

  /** Whether an open transfer already expects exactly this amount (its unique code must tell them apart). */
  openTransferAmountTaken(ctx: RequestContext, amountIdr: bigint): Promise<boolean> {
    return this.payments(ctx).existsBy({ method: PaymentMethod.BANK_TRANSFER, status: PaymentStatus.PENDING, amountIdr });
  }

  /** Stores the event's id; false when it is there already (a replay). */
  async recordEvent(ctx: RequestContext, eventId: string, type: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager(ctx).query(
      `INSERT INTO stripe_events (event_id, type, outcome) VALUES ($1, $2, 'received') ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [eventId, type],
    );
    return rows.length > 0;
  }

  async setEventOutcome(ctx: RequestContext, eventId: string, paymentId: string | null, outcome: string): Promise<void> {
    await this.db.getRepository(ctx, StripeEventEntity).update({ eventId }, { paymentId, outcome });
  }

  createRefund(ctx: RequestContext, refund: Partial<RefundEntity>): Promise<RefundEntity> {
    const refunds = this.refunds(ctx);
    return refunds.save(refunds.create(refund));
  }

  saveRefund(ctx: RequestContext, refund: RefundEntity): Promise<RefundEntity> {
    return this.refunds(ctx).save(refund);
  }

  /** charge.refunded counted them: reconciled (and so succeeded), each once. */
  async markRefundsReconciled(ctx: RequestContext, ids: readonly string[], at: Date): Promise<void> {
    if (!ids.length) return;
    await this.db
      .manager(ctx)
      .query(`UPDATE refunds SET reconciled_at = $2, status = 'SUCCEEDED', settled_at = coalesce(settled_at, $2), updated_at = now() WHERE id = ANY($1::uuid[]) AND reconciled_at IS NULL`, [ids, at]);
  }

  /** Locked until the transaction ends: Stripe's answer and its webhooks apply to it one after the other. */
  lockRefund(ctx: RequestContext, id: string): Promise<RefundEntity | null> {
    return this.refunds(ctx).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  /** Failed card refunds not yet sent to the buyer by hand, the oldest failure first. */
  owedByHand(ctx: RequestContext, first: number): Promise<RefundEntity[]> {
    return this.db.rows(ctx, RefundEntity, 'SELECT * FROM refunds WHERE failed_at IS NOT NULL AND returned_at IS NULL ORDER BY failed_at, id LIMIT $1', [first]);
  }

  /** Refunds not finished yet (Stripe has not answered or settled them, or they are not on their seller order yet), the oldest first. */
  inProgress(ctx: RequestContext, first: number): Promise<RefundEntity[]> {
    return this.db.rows(ctx, RefundEntity, `SELECT * FROM refunds WHERE ${REFUND_IN_PROGRESS} ORDER BY created_at, id LIMIT $1`, [first]);
  }

  findRefund(ctx: RequestContext, id: string): Promise<RefundEntity | null> {
    return this.refunds(ctx).findOneBy({ id });
  }

  findRefundByKey(ctx: RequestContext, key: string): Promise<RefundEntity | null> {
    return this.refunds(ctx).findOneBy({ idempotencyKey: key });
  }

  refundsOfPayment(ctx: RequestContext, paymentId: string): Promise<RefundEntity[]> {
    return this.refunds(ctx).find({ where: { paymentId }, order: { createdAt: 'ASC' } });
  }

  refundsOfSellerOrders(ctx: RequestContext, sellerOrderIds: readonly string[]): Promise<RefundEntity[]> {
    return sellerOrderIds.length ? this.refunds(ctx).find({ where: { sellerOrderId: In([...sellerOrderIds]) }, order: { createdAt: 'ASC' } }) : Promise.resolve([]);
  }

  cashOfSellerOrders(ctx: RequestContext, sellerOrderIds: readonly string[]): Promise<PaymentEntity[]> {
    return this.payments(ctx).find({ where: { sellerOrderId: In([...sellerOrderIds]), method: PaymentMethod.COD, status: PaymentStatus.SUCCEEDED } });
  }

  /**
   * What was given back per seller order in [from, to), by when each refund was made: one the card's
   * bank turned down later still counts (the buyer is paid by hand); one Stripe refused at once does not
   * (refundWasMade, in SQL).
   */
  async refundedBetween(ctx: RequestContext, from: Date, to: Date): Promise<{ sellerOrderId: string; refundedIdr: bigint }[]> {
    const rows: { seller_order_id: string; refunded: string }[] = await this.refunds(ctx).query(
      `SELECT seller_order_id, sum(amount_idr)::text AS refunded FROM refunds
       WHERE (status <> 'FAILED' OR failed_at IS NOT NULL) AND coalesce(settled_at, created_at) >= $1 AND coalesce(settled_at, created_at) < $2 GROUP BY seller_order_id`,
      [from, to],
    );
    return rows.map((row) => ({ sellerOrderId: row.seller_order_id, refundedIdr: BigInt(row.refunded) }));
  }
}
