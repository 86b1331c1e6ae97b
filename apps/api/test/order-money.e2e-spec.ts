import { randomUUID } from 'node:crypto';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import { createKampung, createProduct, createSellerAccount, signIn } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { placedOrder } from './checkout-operations.js';
import { ConfirmDeliveredDocument, ConfirmTransferDocument, MarkShippedDocument, ReconciliationReportDocument, RecordCodPaymentDocument, RefundSellerOrderDocument } from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { ledgerInvariants, ledgerOf, systemCtx } from './money-helpers.js';
const DAY = 86_400_000;

/** What the order service posts to the ledger as an order moves: paid, delivered, refunded, cash on delivery; and the reconciliation of both. */
describe('orders post their money to the ledger', () => {
  let t: TestApp;
  let seller: Awaited<ReturnType<typeof createSellerAccount>>;
  let finance: string;
  let pendamping: { token: string; userId: string };

  beforeAll(async () => {
    t = await createTestApp();
    const kampung = await createKampung(t, { name: 'Teritip' });
    seller = await createSellerAccount(t, kampung, 'Ibu Retno');
    finance = (await signIn(t, { roles: [Role.FINANCE] })).token;
    const helper = await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [kampung] });
    pendamping = { token: helper.token, userId: helper.userId };
  });
  afterAll(() => t.close());

  const postings = (sellerOrderId: string) =>
    t.dataSource.query(`SELECT cause, payment_method, provider_reference FROM ledger_transactions WHERE seller_order_id = $1 OR refund_id IN (SELECT id FROM refunds WHERE seller_order_id = $1) ORDER BY created_at`, [sellerOrderId]);
  const balance = async (at = new Date()) => (await ledgerOf(t).balances(systemCtx(), [seller.seller.id], at)).get(seller.seller.id)!;
  const witaMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

  it('freezes the commission when the order is placed, posts the transfer once, releases her share on delivery and takes back a refund', async () => {
    const before = await balance(new Date(Date.now() + 30 * DAY));
    const product = await createProduct(t, seller.seller, { priceIdr: 150_000n, stock: 5 });
    const order = await placedOrder(t, [{ productId: product.id, quantity: 2 }], { villageCode: '31.71.01.1001' });
    const sellerOrderId = order.sellerOrders[0].id;
    const [line] = await t.dataSource.query('SELECT commission_rate_basis_points AS rate, commission_rule_id FROM order_lines WHERE seller_order_id = $1', [sellerOrderId]);
    expect(line.rate).toBe(1000);
    expect(line.commission_rule_id).not.toBeNull();

    // The admin raises the default rate after she sold: her order keeps the rate it was bought at.
    await t.dataSource.query(`UPDATE commission_rules SET rate_basis_points = 2500 WHERE scope = 'DEFAULT'`);
    try {
      const key = randomUUID();
      for (let i = 0; i < 3; i++) {
        const confirmed = await t.gql(ConfirmTransferDocument, { orderId: order.id, amount: order.totalIdr, ref: 'BRI 123456', key }, { token: finance });
        expect(confirmed.data?.confirmBankTransfer.__typename).toBe('Order');
      }
    } finally {
      await t.dataSource.query(`UPDATE commission_rules SET rate_basis_points = 1000 WHERE scope = 'DEFAULT'`);
    }
    expect(await postings(sellerOrderId)).toEqual([{ cause: 'ORDER_PAID', payment_method: 'BANK_TRANSFER', provider_reference: 'BRI 123456' }]);
    // Its unique code came in with it, once: the bank account holds what the buyer sent, as the statement shows it.
    const [{ unique_code_idr: code }] = await t.dataSource.query('SELECT unique_code_idr FROM orders WHERE id = $1', [order.id]);
    expect(BigInt(code)).toBeGreaterThan(0n);
    const bankIn = await t.dataSource.query(
      `SELECT t.cause, sum(e.amount_idr)::text AS amount FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id JOIN ledger_accounts a ON a.id = e.account_id
       WHERE t.order_id = $1 AND a.code = 'PAYMENT_CLEARING:BANK_TRANSFER' GROUP BY t.cause ORDER BY t.cause`,
      [order.id],
    );
    expect(bankIn).toEqual([{ cause: 'ORDER_PAID', amount: String(BigInt(order.totalIdr) - BigInt(code)) }, { cause: 'TRANSFER_CODE', amount: code }]);
    const [sale] = await t.dataSource.query('SELECT gross_idr, commission_idr FROM ledger_sale_lines WHERE seller_order_id = $1', [sellerOrderId]);
    expect(sale).toEqual({ gross_idr: '300000', commission_idr: '30000' });
    const later = new Date(Date.now() + 30 * DAY);
    expect((await balance(later)).pendingIdr - before.pendingIdr).toBe(270_000n);

    expect((await t.gql(MarkShippedDocument, { id: sellerOrderId, courier: 'JNE', resi: 'JNE0012345678' }, { token: seller.login.token })).data?.markSellerOrderShipped.__typename).toBe('SellerOrder');
    expect((await t.gql(ConfirmDeliveredDocument, { id: sellerOrderId, phone: '0812 5555 0101' })).data?.confirmSellerOrderDelivered.__typename).toBe('SellerOrder');
    const delivered = await balance(later);
    expect(delivered.pendingIdr).toBe(before.pendingIdr);
    expect(delivered.availableIdr - before.availableIdr).toBe(270_000n);

    // Part of it back to the buyer, asked twice with one key: taken back once, commission in proportion.
    const refundKey = randomUUID();
    for (let i = 0; i < 2; i++) expect((await t.gql(RefundSellerOrderDocument, { id: sellerOrderId, amount: '100000', key: refundKey }, { token: finance })).data?.refundSellerOrder).toEqual({ __typename: 'SellerOrder', refundedIdr: '100000' });
    expect((await postings(sellerOrderId)).map((p: { cause: string }) => p.cause)).toEqual(['ORDER_PAID', 'DELIVERY_RELEASE', 'REFUND', 'REFUND_SENT']);
    expect((await balance(later)).availableIdr - before.availableIdr).toBe(180_000n);
    expect(await ledgerInvariants(t)).toMatchObject({ unbalanced: 0, trialBalance: 0n });
  });

  it('cash on delivery posts the payment and the delivery when the pendamping records the cash, held by her', async () => {
    const product = await createProduct(t, seller.seller, { priceIdr: 85_000n, stock: 5, codAllowed: true });
    const order = await placedOrder(t, [{ productId: product.id, quantity: 1 }], { paymentMethod: 'COD' });
    const sellerOrderId = order.sellerOrders[0].id;
    expect(await postings(sellerOrderId)).toEqual([]);
    const key = randomUUID();
    for (let i = 0; i < 2; i++) expect((await t.gql(RecordCodPaymentDocument, { id: sellerOrderId, amount: order.sellerOrders[0].totalIdr, key }, { token: pendamping.token })).data?.recordCodPayment.__typename).toBe('SellerOrder');
    expect((await postings(sellerOrderId)).map((p: { cause: string; payment_method: string | null }) => [p.cause, p.payment_method])).toEqual([['ORDER_PAID', 'COD'], ['DELIVERY_RELEASE', null]]);
    const [held] = await t.dataSource.query(
      `SELECT sum(e.amount_idr)::text AS held FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id WHERE a.kind = 'COD_CASH' AND a.holder_user_id = $1`,
      [pendamping.userId],
    );
    expect(held.held).toBe(order.sellerOrders[0].totalIdr);
  });

  it('reconciles: every seller order the orders module paid or refunded is in the ledger for the same amount', async () => {
    const report = expectResult((await t.gql(ReconciliationReportDocument, { p: witaMonth() }, { token: finance })).data!.reconciliationReport, 'ReconciliationReport');
    expect(report.ordersConnected).toBe(true);
    expect(report.ledgerBalanced).toBe(true);
    expect(report.differences.filter((d) => d.source === 'ORDERS')).toEqual([]);
    // The bank account's money in is what finance confirmed as received, unique codes included.
    const [{ received }] = await t.dataSource.query(
      `SELECT coalesce(sum(amount_idr), 0)::text AS received FROM payments WHERE method = 'BANK_TRANSFER' AND status = 'SUCCEEDED' AND to_char(settled_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM') = $1`,
      [witaMonth()],
    );
    expect(report.bankInIdr).toBe(received);
  });
});
