import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/context/request-context.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { Role } from '../modules/accounts/models/role.enum.js';
import { CheckoutService } from '../modules/orders/checkout.service.js';
import { OrdersService } from '../modules/orders/orders.service.js';
import { PaymentMethod } from '../modules/payments/models/payment.enums.js';
import { ServicesModule } from '../services.module.js';
import { buildDemoOrders, DEMO_ORDERS_UNTIL, type DemoBuyer, type DemoOrderPlan } from './data/orders.js';
import type { SeedProduct } from './data/index.js';
import { DEMO_FINANCE_EMAIL } from './demo-accounts.js';
import { seedDemoPayouts } from './seed-demo-money.js';

const HOUR = 3_600_000;
const SELLER_CANCEL_REASONS = ['Kainnya terkena noda saat pewarnaan ulang', 'Stok terakhir ternyata sudah terjual di pameran', 'Ibu sedang sakit dan belum bisa mengirim minggu ini'];

/**
 * A year of demo orders placed through the order service itself (the same rules, stock, events and
 * messages as a real one), at the times of the plan, by the demo accounts: the buyer as a guest, the
 * finance officer confirming transfers, the seller or her pendamping packing and shipping. Marked
 * isDemo; placed once (skipped when demo orders exist). Stock is lent for the year and put back after.
 */
