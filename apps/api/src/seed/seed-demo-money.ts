import type { INestApplicationContext } from '@nestjs/common';
import { RequestContext } from '../common/context/request-context.js';
import { TransactionalConnection } from '../common/context/transactional-connection.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { Role } from '../modules/accounts/models/role.enum.js';
import { PayoutMethod } from '../modules/ledger/models/ledger.enums.js';
import { PayoutsService } from '../modules/payouts/payouts.service.js';
import { DEMO_FINANCE_EMAIL } from './demo-accounts.js';

/**
 * Demo payout history, after the demo orders (whose payments, deliveries and refunds the order
 * service posted to the ledger as they happened): one payout run by the demo finance account, sent
 * for bank and e-wallet sellers (the first bank transfer returned by the bank, to show it), cash left
 * for the pendamping to hand over. Idempotent: the run is made only once.
 */
export async function seedDemoPayouts(app: Pick<INestApplicationContext, 'get'>): Promise<string> {
  const payouts = app.get(PayoutsService);
  const db = app.get(TransactionalConnection);
  const seedCtx = RequestContext.forSystem('seed');

  const financeUserId = await app.get(AccountsService).findUserIdByIdentifier(seedCtx, DEMO_FINANCE_EMAIL);
  if (!financeUserId) throw new Error(`Seed the demo accounts first (${DEMO_FINANCE_EMAIL} is missing)`);
  const finance = RequestContext.forRequest('seed', { kind: 'person', userId: financeUserId, sessionId: 'seed', displayName: 'Keuangan Karya Ibu (demo)', roles: new Set([Role.BUYER, Role.FINANCE]) });
  if ((await payouts.runs(finance, 1)).length > 0) return 'Demo payouts: already there';
  const run = await db.withTransaction(finance, (ctx) => payouts.createPayoutRun(ctx, {}));
  if (!('number' in run)) return 'Demo payouts: nothing to pay out yet';
  const made = (await payouts.payoutsByRunIds(finance, [run.id])).get(run.id)!;
  const sent = made.filter((p) => p.method !== PayoutMethod.CASH_VIA_PENDAMPING);
  for (const payout of sent) await db.withTransaction(finance, (ctx) => payouts.markPayoutPaid(ctx, payout.id, `DEMO-${payout.reference}`));
  const returned = sent.find((p) => p.method === PayoutMethod.BANK_TRANSFER);
  if (returned) await db.withTransaction(finance, (ctx) => payouts.markPayoutFailed(ctx, returned.id, 'Rekening tujuan tidak aktif (contoh)'));
  return `Demo payouts: run ${run.number} of ${run.payoutCount} payouts, ${sent.length} sent${returned ? ', one returned by the bank' : ''}, cash left for the pendamping`;
}
