import { Role } from '../src/modules/accounts/models/role.enum.js';
import { hashPassword } from '../src/modules/accounts/passwords.js';
import { PayoutMethod } from '../src/modules/ledger/models/ledger.enums.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { DEMO_FINANCE_EMAIL, DEMO_PASSWORDS } from '../src/seed/demo-accounts.js';
import { seedDemoPayouts } from '../src/seed/seed-demo-money.js';
import { SeedRepository } from '../src/seed/seed-repository.js';
import { createKampung, createSeller } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { deliverAndRelease, givePayoutDetails, ledgerInvariants, ledgerOf, payOrder, systemCtx } from './money-helpers.js';

describe('demo payouts seed (after the demo orders)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('pays bank and e-wallet sellers in one run (one returned), leaves cash for the pendamping, and is idempotent', async () => {
    await new SeedRepository(t.dataSource, t.storage).ensureAccount({ displayName: 'Keuangan (demo)', email: DEMO_FINANCE_EMAIL, phone: null, passwordHash: await hashPassword(DEMO_PASSWORDS.finance), roles: [Role.BUYER, Role.FINANCE] });
    const kampung = await createKampung(t);
    const sellers: Seller[] = [];
    for (const method of [PayoutMethod.BANK_TRANSFER, PayoutMethod.EWALLET, PayoutMethod.CASH_VIA_PENDAMPING]) {
      const seller = await createSeller(t, kampung);
      await givePayoutDetails(t, seller, method);
      sellers.push(seller);
    }
    // As the demo orders left them (posted by the order service): delivered a month ago, two days ago, on the way.
    const day = 86_400_000;
    for (const seller of sellers) {
      for (const [grossIdr, deliveredDaysAgo] of [[300_000n, 30], [200_000n, 2], [100_000n, null]] as const) {
        const order = await payOrder(t, seller, [grossIdr], { shippingIdr: 15_000n, paidAt: new Date(Date.now() - 40 * day) });
        if (deliveredDaysAgo !== null) await deliverAndRelease(t, order, deliveredDaysAgo);
      }
    }

    const summary = await seedDemoPayouts(t);
    expect(summary).toMatch(/^Demo payouts: run \d+ of 3 payouts, 2 sent, one returned by the bank, cash left for the pendamping$/);
    const payouts: { seller_id: string; status: string; amount_idr: string }[] = await t.dataSource.query('SELECT seller_id, status, amount_idr FROM payouts WHERE seller_id = ANY($1)', [sellers.map((s) => s.id)]);
    expect(payouts.map((p) => [sellers.findIndex((s) => s.id === p.seller_id), p.status, p.amount_idr]).sort()).toEqual([[0, 'RETURNED', '270000'], [1, 'PAID', '270000'], [2, 'PENDING', '270000']]);
    const balances = await ledgerOf(t).balances(systemCtx(), sellers.map((s) => s.id));
    expect(balances.get(sellers[0].id)).toEqual({ pendingIdr: 270_000n, availableIdr: 270_000n, inPayoutIdr: 0n, paidOutIdr: 0n });
    expect(balances.get(sellers[1].id)).toEqual({ pendingIdr: 270_000n, availableIdr: 0n, inPayoutIdr: 0n, paidOutIdr: 270_000n });

    const transactions = await t.dataSource.query('SELECT count(*)::int AS n FROM ledger_transactions');
    expect(await seedDemoPayouts(t)).toBe('Demo payouts: already there');
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM ledger_transactions')).toEqual(transactions);
    expect(await ledgerInvariants(t)).toMatchObject({ unbalanced: 0, trialBalance: 0n });
  });
});
