import { randomUUID } from 'node:crypto';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import { createKampung, createProduct, createSellerAccount, signIn } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { placedOrder } from './checkout-operations.js';
import {
  CancelOrderDocument,
  CompleteSellerOrderDocument,
  ConfirmDeliveredDocument,
  ConfirmTransferDocument,
  MarkShippedDocument,
  OrderDocument,
  RecordCodPaymentDocument,
  SellerOrderContactsDocument,
  SellerOrderDocument,
} from './generated/graphql.js';
import { expectResult } from './harness/results.js';

/** After payment: packing, shipping with a resi, delivery and completion, each step recorded with who made it. */
describe('fulfilment', () => {
  let t: TestApp;
  let sellerA: Awaited<ReturnType<typeof createSellerAccount>>;
  let sellerB: Awaited<ReturnType<typeof createSellerAccount>>;
  let pendampingA: string;
  let finance: string;

  beforeAll(async () => {
    t = await createTestApp();
    const kampungA = await createKampung(t, { name: 'Teritip' });
    sellerA = await createSellerAccount(t, kampungA, 'Ibu Retno');
    sellerB = await createSellerAccount(t, await createKampung(t, { name: 'Manggar' }), 'Ibu Sari');
    pendampingA = (await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [kampungA], displayName: 'Bu Pendamping' })).token;
    finance = (await signIn(t, { roles: [Role.FINANCE] })).token;
  });
  afterAll(() => t.close());

  const paidOrder = async () => {
    const [a, b] = [await createProduct(t, sellerA.seller, { stock: 5 }), await createProduct(t, sellerB.seller, { stock: 5 })];
    const order = await placedOrder(t, [{ productId: a.id, quantity: 1 }, { productId: b.id, quantity: 1 }], { villageCode: '31.71.01.1001' });
    await t.gql(ConfirmTransferDocument, { orderId: order.id, amount: order.totalIdr, ref: 'BCA 998877', key: randomUUID() }, { token: finance });
    const mine = (seller: typeof sellerA) => order.sellerOrders.find((so) => so.seller.id === seller.seller.id)!.id;
    return { order, soA: mine(sellerA), soB: mine(sellerB) };
  };

  it('the pendamping ships for her kampung\'s seller with a resi ("dibantu oleh"), the buyer confirms, the seller completes', async () => {
    const { order, soA } = await paidOrder();
    const missing = await t.gql(MarkShippedDocument, { id: soA, courier: 'JNE', resi: null }, { token: pendampingA });
    expect(missing.data!.markSellerOrderShipped).toMatchObject({ __typename: 'InvalidInputError' });
    const shipped = await t.gql(MarkShippedDocument, { id: soA, courier: 'JNE', resi: 'jne 0123 4567 89' }, { token: pendampingA });
    expect(shipped.data!.markSellerOrderShipped).toMatchObject({ status: 'SHIPPED', trackingNumber: 'JNE0123456789' });
    expect(expectResult(shipped.data!.markSellerOrderShipped, 'SellerOrder').timeline.at(-1)).toEqual({ action: 'SHIPPED', actorName: 'Bu Pendamping', onBehalf: true });
    // Shipping twice is not a thing; cancelling after shipping neither.
    expect((await t.gql(MarkShippedDocument, { id: soA, courier: 'JNE', resi: 'JNE0123456789' }, { token: sellerA.login.token })).data!.markSellerOrderShipped.__typename).toBe('TransitionNotAllowedError');
    const outbox = await t.dataSource.query(`SELECT body FROM outbox_messages WHERE recipient = '+6281255550101' AND body LIKE '%resi%'`);
    expect(outbox[0].body).toMatch(/sudah dikirim \(.*resi JNE JNE0123456789\).*https:\/\/wa\.me\/62/);

    // The seller cannot confirm her own delivery; the buyer (a guest with the phone) can.
    expect((await t.gql(ConfirmDeliveredDocument, { id: soA }, { token: sellerA.login.token })).data!.confirmSellerOrderDelivered.__typename).toBe('NotFoundError');
    expect(expectResult((await t.gql(ConfirmDeliveredDocument, { id: soA, phone: '0812 5555 0101' })).data!.confirmSellerOrderDelivered, 'SellerOrder').status).toBe('DELIVERED');
    expect(expectResult((await t.gql(CompleteSellerOrderDocument, { id: soA }, { token: sellerA.login.token })).data!.completeSellerOrder, 'SellerOrder').status).toBe('COMPLETED');
    const view = (await t.gql(OrderDocument, { code: order.code, phone: '0812 5555 0101' })).data!.order!;
    expect(view.sellerOrders.find((so) => so.id === soA)!.timeline.map((e) => [e.action, e.onBehalf])).toEqual([['PLACED', false], ['PAID', false], ['SHIPPED', true], ['DELIVERED', false], ['COMPLETED', false]]);
  });

  it('a seller sees her part with the buyer\'s address and phone; another seller, her pendamping or a stranger does not', async () => {
    const { soA, soB } = await paidOrder();
    const own = await t.gql(SellerOrderDocument, { id: soA }, { token: sellerA.login.token });
    expect(own.data!.sellerOrder!.buyer).toMatchObject({ name: 'Dewi Lestari', phone: '+6281255550101' });
    expect(own.data!.sellerOrder!.shipTo.street).toMatch(/Sudirman/);
    for (const token of [sellerB.login.token, (await signIn(t)).token]) expect((await t.gql(SellerOrderDocument, { id: soA }, { token })).data!.sellerOrder).toBeNull();
    expect((await t.gql(SellerOrderDocument, { id: soB }, { token: pendampingA })).data!.sellerOrder).toBeNull();
    const list = await t.gql(SellerOrderContactsDocument, { sellerId: sellerB.seller.id }, { token: pendampingA });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(list.data)).not.toContain('5555');
  });

  it('the auto-delivery job delivers a parcel nobody confirmed', async () => {
    const { soA } = await paidOrder();
    await t.gql(MarkShippedDocument, { id: soA, courier: 'J&T', resi: 'JT00998877' }, { token: sellerA.login.token });
    await t.dataSource.query(`UPDATE pgboss.job SET start_after = now() WHERE name = 'order-timers' AND data->>'id' = $1 AND data->>'kind' = 'deliver'`, [soA]);
    const deadline = Date.now() + 15_000;
    while ((await t.dataSource.query('SELECT status FROM seller_orders WHERE id = $1', [soA]))[0].status !== 'DELIVERED') {
      if (Date.now() > deadline) throw new Error('not delivered by the job');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [event] = await t.dataSource.query(`SELECT actor_system, actor_name FROM order_events WHERE seller_order_id = $1 AND action = 'DELIVERED'`, [soA]);
    expect(event).toEqual({ actor_system: 'order-timer', actor_name: 'Pengingat pesanan (sistem)' });
  });

  it('cash on delivery: the pendamping records the exact cash once; the order is PAID when all its cash is in', async () => {
    const product = await createProduct(t, sellerA.seller, { stock: 5 });
    const order = await placedOrder(t, [{ productId: product.id, quantity: 1 }], { paymentMethod: 'COD' });
    const id = order.sellerOrders[0].id;
    expect((await t.gql(CompleteSellerOrderDocument, { id }, { token: sellerA.login.token })).data!.completeSellerOrder.__typename).toBe('TransitionNotAllowedError');
    expect((await t.gql(RecordCodPaymentDocument, { id, amount: '1', key: randomUUID() }, { token: pendampingA })).data!.recordCodPayment).toMatchObject({ __typename: 'AmountMismatchError', expectedIdr: order.sellerOrders[0].totalIdr });
    const key = randomUUID();
    for (let i = 0; i < 2; i++) expect(expectResult((await t.gql(RecordCodPaymentDocument, { id, amount: order.sellerOrders[0].totalIdr, key }, { token: pendampingA })).data!.recordCodPayment, 'SellerOrder').status).toBe('DELIVERED');
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM payments WHERE seller_order_id = $1 AND method = 'COD'`, [id]))[0].n).toBe(1);
    expect((await t.dataSource.query('SELECT status FROM orders WHERE id = $1', [order.id]))[0].status).toBe('PAID');
    expect(expectResult((await t.gql(CompleteSellerOrderDocument, { id }, { token: sellerA.login.token })).data!.completeSellerOrder, 'SellerOrder').status).toBe('COMPLETED');
  });

  it('the buyer cancels an unpaid order and its stock goes back; a paid one she cannot', async () => {
    const product = await createProduct(t, sellerA.seller, { stock: 2 });
    const order = await placedOrder(t, [{ productId: product.id, quantity: 2 }]);
    expect((await t.gql(CancelOrderDocument, { code: order.code, phone: '0812 0000 0000' })).data!.cancelOrder.__typename).toBe('NotFoundError');
    expect((await t.gql(CancelOrderDocument, { code: order.code, phone: '0812 5555 0101' })).data!.cancelOrder).toEqual({ __typename: 'Order', status: 'CANCELLED' });
    expect((await t.dataSource.query('SELECT stock FROM products WHERE id = $1', [product.id]))[0].stock).toBe(2);
    const { order: paid } = await paidOrder();
    expect((await t.gql(CancelOrderDocument, { code: paid.code, phone: '0812 5555 0101' })).data!.cancelOrder.__typename).toBe('TransitionNotAllowedError');
  });
});
