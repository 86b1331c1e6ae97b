import { randomUUID } from 'node:crypto';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import { hashPassword } from '../src/modules/accounts/passwords.js';
import { PaymentMethod, PayoutMethod } from '../src/modules/ledger/models/ledger.enums.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { DEMO_FINANCE_EMAIL, DEMO_PASSWORDS } from '../src/seed/demo-accounts.js';
import { seedDemoMoney, type DemoSale } from '../src/seed/seed-demo-money.js';
import { SeedRepository } from '../src/seed/seed-repository.js';
import { createKampung, createSeller } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { givePayoutDetails, ledgerInvariants, ledgerOf, systemCtx, TEN_PERCENT } from './money-helpers.js';

describe('demo money seed (for after the demo orders)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('posts the demo sales through the ledger, pays bank and e-wallet sellers in one run (one returned), leaves cash for the pendamping, and is idempotent', async () => {
    await new SeedRepository(t.dataSource, t.storage).ensureAccount({ displayName: 'Keuangan (demo)', email: DEMO_FINANCE_EMAIL, phone: null, passwordHash: await hashPassword(DEMO_PASSWORDS.finance), roles: [Role.BUYER, Role.FINANCE] });
    const kampung = await createKampung(t);
    const sellers: Seller[] = [];
    for (const method of [PayoutMethod.BANK_TRANSFER, PayoutMethod.EWALLET, PayoutMethod.CASH_VIA_PENDAMPING]) {
      const seller = await createSeller(t, kampung);
      await givePayoutDetails(t, seller, method);
      sellers.push(seller);
    }
    const sale = (seller: Seller, grossIdr: bigint, deliveredDaysAgo: number | null): DemoSale => ({
      paid: { orderId: randomUUID(), method: PaymentMethod.BANK_TRANSFER, paidAt: new Date(Date.now() - 40 * 86_400_000), providerReference: `DEMO-TRF-${randomUUID().slice(0, 6)}`, sellerOrders: [{ sellerOrderId: randomUUID(), sellerId: seller.id, shippingIdr: 15_000n, lines: [{ orderLineId: randomUUID(), grossIdr, commission: TEN_PERCENT }] }] },
      deliveredAt: deliveredDaysAgo === null ? null : new Date(Date.now() - deliveredDaysAgo * 86_400_000),
    });
    const sales = sellers.flatMap((seller) => [sale(seller, 300_000n, 30), sale(seller, 200_000n, 2), sale(seller, 100_000n, null)]);

    const summary = await seedDemoMoney(t, sales);
    expect(summary).toMatch(/9 sales posted; payout run \d+ of 3 payouts, 2 sent, one returned by the bank, cash left for the pendamping/);
    const payouts: { seller_id: string; status: string; amount_idr: string }[] = await t.dataSource.query('SELECT seller_id, status, amount_idr FROM payouts WHERE seller_id = ANY($1)', [sellers.map((s) => s.id)]);
    expect(payouts.map((p) => [sellers.findIndex((s) => s.id === p.seller_id), p.status, p.amount_idr]).sort()).toEqual([[0, 'RETURNED', '270000'], [1, 'PAID', '270000'], [2, 'PENDING', '270000']]);
    const balances = await ledgerOf(t).balances(systemCtx(), sellers.map((s) => s.id));
    expect(balances.get(sellers[0].id)).toEqual({ pendingIdr: 270_000n, availableIdr: 270_000n, inPayoutIdr: 0n, paidOutIdr: 0n });
    expect(balances.get(sellers[1].id)).toEqual({ pendingIdr: 270_000n, availableIdr: 0n, inPayoutIdr: 0n, paidOutIdr: 270_000n });

    const transactions = await t.dataSource.query('SELECT count(*)::int AS n FROM ledger_transactions');
    expect(await seedDemoMoney(t, sales)).toBe('Demo money: 0 sales posted; payout history already there');
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM ledger_transactions')).toEqual(transactions);
    expect(await ledgerInvariants(t)).toMatchObject({ unbalanced: 0, trialBalance: 0n });
  });
});
