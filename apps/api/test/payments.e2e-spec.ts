import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { toStripeAmount } from '@karya-ibu/types/money';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import { createStripeClient } from '../src/infra/stripe/stripe-client.js';
import { createKampung, createProduct, createSellerAccount, signIn } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { placedOrder } from './checkout-operations.js';
import { CancelSellerOrderDocument, OrderDocument, RecordRefundReturnedDocument, ReconciliationReportDocument, RefundSellerOrderDocument, RefundsInProgressDocument, RefundsOwedByHandDocument, ResolveOrderFlagDocument } from './generated/graphql.js';
import { expectResult } from './harness/results.js';

/** Card payments end to end: the real SDK against the local Stripe test server, its signed webhooks to the API under test. */
describe('payments by card: Stripe Checkout and its webhooks', () => {
  let t: TestApp;
  let stripe: Stripe;
  let seller: Awaited<ReturnType<typeof createSellerAccount>>;

  const control = async (path: string, method: 'GET' | 'POST' = 'POST', form?: Record<string, string>) => {
    const response = await fetch(`${t.config.stripe.apiBase!.protocol}://${t.config.stripe.apiBase!.host}:${t.config.stripe.apiBase!.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${t.config.stripe.secretKey}`, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const paymentOf = async (orderId: string) => (await t.dataSource.query('SELECT * FROM payments WHERE order_id = $1', [orderId]))[0];
  const statusOf = async (orderId: string) => (await t.dataSource.query('SELECT status, flag_reason FROM orders WHERE id = $1', [orderId]))[0];
  const state = async (orderId: string) => t.dataSource.query(
    `SELECT o.status, o.paid_at, o.flag_reason, p.status AS payment, p.fee_idr, p.refunded_idr, (SELECT count(*)::int FROM order_events e WHERE e.order_id = o.id) AS events,
       (SELECT string_agg(s.status::text, ',' ORDER BY s.code) FROM seller_orders s WHERE s.order_id = o.id) AS seller_orders,
       (SELECT bool_and(s.paid_at IS NOT DISTINCT FROM o.paid_at) FROM seller_orders s WHERE s.order_id = o.id) AS seller_orders_paid_with_order,
       (SELECT sum(r.orders)::int FROM seller_reach_monthly r WHERE r.seller_id IN (SELECT s.seller_id FROM seller_orders s WHERE s.order_id = o.id)) AS reach,
       (SELECT string_agg(l.cause || ' ' || l.payment_method || ' ' || left(l.provider_reference, 3), ',' ORDER BY l.created_at) FROM ledger_transactions l WHERE l.order_id = o.id) AS postings
     FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.id = $1`, [orderId]);
  const eventually = async (probe: () => Promise<boolean>, what: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /** Holds a row lock in a transaction of its own, as another request would; says which backends wait behind it, directly or in a chain. */
  const holdRow = async (sql: string, id: string) => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
    await runner.query(sql, [id]);
    return {
      waiting: async (): Promise<number[]> =>
        (
          await t.dataSource.query(
            `WITH RECURSIVE chain(pid) AS (SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid)) UNION SELECT a.pid FROM pg_stat_activity a JOIN chain c ON c.pid = ANY(pg_blocking_pids(a.pid))) SELECT pid FROM chain`,
            [pid],
          )
        ).map((row: { pid: number }) => row.pid),
      release: async () => {
        await runner.commitTransaction();
        await runner.release();
      },
    };
  };
  const deliver = (payload: string, signature: string) =>
    fetch(`${t.url}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
  const signed = (event: object) => {
    const payload = JSON.stringify(event);
    return { payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret: t.config.stripe.webhookSecret }) };
  };
  const cardOrder = async (quantity = 1) => {
    const product = await createProduct(t, seller.seller, { priceIdr: 350_000n, stock: 10 });
    const order = await placedOrder(t, [{ productId: product.id, quantity }], { paymentMethod: 'CARD' });
    expect(order).toMatchObject({ __typename: 'Order', status: 'PENDING_PAYMENT', payment: { method: 'CARD', status: 'PENDING' } });
    return { order, product, payment: await paymentOf(order.id) };
  };
  const pay = async (order: { id: string }) => {
    const payment = await paymentOf(order.id);
    expect((await control(`/_test/checkout/sessions/${payment.stripe_checkout_session_id}/pay`)).status).toBe(200);
    await eventually(async () => (await statusOf(order.id)).status === 'PAID', 'the order to be paid');
    // The last event of the purchase (checkout.session.completed) is in when the fee is.
    await eventually(async () => (await paymentOf(order.id)).fee_idr !== null, 'the fee');
  };

  beforeAll(async () => {
    t = await createTestApp();
    stripe = createStripeClient(t.config.stripe);
    seller = await createSellerAccount(t, await createKampung(t), 'Ibu Retno');
  });
  afterAll(() => t.close());

  it('paying on the hosted page flips the order and its seller orders to PAID in one go, with Stripe\'s fee kept', async () => {
    const { order, payment } = await cardOrder();
    expect(order.payment!.checkoutUrl).toMatch(/\/checkout\/cs_test_/);
    const session = await stripe.checkout.sessions.retrieve(payment.stripe_checkout_session_id);
    expect(session.amount_total).toBe(toStripeAmount(BigInt(order.totalIdr)));
    await pay(order);
    const [paid] = await state(order.id);
    // 2.9 % + Rp 2.000 of Rp 358.000 (the test server's fee, as Stripe's).
    expect(paid).toMatchObject({ status: 'PAID', payment: 'SUCCEEDED', seller_orders: 'PAID', fee_idr: String((358_000n * 29n + 500n) / 1000n + 2000n), seller_orders_paid_with_order: true });
    expect(paid.reach).toBeGreaterThanOrEqual(1);
    // Posted to the ledger once, named by its charge as Stripe's balance transactions name it.
    expect(paid.postings).toBe('ORDER_PAID STRIPE ch_');
  });

  it('the same event replayed 10 times changes nothing', async () => {
    const { order, payment } = await cardOrder();
    await pay(order);
    const before = await state(order.id);
    const completed = (await stripe.events.list({ type: 'checkout.session.completed', limit: 100 })).data.find((e) => (e.data.object as Stripe.Checkout.Session).id === payment.stripe_checkout_session_id)!;
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await control(`/_test/events/${completed.id}/resend`)).body.attempts[0].status);
    expect(statuses).toEqual(Array(10).fill(200));
    expect(await state(order.id)).toEqual(before);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM stripe_events WHERE event_id = $1', [completed.id]))[0].n).toBe(1);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM order_events WHERE order_id = $1 AND action = 'PAID'`, [order.id]))[0].n).toBe(2); // the order and its one seller order
  });

  it('events out of order: a late payment_failed after success changes nothing; a charge before its session is fine', async () => {
    const { order, payment } = await cardOrder();
    await pay(order);
    const before = await state(order.id);
    const late = signed({ id: `evt_late_${randomUUID()}`, object: 'event', type: 'payment_intent.payment_failed', created: Math.floor(Date.now() / 1000), data: { object: { id: payment.stripe_payment_intent_id, object: 'payment_intent', metadata: { payment_id: payment.id } } } });
    expect((await deliver(late.payload, late.signature)).status).toBe(200);
    expect(await state(order.id)).toEqual(before);
    // A failed attempt first, then the success: paid.
    const second = await cardOrder();
    const failed = await control(`/_test/checkout/sessions/${second.payment.stripe_checkout_session_id}/fail`);
    expect(failed.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await statusOf(second.order.id)).status).toBe('PENDING_PAYMENT');
    await pay(second.order);
  });

  it('a bad signature answers 400 and changes nothing', async () => {
    const { order, payment } = await cardOrder();
    const forged = JSON.stringify({ id: `evt_forged_${randomUUID()}`, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000), data: { object: { id: payment.stripe_checkout_session_id, object: 'checkout.session', payment_status: 'paid', amount_total: toStripeAmount(BigInt(order.totalIdr)), currency: 'idr', metadata: { payment_id: payment.id } } } });
    const before = await state(order.id);
    const wrongSecret = stripe.webhooks.generateTestHeaderString({ payload: forged, secret: 'whsec_not_the_right_one_0123456789' });
    for (const signature of [wrongSecret, 't=1,v1=00', '']) expect((await deliver(forged, signature)).status).toBe(400);
    expect(await state(order.id)).toEqual(before);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM stripe_events WHERE payment_id = $1', [payment.id]))[0].n).toBe(0);
  });

  it('a webhook whose database connection dies answers 500 and Stripe sends it again; an event of another integration on the account is ignored', async () => {
    const { order, payment } = await cardOrder();
    const deliveries = async () => (await control('/_test/deliveries', 'GET')).body.data as { state: string; attempts: { status: number | null }[] }[];
    const earlier = (await deliveries()).length;
    const holder = await holdRow('SELECT id FROM payments WHERE id = $1 FOR UPDATE', payment.id);
    expect((await control(`/_test/checkout/sessions/${payment.stripe_checkout_session_id}/pay`)).status).toBe(200);
    await eventually(async () => (await holder.waiting()).length > 0, 'a webhook to wait for the payment');
    await t.dataSource.query('SELECT pg_terminate_backend($1)', [(await holder.waiting())[0]]);
    // The payment's events go out one after another: the first is the one whose connection died.
    await eventually(async () => (await deliveries())[earlier]?.attempts.length > 0, 'the first delivery to be answered');
    expect((await deliveries())[earlier].attempts[0].status).toBe(500);
    await holder.release();
    await eventually(async () => (await statusOf(order.id)).status === 'PAID', 'the order to be paid on a later attempt', 30_000);
    await eventually(async () => (await deliveries()).slice(earlier).every((d) => d.state === 'delivered'), 'every event to be delivered in the end', 30_000);
    expect((await deliveries())[earlier].attempts.at(-1)!.status).toBe(200);
    expect((await state(order.id))[0].postings.split(',').map((p: string) => p.split(' ')[0])).toEqual(['ORDER_PAID']);

    // Signed by Stripe, but the payment_id in its metadata is another integration's, not one of our ids.
    const foreign = signed({ id: `evt_foreign_${randomUUID()}`, object: 'event', type: 'charge.refunded', created: Math.floor(Date.now() / 1000), data: { object: { id: 'ch_foreign', object: 'charge', amount_refunded: 500, metadata: { payment_id: 'pay_8812' } } } });
    const answer = await deliver(foreign.payload, foreign.signature);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ received: true, outcome: 'ignored: no payment of ours' });
  });

  it('an amount that does not match the order flags it and never marks it paid', async () => {
    const { order, payment } = await cardOrder();
    const short = signed({ id: `evt_short_${randomUUID()}`, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000), data: { object: { id: payment.stripe_checkout_session_id, object: 'checkout.session', payment_status: 'paid', amount_total: toStripeAmount(1000n), currency: 'idr', payment_intent: 'pi_x', metadata: { payment_id: payment.id } } } });
    expect((await deliver(short.payload, short.signature)).status).toBe(200);
    const [after] = await state(order.id);
    expect(after).toMatchObject({ status: 'PENDING_PAYMENT', payment: 'FLAGGED', paid_at: null, seller_orders: 'PENDING_PAYMENT' });
    expect(after.flag_reason).toMatch(/100000 idr for an order of/);
    // The right amount in another currency is no better.
    const { order: other, payment: otherPayment } = await cardOrder();
    const usd = signed({ id: `evt_usd_${randomUUID()}`, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000), data: { object: { id: otherPayment.stripe_checkout_session_id, object: 'checkout.session', payment_status: 'paid', amount_total: toStripeAmount(BigInt(other.totalIdr)), currency: 'usd', metadata: { payment_id: otherPayment.id } } } });
    await deliver(usd.payload, usd.signature);
    expect((await statusOf(other.id)).status).toBe('PENDING_PAYMENT');
  });

  it('refunds part of a seller order through Stripe once per key; charge.refunded reconciles; a seller\'s cancellation refunds the rest', async () => {
    const { order } = await cardOrder();
    await pay(order);
    const finance = await signIn(t, { roles: [Role.FINANCE] });
    const sellerOrderId = order.sellerOrders[0].id;
    const key = randomUUID();
    for (let i = 0; i < 2; i++) expect((await t.gql(RefundSellerOrderDocument, { id: sellerOrderId, amount: '50000', key }, { token: finance.token })).data!.refundSellerOrder).toEqual({ __typename: 'SellerOrder', refundedIdr: '50000' });
    const [refund] = await t.dataSource.query('SELECT stripe_refund_id FROM refunds WHERE seller_order_id = $1', [sellerOrderId]).then((rows: any[]) => (expect(rows).toHaveLength(1), rows));
    expect((await stripe.refunds.retrieve(refund.stripe_refund_id)).amount).toBe(toStripeAmount(50_000n));
    await eventually(async () => (await t.dataSource.query('SELECT reconciled_at FROM refunds WHERE seller_order_id = $1', [sellerOrderId]))[0].reconciled_at !== null, 'charge.refunded');
    expect((await paymentOf(order.id)).refunded_idr).toBe('50000');
    // The seller cancels before shipping: the rest comes back.
    const cancelled = await t.gql(CancelSellerOrderDocument, { id: sellerOrderId }, { token: seller.login.token });
    expect(cancelled.data!.cancelSellerOrder).toEqual({ __typename: 'SellerOrder', status: 'CANCELLED', refundedIdr: order.sellerOrders[0].totalIdr });
    await eventually(async () => (await paymentOf(order.id)).refunded_idr === order.totalIdr, 'the full refund at Stripe');
    const view = (await t.gql(OrderDocument, { code: order.code, phone: '0812 5555 0101' })).data!.order!;
    expect(view.sellerOrders[0].timeline.map((e) => e.action)).toEqual(['PLACED', 'PAID', 'REFUNDED', 'CANCELLED', 'REFUNDED']);
  });

  it("a card refund the bank turns down later stands, is owed to the buyer by hand once (replays change nothing), and finance sends it by transfer", async () => {
    const { order } = await cardOrder();
    await pay(order);
    const finance = await signIn(t, { roles: [Role.FINANCE], displayName: 'Rina Keuangan' });
    const sellerOrderId = order.sellerOrders[0].id;
    const balances = async () =>
      Object.fromEntries(
        (
          await t.dataSource.query(
            `SELECT a.code, sum(e.amount_idr)::text AS balance FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id JOIN ledger_transactions l ON l.id = e.transaction_id
             WHERE l.order_id = $1 OR l.refund_id IN (SELECT id FROM refunds WHERE order_id = $1) GROUP BY a.code HAVING sum(e.amount_idr) <> 0 ORDER BY a.code`,
            [order.id],
          )
        ).map((row: { code: string; balance: string }) => [row.code.replace(seller.seller.id, 'her'), row.balance]),
      );
    const month = async () => (await t.dataSource.query('SELECT refunded_idr, refunded_commission_idr FROM ledger_monthly WHERE seller_id = $1', [seller.seller.id]))[0];
    const counts = async () =>
      (await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM ledger_transactions WHERE order_id = $1) AS postings, (SELECT count(*)::int FROM order_events WHERE order_id = $1) AS events,
           (SELECT count(*)::int FROM outbox_messages WHERE body LIKE '%ditolak oleh bank kartu%' AND body LIKE '%' || $2 || '%') AS told`,
        [order.id, order.sellerOrders[0].code],
      ))[0];
    const owed = async () => (await t.gql(RefundsOwedByHandDocument, {}, { token: finance.token })).data!.refundsOwedByHand.filter((r) => r.sellerOrder.id === sellerOrderId);
    const returned = (refundId: string, reference: string) => t.gql(RecordRefundReturnedDocument, { id: refundId, ref: reference }, { token: finance.token });

    expect((await t.gql(RefundSellerOrderDocument, { id: sellerOrderId, amount: '100000', key: randomUUID() }, { token: finance.token })).data!.refundSellerOrder).toEqual({ __typename: 'SellerOrder', refundedIdr: '100000' });
    const [refund] = await t.dataSource.query('SELECT id, stripe_refund_id FROM refunds WHERE seller_order_id = $1', [sellerOrderId]);
    await eventually(async () => (await t.dataSource.query('SELECT reconciled_at FROM refunds WHERE id = $1', [refund.id]))[0].reconciled_at !== null, 'charge.refunded');
    const refunded = await balances();
    const monthRefunded = await month();
    expect(refunded['PAYMENT_CLEARING:STRIPE']).toBe(String(Number(order.totalIdr) - 100_000));
    expect(await returned(refund.id, 'BCA 20261201-77')).toMatchObject({ data: { recordRefundReturned: { __typename: 'TransitionNotAllowedError' } } });

    const failed = await control(`/_test/refunds/${refund.stripe_refund_id}/fail`);
    expect(failed).toMatchObject({ status: 200, body: { status: 'failed', failure_reason: 'expired_or_canceled_card' } });
    await eventually(async () => (await t.dataSource.query('SELECT status FROM refunds WHERE id = $1', [refund.id]))[0].status === 'FAILED', 'refund.failed');
    expect((await t.dataSource.query('SELECT failure_reason, failed_at IS NOT NULL AS dated FROM refunds WHERE id = $1', [refund.id]))[0]).toEqual({ failure_reason: 'expired_or_canceled_card', dated: true });
    // The refund stands (her share and the commission stay given back); Stripe has the money again, owed to the buyer by hand.
    expect(await balances()).toEqual({ ...refunded, 'PAYMENT_CLEARING:STRIPE': order.totalIdr, REFUNDS_PAYABLE: '-100000' });
    expect(await month()).toEqual(monthRefunded);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_idr) <> 0) t'))[0].n).toBe(0);
    expect((await state(order.id))[0].postings.split(',').map((p: string) => p.split(' ')[0])).toEqual(['ORDER_PAID', 'REFUND', 'REFUND_FAILED']);
    expect((await paymentOf(order.id)).refunded_idr).toBe('0');
    expect((await t.dataSource.query('SELECT refunded_idr FROM seller_orders WHERE id = $1', [sellerOrderId]))[0].refunded_idr).toBe('100000');
    expect((await statusOf(order.id)).flag_reason).toBe('Pengembalian dana Rp 100.000 ke kartu ditolak bank (kartu kedaluwarsa atau sudah ditutup): kirim lewat transfer bank');
    expect(await owed()).toEqual([expect.objectContaining({ refundId: refund.id, amountIdr: '100000', reason: 'Warna berbeda dari foto', failureReason: 'expired_or_canceled_card', sellerOrder: expect.objectContaining({ id: sellerOrderId, buyer: { name: 'Dewi Lestari', phone: '+6281255550101' } }) })]);
    const after = await counts();
    expect(after.told).toBe(1);
    // Reconciled: Stripe's refund and its refund_failure net to nothing, as the ledger's postings on the Stripe clearing do; the orders module counts the refund.
    const report = expectResult((await t.gql(ReconciliationReportDocument, { p: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7) }, { token: finance.token })).data!.reconciliationReport, 'ReconciliationReport');
    expect(report.differences.filter((d) => [refund.stripe_refund_id, `${sellerOrderId} refunded`, `${sellerOrderId} paid`].includes(d.reference))).toEqual([]);

    // Stripe's resend and a signed copy under a new event id change nothing.
    const [event] = (await stripe.events.list({ type: 'refund.failed', limit: 1 })).data;
    expect((event.data.object as Stripe.Refund).id).toBe(refund.stripe_refund_id);
    expect((await control(`/_test/events/${event.id}/resend`)).body.attempts[0].status).toBe(200);
    const copyId = `evt_copy_${randomUUID()}`;
    const copy = signed({ ...event, id: copyId });
    expect((await deliver(copy.payload, copy.signature)).status).toBe(200);
    expect((await t.dataSource.query('SELECT outcome FROM stripe_events WHERE event_id = $1', [copyId]))[0].outcome).toBe('ignored: already failed');
    expect(await counts()).toEqual(after);
    // Its charge.refunded from before the failure, coming in late (Stripe's events come in any order): what Stripe has refunded now counts.
    const charge = (await paymentOf(order.id)).stripe_charge_id;
    const earlier = (await stripe.events.list({ type: 'charge.refunded', limit: 100 })).data.find((e) => (e.data.object as Stripe.Charge).id === charge)!;
    expect((earlier.data.object as Stripe.Charge).amount_refunded).toBe(toStripeAmount(100_000n));
    const late = signed({ ...earlier, id: `evt_late_${randomUUID()}` });
    expect((await deliver(late.payload, late.signature)).status).toBe(200);
    expect((await paymentOf(order.id)).refunded_idr).toBe('0');
    expect(await counts()).toEqual(after);
    // A failed refund cannot fail twice at Stripe either.
    expect((await control(`/_test/refunds/${refund.stripe_refund_id}/fail`)).status).toBe(400);

    // Finance sends it by transfer: a bad reference is refused with nothing changed; then once, and the same reference again is a replay.
    expect((await returned(refund.id, ' ')).data!.recordRefundReturned).toMatchObject({ __typename: 'InvalidInputError', field: 'bankReference' });
    expect((await returned(randomUUID(), 'BCA 20261201-77')).data!.recordRefundReturned).toMatchObject({ __typename: 'NotFoundError' });
    expect(await counts()).toEqual(after);
    for (let i = 0; i < 2; i++) expect((await returned(refund.id, 'BCA 20261201-77')).data!.recordRefundReturned).toMatchObject({ __typename: 'SellerOrder', id: sellerOrderId, refundedIdr: '100000' });
    expect((await returned(refund.id, 'BCA 20261201-78')).data!.recordRefundReturned).toMatchObject({ __typename: 'TransitionNotAllowedError' });
    const sent = await balances();
    expect(sent.REFUNDS_PAYABLE).toBeUndefined();
    expect(sent['PAYMENT_CLEARING:BANK_TRANSFER']).toBe('-100000');
    expect(await t.dataSource.query('SELECT cause, provider_reference FROM ledger_transactions WHERE refund_id = $1 ORDER BY created_at', [refund.id])).toEqual([
      { cause: 'REFUND', provider_reference: refund.stripe_refund_id },
      { cause: 'REFUND_FAILED', provider_reference: refund.stripe_refund_id },
      { cause: 'REFUND_SENT', provider_reference: 'BCA 20261201-77' },
    ]);
    expect(await owed()).toEqual([]);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE body LIKE '%referensi BCA 20261201-77%'`))[0].n).toBe(1);
    const view = (await t.gql(OrderDocument, { code: order.code, phone: '0812 5555 0101' })).data!.order!;
    expect(view.sellerOrders[0].timeline.map((e) => e.action)).toEqual(['PLACED', 'PAID', 'REFUNDED', 'REFUND_FAILED', 'REFUND_RETURNED']);

    // Finance says what was done about the flag: it is cleared once, and the order's timeline keeps both.
    const resolve = (id: string, note: string) => t.gql(ResolveOrderFlagDocument, { id, note }, { token: finance.token });
    expect((await resolve(order.id, ' ok ')).data!.resolveOrderFlag).toMatchObject({ __typename: 'InvalidInputError', field: 'note' });
    expect((await resolve(randomUUID(), 'Sudah ditransfer')).data!.resolveOrderFlag).toMatchObject({ __typename: 'NotFoundError' });
    expect((await statusOf(order.id)).flag_reason).not.toBeNull();
    const resolved = expectResult((await resolve(order.id, 'Sudah ditransfer,  pembeli dikabari lewat WhatsApp')).data!.resolveOrderFlag, 'Order');
    expect(resolved.flagReason).toBeNull();
    expect(resolved.timeline.slice(-2)).toEqual([
      expect.objectContaining({ action: 'FLAGGED', note: expect.stringContaining('ke kartu ditolak bank') }),
      { action: 'FLAG_RESOLVED', note: 'Sudah ditransfer, pembeli dikabari lewat WhatsApp', actorName: 'Rina Keuangan' },
    ]);
    expect((await resolve(order.id, 'Sudah ditransfer lagi')).data!.resolveOrderFlag).toMatchObject({ __typename: 'TransitionNotAllowedError' });
  });

  describe('refunds under contention and when the API dies', () => {
    const stall = (when: 'before' | 'after' | 'off') => control('/_test/stall', 'POST', { endpoint: 'POST /v1/refunds', when });
    /** What Stripe gave back for the order: its refunds (by our metadata) and the charge's refunded total as charge.refunded told us. */
    const atStripe = async (orderId: string) => {
      const transactions = await stripe.balanceTransactions.list({ type: 'refund', limit: 100 });
      const refunds = await Promise.all(transactions.data.map((txn) => stripe.refunds.retrieve(txn.source as string)));
      return refunds.filter((r) => r.metadata?.order_id === orderId && r.status !== 'failed').map((r) => r.amount);
    };
    const applied = async (sellerOrderId: string) =>
      (await t.dataSource.query(
        `SELECT so.status, so.refunded_idr, (SELECT count(*)::int FROM refunds r WHERE r.seller_order_id = so.id) AS refunds, (SELECT count(*)::int FROM refunds r WHERE r.seller_order_id = so.id AND r.applied_at IS NULL) AS unapplied,
           (SELECT count(*)::int FROM ledger_transactions l WHERE l.cause = 'REFUND' AND l.refund_id IN (SELECT id FROM refunds r WHERE r.seller_order_id = so.id)) AS postings,
           (SELECT count(*)::int FROM order_events e WHERE e.seller_order_id = so.id AND e.action = 'REFUNDED') AS events,
           (SELECT count(*)::int FROM outbox_messages m WHERE m.body LIKE '%' || so.code || '%' AND m.body LIKE '%kami kembalikan ke cara bayar%') AS told
         FROM seller_orders so WHERE so.id = $1`,
        [sellerOrderId],
      ))[0];
    const unbalanced = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount_idr) <> 0) t'))[0].n;
    /** Kills the API once the request has committed its refund and is waiting on Stripe, then starts it again. */
    const killWhileAtStripe = async (request: Promise<unknown>, sellerOrderId: string) => {
      await eventually(async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM refunds WHERE seller_order_id = $1', [sellerOrderId]))[0].n > 0, 'the refund to be recorded');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await t.killApi();
      await request.catch(() => undefined);
      expect((await stall('off')).status).toBe(200);
      await t.restartApi();
    };
    /** Waits for the refund job; when it does not come, says what the API logged about the refund. */
    const finishedByJob = async (sellerOrderId: string) => {
      try {
        await eventually(async () => (await applied(sellerOrderId)).unapplied === 0, 'the refund job', 90_000);
      } catch (error) {
        const lines = t.logs().filter((line) => /refund|Jobs/i.test(JSON.stringify(line)));
        throw new Error(`${(error as Error).message}; the API logged:\n${lines.map((line) => JSON.stringify(line).slice(0, 600)).join('\n')}`);
      }
    };
    afterEach(() => stall('off'));

    it("charge.refunded and refund.failed for one refund at once both go through: they take the payment's lock and the refund's in one order", async () => {
      const { order } = await cardOrder();
      await pay(order);
      const finance = await signIn(t, { roles: [Role.FINANCE] });
      const sellerOrderId = order.sellerOrders[0].id;
      expect((await t.gql(RefundSellerOrderDocument, { id: sellerOrderId, amount: '50000', key: randomUUID() }, { token: finance.token })).data!.refundSellerOrder).toMatchObject({ __typename: 'SellerOrder', refundedIdr: '50000' });
      const [refund] = await t.dataSource.query('SELECT id, stripe_refund_id FROM refunds WHERE seller_order_id = $1', [sellerOrderId]);
      await eventually(async () => (await t.dataSource.query('SELECT reconciled_at FROM refunds WHERE id = $1', [refund.id]))[0].reconciled_at !== null, 'charge.refunded');
      const charge = (await paymentOf(order.id)).stripe_charge_id;
      const refunded = (await stripe.events.list({ type: 'charge.refunded', limit: 100 })).data.find((e) => (e.data.object as Stripe.Charge).id === charge)!;
      // As before its charge.refunded was handled, so that both events have work on the refund's row.
      await t.dataSource.query('UPDATE refunds SET reconciled_at = NULL WHERE id = $1', [refund.id]);
      await t.dataSource.query('UPDATE payments SET refunded_idr = 0 WHERE order_id = $1', [order.id]);
      const stripeRefund = await stripe.refunds.retrieve(refund.stripe_refund_id);
      const failed = signed({ id: `evt_failed_${randomUUID()}`, object: 'event', type: 'refund.failed', created: Math.floor(Date.now() / 1000), data: { object: { ...stripeRefund, status: 'failed', failure_reason: 'lost_or_stolen_card' } } });
      const counted = signed({ ...refunded, id: `evt_refunded_${randomUUID()}` });

      // Something else holds the refund (a request applying it): refund.failed comes first and waits for it, then charge.refunded.
      const holder = await holdRow('SELECT id FROM refunds WHERE id = $1 FOR UPDATE', refund.id);
      const failedDelivered = deliver(failed.payload, failed.signature);
      await eventually(async () => (await holder.waiting()).length === 1, 'refund.failed to wait for the refund');
      const countedDelivered = deliver(counted.payload, counted.signature);
      await eventually(async () => (await holder.waiting()).length === 2, 'charge.refunded to wait');
      await holder.release();
      // Taken in opposite orders, PostgreSQL would end one of them as a deadlock, and its delivery would answer 500.
      expect([(await failedDelivered).status, (await countedDelivered).status]).toEqual([200, 200]);
      expect(await t.dataSource.query('SELECT outcome FROM stripe_events WHERE event_id = ANY($1) ORDER BY outcome', [[JSON.parse(failed.payload).id, JSON.parse(counted.payload).id]])).toEqual([
        { outcome: 'refund failed' },
        { outcome: 'refunds differ: stripe 50000, ours 0' },
      ]);
      expect((await t.dataSource.query('SELECT status, failure_reason FROM refunds WHERE id = $1', [refund.id]))[0]).toEqual({ status: 'FAILED', failure_reason: 'lost_or_stolen_card' });
      expect(await t.dataSource.query('SELECT cause FROM ledger_transactions WHERE refund_id = $1 ORDER BY created_at', [refund.id])).toEqual([{ cause: 'REFUND' }, { cause: 'REFUND_FAILED' }]);
      expect(await unbalanced()).toBe(0);
    });

    it('refunds at once on one seller order never give back more than was paid; one key at once makes one refund', async () => {
      const { order } = await cardOrder();
      await pay(order);
      const finance = await signIn(t, { roles: [Role.FINANCE] });
      const sellerOrderId = order.sellerOrders[0].id;
      const total = BigInt(order.sellerOrders[0].totalIdr);
      const part = total / 3n + 1n; // two fit, a third does not
      const answers = await Promise.all(Array.from({ length: 6 }, () => t.gql(RefundSellerOrderDocument, { id: sellerOrderId, amount: String(part), key: randomUUID() }, { token: finance.token })));
      const kinds = answers.map((a) => a.data!.refundSellerOrder.__typename).sort();
      expect(kinds).toEqual(['InvalidInputError', 'InvalidInputError', 'InvalidInputError', 'InvalidInputError', 'SellerOrder', 'SellerOrder']);
      expect(await applied(sellerOrderId)).toMatchObject({ refunded_idr: String(2n * part), refunds: 2, unapplied: 0, postings: 2, events: 2, told: 2 });
      expect(await atStripe(order.id)).toEqual([Number(part) * 100, Number(part) * 100]);
      // Five at once with one key: one refund, the same answer for each.
      const key = randomUUID();
      const rest = total - 2n * part;
      const same = await Promise.all(Array.from({ length: 5 }, () => t.gql(RefundSellerOrderDocument, { id: sellerOrderId, amount: String(rest), key }, { token: finance.token })));
      expect(same.map((a) => a.data!.refundSellerOrder)).toEqual(Array(5).fill({ __typename: 'SellerOrder', refundedIdr: String(total) }));
      expect(await applied(sellerOrderId)).toMatchObject({ refunded_idr: String(total), refunds: 3, unapplied: 0, postings: 3, events: 3 });
      expect((await atStripe(order.id)).reduce((sum, amount) => sum + amount, 0)).toBe(Number(total) * 100);
      expect(await unbalanced()).toBe(0);
    });

    it('a refund Stripe refuses outright (the charge was refunded from its dashboard) answers so, gives nothing back twice and leaves the amount refundable', async () => {
      const { order, payment } = await cardOrder();
      await pay(order);
      const finance = await signIn(t, { roles: [Role.FINANCE] });
      const sellerOrderId = order.sellerOrders[0].id;
      // Someone refunded the whole charge on Stripe's side, outside Karya Ibu.
      await stripe.refunds.create({ payment_intent: (await paymentOf(order.id)).stripe_payment_intent_id ?? payment.stripe_payment_intent_id });
      const refused = await t.gql(RefundSellerOrderDocument, { id: sellerOrderId, amount: '50000', key: randomUUID() }, { token: finance.token });
      expect(refused.data!.refundSellerOrder).toMatchObject({ __typename: 'TransitionNotAllowedError', message: expect.stringContaining('Stripe refused') });
      expect(await applied(sellerOrderId)).toMatchObject({ refunded_idr: '0', refunds: 1, postings: 0, events: 0, told: 0 });
      // Flagged for a person to look at, whoever asked: once for each refusal.
      expect((await statusOf(order.id)).flag_reason).toMatch(/^Stripe menolak pengembalian dana Rp 50\.000 \(charge_already_refunded\)/);
      expect((await t.dataSource.query('SELECT status, failed_at, failure_reason FROM refunds WHERE seller_order_id = $1', [sellerOrderId]))[0]).toMatchObject({ status: 'FAILED', failed_at: null, failure_reason: expect.any(String) });
      // Refused, so not counted: the whole seller order can still be asked for.
      const again = await t.gql(RefundSellerOrderDocument, { id: sellerOrderId, amount: order.sellerOrders[0].totalIdr, key: randomUUID() }, { token: finance.token });
      expect(again.data!.refundSellerOrder).toMatchObject({ __typename: 'TransitionNotAllowedError' });
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM order_events WHERE order_id = $1 AND action = 'FLAGGED'`, [order.id]))[0].n).toBe(2);
      expect(await unbalanced()).toBe(0);
    });

    it.each(['before', 'after'] as const)('a refund whose request dies waiting on Stripe (the request lost %s it ran) is finished by its job, once', async (when) => {
      const { order } = await cardOrder();
      await pay(order);
      const finance = await signIn(t, { roles: [Role.FINANCE], displayName: 'Rina Keuangan' });
      const sellerOrderId = order.sellerOrders[0].id;
      expect((await stall(when)).status).toBe(200);
      const request = t.gql(RefundSellerOrderDocument, { id: sellerOrderId, amount: '75000', key: randomUUID() }, { token: finance.token });
      await killWhileAtStripe(request, sellerOrderId);
      expect(await atStripe(order.id)).toEqual(when === 'after' ? [7_500_000] : []);
      // Staff see it until its job has finished it.
      const inProgress = async () => (await t.gql(RefundsInProgressDocument, {}, { token: finance.token })).data!.refundsInProgress.filter((r) => r.sellerOrder.id === sellerOrderId);
      expect(await inProgress()).toEqual([expect.objectContaining({ amountIdr: '75000', method: 'CARD', stage: 'WAITING_FOR_STRIPE', requestedBy: 'Rina Keuangan' })]);
      await finishedByJob(sellerOrderId);
      expect(await inProgress()).toEqual([]);
      expect(await applied(sellerOrderId)).toMatchObject({ status: 'PAID', refunded_idr: '75000', refunds: 1, postings: 1, events: 1, told: 1 });
      expect(await atStripe(order.id)).toEqual([7_500_000]);
      await eventually(async () => (await paymentOf(order.id)).refunded_idr === '75000', 'charge.refunded');
      // Reconciled with charge.refunded however the two came in.
      await eventually(async () => (await t.dataSource.query('SELECT reconciled_at FROM refunds WHERE seller_order_id = $1', [sellerOrderId]))[0].reconciled_at !== null, 'the refund reconciled');
      expect((await t.dataSource.query('SELECT status, stripe_refund_id IS NOT NULL AS known FROM refunds WHERE seller_order_id = $1', [sellerOrderId]))[0]).toEqual({ status: 'SUCCEEDED', known: true });
      expect(await unbalanced()).toBe(0);
    }, 180_000);

    it("a card's bank turning a refund down before the refund's request could apply it: finance's transfer applies it first, once", async () => {
      const { order } = await cardOrder();
      await pay(order);
      const finance = await signIn(t, { roles: [Role.FINANCE] });
      const sellerOrderId = order.sellerOrders[0].id;
      expect((await stall('after')).status).toBe(200);
      const request = t.gql(RefundSellerOrderDocument, { id: sellerOrderId, amount: '60000', key: randomUUID() }, { token: finance.token });
      let made: Stripe.Refund | undefined;
      await eventually(async () => {
        const transactions = await stripe.balanceTransactions.list({ type: 'refund', limit: 100 });
        const refunds = await Promise.all(transactions.data.map((txn) => stripe.refunds.retrieve(txn.source as string)));
        made = refunds.find((r) => r.metadata?.order_id === order.id);
        return made !== undefined;
      }, 'the refund at Stripe');
      expect((await control(`/_test/refunds/${made!.id}/fail`)).status).toBe(200);
      await eventually(async () => (await t.dataSource.query('SELECT failed_at FROM refunds WHERE seller_order_id = $1', [sellerOrderId]))[0].failed_at !== null, 'refund.failed');
      expect(await applied(sellerOrderId)).toMatchObject({ refunded_idr: '0', unapplied: 1, postings: 0 });
      const [refund] = await t.dataSource.query('SELECT id FROM refunds WHERE seller_order_id = $1', [sellerOrderId]);
      const sent = await t.gql(RecordRefundReturnedDocument, { id: refund.id, ref: 'BRI 20261202-11' }, { token: finance.token });
      expect(sent.data!.recordRefundReturned).toMatchObject({ __typename: 'SellerOrder', refundedIdr: '60000' });
      expect(await t.dataSource.query('SELECT cause FROM ledger_transactions WHERE refund_id = $1 ORDER BY created_at', [refund.id])).toEqual([{ cause: 'REFUND' }, { cause: 'REFUND_FAILED' }, { cause: 'REFUND_SENT' }]);
      // The request that made it ends (here with the API), and its job finds nothing left to do.
      await t.killApi();
      await request.catch(() => undefined);
      await stall('off');
      await t.restartApi();
      await new Promise((resolve) => setTimeout(resolve, 17_000));
      expect(await applied(sellerOrderId)).toMatchObject({ refunded_idr: '60000', unapplied: 0, postings: 1, events: 1, told: 1 });
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM ledger_transactions WHERE refund_id = $1', [refund.id]))[0].n).toBe(3);
      expect(await unbalanced()).toBe(0);
    }, 180_000);

    it("a seller's cancellation and its refund commit together: killed before Stripe answered, the refund still comes", async () => {
      const { order } = await cardOrder();
      await pay(order);
      const sellerOrderId = order.sellerOrders[0].id;
      expect((await stall('before')).status).toBe(200);
      const request = t.gql(CancelSellerOrderDocument, { id: sellerOrderId }, { token: seller.login.token });
      await killWhileAtStripe(request, sellerOrderId);
      expect((await applied(sellerOrderId)).status).toBe('CANCELLED');
      await finishedByJob(sellerOrderId);
      expect(await applied(sellerOrderId)).toMatchObject({ status: 'CANCELLED', refunded_idr: order.sellerOrders[0].totalIdr, refunds: 1, postings: 1, events: 1 });
      expect(await atStripe(order.id)).toEqual([Number(order.sellerOrders[0].totalIdr) * 100]);
      expect(await unbalanced()).toBe(0);
    }, 180_000);
  });
});
