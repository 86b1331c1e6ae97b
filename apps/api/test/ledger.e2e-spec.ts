import { randomUUID } from 'node:crypto';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import { CommissionsService } from '../src/modules/commissions/commissions.service.js';
import { ProductCategory } from '../src/modules/catalog/models/catalog.enums.js';
import { LedgerContractError } from '../src/modules/ledger/ledger.service.js';
import { PaymentMethod } from '../src/modules/ledger/models/ledger.enums.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import { createKampung, createSellerAccount, createTrainingProgram, enroll, signIn, type SignedIn } from './factories.js';
import { CommissionRulesDocument, SetCommissionRuleDocument, type SetCommissionRuleInput } from './generated/graphql.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { balanceOf, deliverAndRelease, ledgerInvariants, ledgerOf, payOrder, systemCtx, TEN_PERCENT } from './money-helpers.js';

describe('ledger', () => {
  let t: TestApp;
  let kampung: Kampung;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    kampung = await createKampung(t);
    admin = await signIn(t, { roles: [Role.ADMIN] });
  });
  afterAll(() => t.close());

  describe('the database keeps it honest', () => {
    it('refuses to change or delete a posted entry or transaction, or to empty the journal', async () => {
      const { seller } = await createSellerAccount(t, kampung);
      await payOrder(t, seller, [100_000n]);
      for (const sql of [
        'UPDATE ledger_entries SET amount_idr = amount_idr + 1',
        'DELETE FROM ledger_entries',
        `UPDATE ledger_transactions SET memo = 'diubah'`,
        'DELETE FROM ledger_transactions',
        'TRUNCATE ledger_entries CASCADE',
        'UPDATE ledger_sale_lines SET commission_idr = 0',
      ]) {
        await expect(t.dataSource.query(sql)).rejects.toThrow(/append-only/);
      }
    });

    it('refuses at commit a transaction whose entries do not sum to zero, or that has a single entry', async () => {
      const { seller } = await createSellerAccount(t, kampung);
      await payOrder(t, seller, [100_000n]); // makes the accounts
      const [{ id: account }] = await t.dataSource.query(`SELECT id FROM ledger_accounts WHERE code = 'COMMISSION_REVENUE'`);
      for (const amounts of [[500, -499], [500]]) {
        await expect(
          t.dataSource.transaction(async (manager) => {
            const [{ id }] = await manager.query(`INSERT INTO ledger_transactions (idempotency_key, cause, occurred_at, actor_system, actor_name) VALUES ($1, 'ADJUSTMENT', now(), 'demo-seed', 'uji') RETURNING id`, [randomUUID()]);
            for (const amount of amounts) await manager.query('INSERT INTO ledger_entries (transaction_id, account_id, amount_idr) VALUES ($1, $2, $3)', [id, account, amount]);
          }),
        ).rejects.toThrow(/does not balance/);
      }
    });

    it('refuses entries added later to a transaction already posted, even balanced ones', async () => {
      const { seller } = await createSellerAccount(t, kampung);
      const order = await payOrder(t, seller, [100_000n]);
      const [{ id }] = await t.dataSource.query(`SELECT id FROM ledger_transactions WHERE seller_order_id = $1`, [order.sellerOrderId]);
      const [{ id: account }] = await t.dataSource.query(`SELECT id FROM ledger_accounts WHERE code = 'COMMISSION_REVENUE'`);
      await expect(
        t.dataSource.transaction(async (manager) => {
          await manager.query('INSERT INTO ledger_entries (transaction_id, account_id, amount_idr) VALUES ($1, $2, 1000), ($1, $2, -1000)', [id, account]);
        }),
      ).rejects.toThrow(/already posted/);
    });

    it('stores every amount as bigint and keeps each idempotency key unique', async () => {
      const indexes: { indexdef: string }[] = await t.dataSource.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'ledger_transactions'`);
      expect(indexes.map((i) => i.indexdef).join('\n')).toMatch(/UNIQUE INDEX .* ON public\.ledger_transactions USING btree \(idempotency_key\)/);
      const [{ type }] = await t.dataSource.query(`SELECT data_type AS type FROM information_schema.columns WHERE table_name = 'ledger_entries' AND column_name = 'amount_idr'`);
      expect(type).toBe('bigint');
    });
  });

  describe('posting', () => {
    it('an order paid: her share pending, the commission and shipping credited, the clearing debited, and she sees price, commission and net', async () => {
      const { seller, login } = await createSellerAccount(t, kampung);
      const order = await payOrder(t, seller, [250_000n, 100_000n], { shippingIdr: 18_000n });
      expect(await balanceOf(t, login.token)).toMatchObject({ pendingIdr: '315000', availableIdr: '0', inPayoutIdr: '0', paidOutIdr: '0', holdDays: 7 });
      const [line] = (await balanceOf(t, login.token)).lines.edges;
      expect(line.node).toMatchObject({ kind: 'SALE', priceIdr: '350000', commissionIdr: '35000', netIdr: '315000', state: 'PENDING', availableAt: null, orderId: order.orderId });
      expect(line.node.orderLines).toHaveLength(2);
      expect(line.node.orderLines.map((l) => l.commissionRateBasisPoints)).toEqual([1000, 1000]);
      const clearing = await t.dataSource.query(`SELECT (-sum(e.amount_idr))::text AS v, a.code FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id JOIN ledger_transactions t ON t.id = e.transaction_id WHERE t.seller_order_id = $1 GROUP BY a.code ORDER BY a.code`, [order.sellerOrderId]);
      expect(clearing).toEqual([
        { code: 'COMMISSION_REVENUE', v: '35000' },
        { code: 'PAYMENT_CLEARING:BANK_TRANSFER', v: '-368000' },
        { code: `SELLER_PENDING:${seller.id}`, v: '315000' },
        { code: 'SHIPPING_PAYABLE', v: '18000' },
      ]);
    });

    it('delivery starts the hold; after it the money is available', async () => {
      const { seller, login } = await createSellerAccount(t, kampung);
      const recent = await payOrder(t, seller, [100_000n]);
      const old = await payOrder(t, seller, [200_000n]);
      await deliverAndRelease(t, recent, 2); // 5 days of the hold left
      await deliverAndRelease(t, old, 8);
      const balance = await balanceOf(t, login.token);
      expect(balance).toMatchObject({ pendingIdr: '90000', availableIdr: '180000' });
      const states = balance.lines.edges.map((e) => [e.node.netIdr, e.node.state]);
      expect(states).toEqual(expect.arrayContaining([['90000', 'PENDING'], ['180000', 'AVAILABLE']]));
    });

    it('a replayed webhook, 10 times at once, posts once', async () => {
      const { seller, login } = await createSellerAccount(t, kampung);
      const fact = { orderId: randomUUID(), method: PaymentMethod.STRIPE, paidAt: new Date(), providerReference: 'ch_replayed', sellerOrders: [{ sellerOrderId: randomUUID(), sellerId: seller.id, shippingIdr: 0n, lines: [{ orderLineId: randomUUID(), grossIdr: 300_000n, commission: TEN_PERCENT }] }] };
      const results = await Promise.all(Array.from({ length: 10 }, () => ledgerOf(t).postOrderPaid(systemCtx(), fact)));
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(new Set(results.map((r) => r.transactionIds[0])).size).toBe(1);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ledger_transactions WHERE seller_order_id = $1`, [fact.sellerOrders[0].sellerOrderId]);
      expect(n).toBe(1);
      expect((await balanceOf(t, login.token)).pendingIdr).toBe('270000');
      // The same for a delivery and a refund replayed.
      const delivered = { sellerOrderId: fact.sellerOrders[0].sellerOrderId, deliveredAt: new Date() };
      await Promise.all(Array.from({ length: 10 }, () => ledgerOf(t).postSellerOrderDelivered(systemCtx(), delivered)));
      const refund = { refundId: randomUUID(), sellerOrderId: delivered.sellerOrderId, refundedAt: new Date(), providerReference: 're_replayed', lines: [{ orderLineId: fact.sellerOrders[0].lines[0].orderLineId, amountIdr: 100_000n }], shippingIdr: 0n, reason: 'Warna beda' };
      await Promise.all(Array.from({ length: 10 }, () => ledgerOf(t).postRefund(systemCtx(), refund)));
      const causes = await t.dataSource.query(`SELECT cause, count(*)::int AS n FROM ledger_transactions WHERE seller_order_id = $1 GROUP BY cause ORDER BY cause::text`, [delivered.sellerOrderId]);
      expect(causes).toEqual([{ cause: 'ORDER_PAID', n: 1 }, { cause: 'DELIVERY_RELEASE', n: 1 }, { cause: 'REFUND', n: 1 }].sort((a, b) => a.cause.localeCompare(b.cause)));
      expect(await ledgerInvariants(t)).toMatchObject({ unbalanced: 0, trialBalance: 0n });
    });

    it('partial refunds, then the rest: the exact reverse, to the rupiah', async () => {
      const { seller, login } = await createSellerAccount(t, kampung);
      const order = await payOrder(t, seller, [99_999n], { shippingIdr: 15_000n });
      const refund = (amountIdr: bigint, shippingIdr = 0n) => ledgerOf(t).postRefund(systemCtx(), { refundId: randomUUID(), sellerOrderId: order.sellerOrderId, refundedAt: new Date(), providerReference: null, lines: [{ orderLineId: order.lineIds[0], amountIdr }], shippingIdr, reason: null });
      await refund(33_333n);
      await refund(33_333n, 15_000n);
      expect(await ledgerOf(t).refundable(systemCtx(), order.sellerOrderId)).toEqual({ lines: [{ orderLineId: order.lineIds[0], amountIdr: 33_333n }], shippingIdr: 0n });
      await expect(refund(33_334n)).rejects.toThrow(LedgerContractError);
      await refund(33_333n);
      const balance = await balanceOf(t, login.token);
      expect(balance).toMatchObject({ pendingIdr: '0', availableIdr: '0' });
      const [{ commission }] = await t.dataSource.query(`SELECT coalesce(sum(e.amount_idr), 0)::text AS commission FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id JOIN ledger_transactions t ON t.id = e.transaction_id WHERE a.code = 'COMMISSION_REVENUE' AND t.seller_order_id = $1`, [order.sellerOrderId]);
      expect(commission).toBe('0');
      // Bank-transfer refunds are owed until sent back by hand.
      const [{ owed }] = await t.dataSource.query(`SELECT (-sum(e.amount_idr))::text AS owed FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id JOIN ledger_transactions t ON t.id = e.transaction_id WHERE a.code = 'REFUNDS_PAYABLE' AND t.seller_order_id = $1`, [order.sellerOrderId]);
      expect(owed).toBe('114999');
    });

    it('a refund owed by hand is settled once, for exactly what is owed', async () => {
      const { seller } = await createSellerAccount(t, kampung);
      const order = await payOrder(t, seller, [80_000n]);
      const refundId = randomUUID();
      await ledgerOf(t).postRefund(systemCtx(), { refundId, sellerOrderId: order.sellerOrderId, refundedAt: new Date(), providerReference: null, lines: [{ orderLineId: order.lineIds[0], amountIdr: 80_000n }], shippingIdr: 0n, reason: 'Dibatalkan' });
      await expect(ledgerOf(t).postRefundSent(systemCtx(), { refundId, sentAt: new Date(), method: PaymentMethod.BANK_TRANSFER, amountIdr: 1n, reference: 'x' })).rejects.toThrow(/owes Rp 80000/);
      const sent = { refundId, sentAt: new Date(), method: PaymentMethod.BANK_TRANSFER as const, amountIdr: 80_000n, reference: 'TRF-KEMBALI' };
      expect((await ledgerOf(t).postRefundSent(systemCtx(), sent)).replayed).toBe(false);
      expect((await ledgerOf(t).postRefundSent(systemCtx(), sent)).replayed).toBe(true);
    });

    it('COD: the cash is held by whoever collected it until brought in', async () => {
      const { seller, login } = await createSellerAccount(t, kampung);
      const order = await payOrder(t, seller, [120_000n], { method: PaymentMethod.COD, providerReference: null, cashCollectedByUserId: login.userId });
      await deliverAndRelease(t, order, 0);
      await expect(ledgerOf(t).postCodCashRemitted(systemCtx(), { remittanceId: randomUUID(), holderUserId: login.userId, amountIdr: 120_001n, remittedAt: new Date(), reference: null })).rejects.toThrow(/COD cash/);
      await ledgerOf(t).postCodCashRemitted(systemCtx(), { remittanceId: randomUUID(), holderUserId: login.userId, amountIdr: 120_000n, remittedAt: new Date(), reference: 'SETOR-1' });
      const [{ held }] = await t.dataSource.query(`SELECT coalesce(sum(e.amount_idr), 0)::text AS held FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id WHERE a.code = $1`, [`COD_CASH:${login.userId}`]);
      expect(held).toBe('0');
      expect((await balanceOf(t, login.token)).pendingIdr).toBe('108000'); // within the hold
    });

    it('refuses facts that break the contract: a delivery or refund of a seller order never paid, a Stripe payment without its charge', async () => {
      const { seller } = await createSellerAccount(t, kampung);
      await expect(ledgerOf(t).postSellerOrderDelivered(systemCtx(), { sellerOrderId: randomUUID(), deliveredAt: new Date() })).rejects.toThrow(/never paid/);
      await expect(payOrder(t, seller, [1n], { method: PaymentMethod.STRIPE, providerReference: null })).rejects.toThrow(/charge/);
      await expect(payOrder(t, seller, [0n])).rejects.toThrow(LedgerContractError);
    });
  });

  describe('commissions', () => {
    const rateFor = (sellerId: string, trainingProgramIds: string[] = [], category = ProductCategory.KAIN_BATIK, at = new Date()) => t.get(CommissionsService).rateFor(systemCtx(), { sellerId, category, trainingProgramIds, at });

    it('the default is 10 %; a cohort subsidy of 0 % for 6 months after its training beats the category; a seller rule beats both', async () => {
      const { seller } = await createSellerAccount(t, kampung);
      expect((await rateFor(seller.id)).rateBasisPoints).toBe(1000);
      const program = await createTrainingProgram(t, { endDate: '2026-03-13' });
      await enroll(t, program, seller);
      const cohort = await t.gql(SetCommissionRuleDocument, { i: { scope: 'TRAINING_PROGRAM', trainingProgramId: program.id, rateBasisPoints: 0, monthsAfterTraining: 6, note: 'Subsidi DP3AKB' } }, { token: admin.token });
      expect(cohort.data!.setCommissionRule).toMatchObject({ __typename: 'CommissionRule', rateBasisPoints: 0, validUntil: '2026-09-12T16:00:00.000Z' });
      await t.gql(SetCommissionRuleDocument, { i: { scope: 'CATEGORY', category: 'KAIN_BATIK', rateBasisPoints: 800 } }, { token: admin.token });
      expect(await rateFor(seller.id, [program.id], ProductCategory.KAIN_BATIK, new Date('2026-06-01T00:00:00Z'))).toMatchObject({ rateBasisPoints: 0, scope: 'TRAINING_PROGRAM' });
      expect(await rateFor(seller.id, [program.id], ProductCategory.KAIN_BATIK, new Date('2026-09-13T00:00:00Z'))).toMatchObject({ rateBasisPoints: 800, scope: 'CATEGORY' });
      expect(await rateFor(seller.id, [program.id], ProductCategory.TAS, new Date('2026-09-13T00:00:00Z'))).toMatchObject({ rateBasisPoints: 1000, scope: 'DEFAULT' });
      await t.gql(SetCommissionRuleDocument, { i: { scope: 'SELLER', sellerId: seller.id, rateBasisPoints: 500, capIdr: '20000' } }, { token: admin.token });
      expect(await rateFor(seller.id, [program.id], ProductCategory.KAIN_BATIK, new Date('2026-06-01T00:00:00Z'))).toMatchObject({ rateBasisPoints: 500, capIdr: 20_000n, scope: 'SELLER' });
      const rules = (await t.gql(CommissionRulesDocument, {}, { token: admin.token })).data!.commissionRules;
      expect(rules.filter((r) => r.sellerId === seller.id)).toHaveLength(1);
    });

    it('a commission change after purchase: old orders keep their frozen rate', async () => {
      const { seller, login } = await createSellerAccount(t, kampung);
      const frozen = await rateFor(seller.id);
      const before = await payOrder(t, seller, [100_000n], { rate: frozen });
      const changed = await t.gql(SetCommissionRuleDocument, { i: { scope: 'SELLER', sellerId: seller.id, rateBasisPoints: 2500 } }, { token: admin.token });
      expect(changed.data!.setCommissionRule.__typename).toBe('CommissionRule');
      const after = await payOrder(t, seller, [100_000n], { rate: await rateFor(seller.id) });
      const lines = (await balanceOf(t, login.token)).lines.edges.map((e) => e.node);
      expect(frozen.rateBasisPoints).not.toBe(2500);
      expect(lines.find((l) => l.orderId === before.orderId)).toMatchObject({ commissionIdr: String(frozen.rateBasisPoints * 10), orderLines: [{ commissionRateBasisPoints: frozen.rateBasisPoints }] });
      expect(lines.find((l) => l.orderId === after.orderId)).toMatchObject({ commissionIdr: '25000', orderLines: [{ commissionRateBasisPoints: 2500 }] });
    });

    it('bad rules are error results naming the field', async () => {
      const cases: [SetCommissionRuleInput, string, string][] = [
        [{ scope: 'DEFAULT', rateBasisPoints: 10_001 }, 'input.rateBasisPoints', 'OUT_OF_RANGE'],
        [{ scope: 'SELLER', rateBasisPoints: 100 }, 'input.sellerId', 'REQUIRED'],
        [{ scope: 'SELLER', sellerId: randomUUID(), rateBasisPoints: 100 }, 'input.sellerId', 'UNKNOWN_OPTION'],
        [{ scope: 'CATEGORY', category: 'TAS', rateBasisPoints: 100, floorIdr: '5000', capIdr: '100' }, 'input.capIdr', 'OUT_OF_RANGE'],
        [{ scope: 'DEFAULT', rateBasisPoints: 100, monthsAfterTraining: 6 }, 'input.monthsAfterTraining', 'UNKNOWN_OPTION'],
        [{ id: randomUUID(), scope: 'DEFAULT', rateBasisPoints: 100 }, 'input.id', 'UNKNOWN_OPTION'],
      ];
      for (const [input, field, problem] of cases) {
        const response = await t.gql(SetCommissionRuleDocument, { i: input }, { token: admin.token });
        expect({ input, result: response.data?.setCommissionRule }).toEqual({ input, result: { __typename: 'InvalidInputError', field, problem } });
      }
    });
  });
});
