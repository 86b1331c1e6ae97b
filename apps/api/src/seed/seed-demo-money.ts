import type { INestApplicationContext } from '@nestjs/common';
import { RequestContext } from '../common/context/request-context.js';
import { TransactionalConnection } from '../common/context/transactional-connection.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { Role } from '../modules/accounts/models/role.enum.js';
import { LedgerService } from '../modules/ledger/ledger.service.js';
import { PayoutMethod } from '../modules/ledger/models/ledger.enums.js';
import type { OrderPaidFact } from '../modules/ledger/postings.js';
import { PayoutsService } from '../modules/payouts/payouts.service.js';
import { DEMO_FINANCE_EMAIL } from './demo-accounts.js';

/** A demo order as the orders seed made it: its payment, and when it reached the buyer (null: on its way). */
export interface DemoSale {
  paid: OrderPaidFact;
  deliveredAt: Date | null;
}

/**
 * Demo balances and payout history, through the ledger's own posting rules (not written around
 * them): every sale posted as paid and, when delivered, released; then one payout run by the demo
 * finance account, sent for bank and e-wallet sellers (the first bank transfer returned by the bank, to show it), cash
 * left for the pendamping to hand over. Idempotent: postings by their keys, the run only once.
 * Call it after the demo orders exist, with the facts of each (the orders seed knows them).
 */
export async function seedDemoMoney(app: Pick<INestApplicationContext, 'get'>, sales: DemoSale[]): Promise<string> {
  const ledger = app.get(LedgerService);
  const payouts = app.get(PayoutsService);
  const db = app.get(TransactionalConnection);
  const seedCtx = RequestContext.forSystem('seed');
  let posted = 0;
  for (const sale of sales) {
    if (!(await ledger.postOrderPaid(seedCtx, sale.paid)).replayed) posted++;
    for (const sellerOrder of sale.deliveredAt ? sale.paid.sellerOrders : []) await ledger.postSellerOrderDelivered(seedCtx, { sellerOrderId: sellerOrder.sellerOrderId, deliveredAt: sale.deliveredAt! });
  }

  const financeUserId = await app.get(AccountsService).findUserIdByIdentifier(seedCtx, DEMO_FINANCE_EMAIL);
  if (!financeUserId) throw new Error(`Seed the demo accounts first (${DEMO_FINANCE_EMAIL} is missing)`);
  const finance = RequestContext.forRequest('demo-seed', { kind: 'person', userId: financeUserId, sessionId: 'demo-seed', displayName: 'Keuangan Karya Ibu (demo)', roles: new Set([Role.BUYER, Role.FINANCE]) });
  if ((await payouts.runs(finance, 1)).length > 0) return `Demo money: ${posted} sales posted; payout history already there`;
  const run = await db.withTransaction(finance, (ctx) => payouts.createPayoutRun(ctx, {}));
  if (!('number' in run)) return `Demo money: ${posted} sales posted; nothing to pay out yet`;
  const made = (await payouts.payoutsByRunIds(finance, [run.id])).get(run.id)!;
  const sent = made.filter((p) => p.method !== PayoutMethod.CASH_VIA_PENDAMPING);
  for (const payout of sent) await db.withTransaction(finance, (ctx) => payouts.markPayoutPaid(ctx, payout.id, `DEMO-${payout.reference}`));
  const returned = sent.find((p) => p.method === PayoutMethod.BANK_TRANSFER);
  if (returned) await db.withTransaction(finance, (ctx) => payouts.markPayoutFailed(ctx, returned.id, 'Rekening tujuan tidak aktif (contoh)'));
  return `Demo money: ${posted} sales posted; payout run ${run.number} of ${run.payoutCount} payouts, ${sent.length} sent${returned ? ', one returned by the bank' : ''}, cash left for the pendamping`;
}