export async function seedDemoOrders(config: RuntimeConfig, products: readonly SeedProduct[]): Promise<string> {
  const started = Date.now();
  const app = await NestFactory.createApplicationContext(ServicesModule.forRoot({ ...config, jobWorker: false }), { logger: false });
  try {
    const db = app.get(DataSource);
    if ((await db.query('SELECT 1 FROM orders WHERE is_demo LIMIT 1')).length) return 'Demo orders: present already';
    const checkout = app.get(CheckoutService);
    const orders = app.get(OrdersService);
    const { buyers, orders: plan } = buildDemoOrders(products);

    const rows: { id: string; slug: string; stock: number; seller_id: string; user_id: string; display_name: string; kampung_id: string }[] = await db.query(
      `SELECT p.id, p.slug, p.stock, p.seller_id, s.user_id, s.display_name, s.kampung_id FROM products p JOIN sellers s ON s.id = p.seller_id WHERE s.is_demo`,
    );
    const bySlug = new Map(rows.map((row) => [row.slug, row]));
    const pendamping = new Map<string, { id: string; display_name: string }>(
      (await db.query(`SELECT a.kampung_id, u.id, u.display_name FROM pendamping_assignments a JOIN users u ON u.id = a.user_id WHERE u.email LIKE 'pendamping.%@karyaibu.demo'`)).map(
        (row: { kampung_id: string; id: string; display_name: string }) => [row.kampung_id, row],
      ),
    );
    const [finance] = await db.query('SELECT id, display_name FROM users WHERE email = $1', [DEMO_FINANCE_EMAIL]);
    const person = (userId: string, displayName: string, roles: Role[]) => RequestContext.forRequest(`seed:${randomUUID()}`, { kind: 'person', userId, sessionId: 'seed', displayName, roles: new Set(roles) });
    const system = RequestContext.forSystem('seed');
    const financeCtx = person(finance.id, finance.display_name, [Role.BUYER, Role.FINANCE]);

    // Lent for the year (she makes more when it sells), put back exactly after.
    await db.query('UPDATE products SET stock = stock + 100000 WHERE id = ANY($1)', [rows.map((row) => row.id)]);
    let placed = 0;
    const refused = new Map<string, number>();
    try {
      const run = async (order: DemoOrderPlan) => {
        const outcome = await placeOne(order, buyers[order.buyer]);
        if (outcome === true) placed++;
        else refused.set(outcome, (refused.get(outcome) ?? 0) + 1);
      };
      await forEachConcurrently(plan, 4, run);
    } finally {
      await db.query('UPDATE products p SET stock = v.stock FROM unnest($1::uuid[], $2::int[]) AS v(id, stock) WHERE p.id = v.id', [rows.map((row) => row.id), rows.map((row) => row.stock)]);
    }

    async function placeOne(order: DemoOrderPlan, buyer: DemoBuyer): Promise<true | string> {
      const end = Date.parse(DEMO_ORDERS_UNTIL);
      let at = Date.parse(order.at);
      const lines = order.lines.flatMap((line) => (bySlug.has(line.productSlug) ? [{ productId: bySlug.get(line.productSlug)!.id, quantity: line.quantity }] : []));
      if (!lines.length) return 'not a demo product';
      const quote = await checkout.quote(system, { lines, villageCode: buyer.villageCode });
      if (!('groups' in quote)) return quote.constructor.name;
      const shipping = quote.groups.map((group) => ({
        sellerId: group.sellerId,
        optionCode: (group.shippingOptions.find((option) => option.kind === order.shipping) ?? group.shippingOptions.find((option) => option.kind === 'COURIER')!).code,
      }));
      const payment = order.payment === 'COD' && !quote.codUnavailableReason ? PaymentMethod.COD : PaymentMethod.BANK_TRANSFER;
      const result = await checkout.placeOrder(
        system,
        {
          lines,
          contact: { name: buyer.name, phone: buyer.phone },
          address: { recipientName: buyer.name, phone: buyer.phone, villageCode: buyer.villageCode, postalCode: buyer.postalCode, street: buyer.street },
          shipping,
          paymentMethod: payment,
        },
        `demo-order-${order.index.toString().padStart(5, '0')}-2026`,
        { now: new Date(at), isDemo: true },
      );
      if (!('code' in result)) return result.constructor.name;
      const step = (hours: number) => {
        at += hours * HOUR;
        return at <= end ? new Date(at) : null;
      };
      if (order.fate === 'BUYER_CANCELLED') {
        const when = step(2);
        if (when) await orders.cancelOrder(system, result.code, buyer.phone, when);
        return true;
      }
      if (payment === PaymentMethod.BANK_TRANSFER) {
        if (order.fate === 'EXPIRED') {
          const when = step(25);
          if (when) await orders.expireIfDue(system, result.id, when);
          return true;
        }
        const when = step(order.delays[0]);
        if (!when) return true;
        await orders.confirmBankTransfer(financeCtx, result.id, result.totalIdr, `DEMO-${order.index}`, `demo-transfer-${order.index.toString().padStart(5, '0')}`, when);
      }
      const sellerOrders = (await orders.sellerOrdersOfOrders(system, [result.id])).get(result.id) ?? [];
      for (const [n, sellerOrder] of sellerOrders.entries()) {
        const seller = rows.find((row) => row.seller_id === sellerOrder.sellerId)!;
        const helper = pendamping.get(seller.kampung_id);
        const actor = order.assisted && helper ? person(helper.id, helper.display_name, [Role.BUYER, Role.PENDAMPING]) : person(seller.user_id, seller.display_name, [Role.BUYER, Role.SELLER]);
        let time = at;
        const next = (hours: number) => {
          time += hours * HOUR;
          return time <= end ? new Date(time) : null;
        };
        if (order.fate === 'SELLER_CANCELLED' && n === 0) {
          const when = next(order.delays[1]);
          if (when) await orders.sellerCancel(actor, sellerOrder.id, SELLER_CANCEL_REASONS[order.index % SELLER_CANCEL_REASONS.length], when);
          continue;
        }
        const packing = next(order.delays[1]);
        if (!packing) continue;
        await orders.startProcessing(actor, sellerOrder.id, packing);
        const shipped = next(order.delays[2]);
        if (!shipped) continue;
        const courier = sellerOrder.shipping.kind === 'COURIER' ? sellerOrder.shipping.label.split(' ')[0] : null;
        await orders.ship(actor, sellerOrder.id, courier, courier ? `${courier.replace(/\W/g, '').toUpperCase()}${String(order.index * 7919 + n).padStart(10, '0')}` : null, shipped);
        const delivered = next(order.delays[3]);
        if (!delivered) continue;
        if (payment === PaymentMethod.COD) await orders.collectCash(actor, sellerOrder.id, sellerOrder.totalIdr, `demo-cash-${sellerOrder.code}`, delivered);
        else await orders.confirmDelivered(system, sellerOrder.id, buyer.phone, delivered);
        const completed = next(order.delays[4]);
        if (completed) await orders.complete(actor, sellerOrder.id, completed);
      }
      return true;
    }
    const why = [...refused].map(([reason, n]) => `${n} ${reason}`).join(', ');
    const payouts = await seedDemoPayouts(app);
    return `Demo orders: ${placed} of ${plan.length} planned placed through the order service${why ? ` (refused: ${why})` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s\n${payouts}`;
  } finally {
    await app.close();
  }
}

async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
