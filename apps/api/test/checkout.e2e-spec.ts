import { randomUUID } from 'node:crypto';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import { ORDER_LOOKUP_FAILURES_PER_HOUR } from '../src/modules/orders/order-lookup-limit.js';
import { OrdersService } from '../src/modules/orders/orders.service.js';
import { RequestContext } from '../src/common/context/request-context.js';
import { createKampung, createProduct, createSellerAccount, signIn } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { address, contact, GAMBIR_JAKARTA, KARANG_JATI, placedOrder, placeOrder } from './checkout-operations.js';
import { AddToCartDocument, CartDocument, CheckoutQuoteDocument, ConfirmTransferDocument, MergeCartDocument, OrderDocument, PlaceOrderDocument, SellerOrderContactsDocument } from './generated/graphql.js';
import { expectResult } from './harness/results.js';

/** Cart to order: server-side prices, stock taken atomically, one seller order per seller, idempotent, all or nothing. */
describe('checkout', () => {
  let t: TestApp;
  let sellerA: Awaited<ReturnType<typeof createSellerAccount>>;
  let sellerB: Awaited<ReturnType<typeof createSellerAccount>>;
  const stockOf = async (id: string) => (await t.dataSource.query('SELECT stock FROM products WHERE id = $1', [id]))[0].stock as number;
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    const kampung = await createKampung(t);
    sellerA = await createSellerAccount(t, kampung, 'Ibu Retno');
    sellerB = await createSellerAccount(t, kampung, 'Ibu Sari');
  });
  afterAll(() => t.close());

  it('a guest fills a cart from two sellers, grouped by seller, limited by stock', async () => {
    const batik = await createProduct(t, sellerA.seller, { priceIdr: 350_000n, stock: 2 });
    const tas = await createProduct(t, sellerB.seller, { priceIdr: 75_000n, stock: 5 });
    const first = await t.gql(AddToCartDocument, { productId: batik.id, quantity: 1 });
    const cartId = expectResult(first.data!.addToCart, 'Cart').id;
    const second = await t.gql(AddToCartDocument, { cartId, productId: tas.id, quantity: 2 });
    expect(second.data!.addToCart).toMatchObject({ __typename: 'Cart', id: cartId, itemCount: 3, subtotalIdr: '500000' });
    expect(expectResult(second.data!.addToCart, 'Cart').sellerGroups.map((g) => [g.seller.displayName, g.subtotalIdr])).toEqual([['Ibu Retno', '350000'], ['Ibu Sari', '150000']]);
    const tooMany = await t.gql(AddToCartDocument, { cartId, productId: batik.id, quantity: 2 });
    expect(tooMany.data!.addToCart).toMatchObject({ __typename: 'InsufficientStockError', available: 2 });
    // A price change since adding shows at checkout; an archived product is flagged, not dropped.
    await t.dataSource.query('UPDATE products SET price_idr = 400000 WHERE id = $1', [batik.id]);
    await t.dataSource.query(`UPDATE products SET status = 'ARCHIVED' WHERE id = $1`, [tas.id]);
    const cart = (await t.gql(CartDocument, { cartId })).data!.cart!;
    expect(cart.lines.map((l) => [l.problem, l.unitPriceIdr, l.priceWhenAddedIdr])).toEqual([['PRICE_CHANGED', '400000', '350000'], ['UNAVAILABLE', '75000', '75000']]);
    expect(cart.hasProblems).toBe(true);
  });

  it('merges a guest cart into the buyer\'s on sign-in', async () => {
    const product = await createProduct(t, sellerA.seller, { stock: 4 });
    const guest = expectResult((await t.gql(AddToCartDocument, { productId: product.id, quantity: 2 })).data!.addToCart, 'Cart').id;
    const buyer = await signIn(t);
    const merged = await t.gql(MergeCartDocument, { guestCartId: guest }, { token: buyer.token });
    expect(merged.data!.mergeCart.itemCount).toBe(2);
    expect(merged.data!.mergeCart.id).not.toBe(guest);
    expect((await t.gql(CartDocument, { cartId: guest })).data!.cart).toBeNull();
  });

  it('quotes shipping per seller from the rate table: volumetric weight, pickup and local delivery only in Balikpapan', async () => {
    const bulky = await createProduct(t, sellerA.seller, { weightGrams: 600, stock: 3, lengthCm: 40, widthCm: 30, heightCm: 20 });
    const local = expectResult((await t.gql(CheckoutQuoteDocument, { input: { lines: [{ productId: bulky.id, quantity: 1 }], villageCode: KARANG_JATI } })).data!.checkoutQuote, 'CheckoutQuote');
    expect(local.groups[0].chargeableWeightGrams).toBe(4000);
    const options = Object.fromEntries(local.groups[0].shippingOptions.map((o) => [o.code, o.priceIdr]));
    expect(options).toMatchObject({ 'KAMPUNG:AMBIL': '0', 'PENDAMPING:ANTAR': '15000', 'JNE:REG': '40000' });
    const far = expectResult((await t.gql(CheckoutQuoteDocument, { input: { lines: [{ productId: bulky.id, quantity: 1 }], villageCode: GAMBIR_JAKARTA } })).data!.checkoutQuote, 'CheckoutQuote');
    expect(far.groups[0].shippingOptions.map((o) => o.kind)).not.toContain('PICKUP');
    expect(far.codUnavailableReason).toBe('NOT_IN_BALIKPAPAN');
  });

  it('places one order with a seller order per seller, totals from the server; the cart empties; sellers see only their own part', async () => {
    const buyer = await signIn(t);
    const batik = await createProduct(t, sellerA.seller, { priceIdr: 350_000n, stock: 3 });
    const tas = await createProduct(t, sellerB.seller, { priceIdr: 75_000n, stock: 3 });
    await t.gql(AddToCartDocument, { productId: batik.id, quantity: 1 }, { token: buyer.token });
    await t.gql(AddToCartDocument, { productId: tas.id, quantity: 2 }, { token: buyer.token });
    const quote = expectResult((await t.gql(CheckoutQuoteDocument, { input: { villageCode: KARANG_JATI } }, { token: buyer.token })).data!.checkoutQuote, 'CheckoutQuote');
    const shipping = quote.groups.map((g) => ({ sellerId: g.seller.id, optionCode: 'JNE:REG' }));
    const placed = expectResult((await t.gql(PlaceOrderDocument, { input: { contact: contact(), address: address(), shipping, paymentMethod: 'BANK_TRANSFER' }, key: randomUUID() }, { token: buyer.token })).data!.placeOrder, 'Order');
    expect(placed).toMatchObject({ __typename: 'Order', status: 'PENDING_PAYMENT', itemsTotalIdr: '500000', shippingTotalIdr: '20000' });
    expect(BigInt(placed.totalIdr) - 520_000n).toBe(BigInt(placed.uniqueCodeIdr));
    expect(Number(placed.uniqueCodeIdr)).toBeGreaterThanOrEqual(1);
    expect(placed.payment!.bankTransfer!.amountIdr).toBe(placed.totalIdr);
    expect(placed.sellerOrders.map((so) => [so.code, so.status, so.totalIdr])).toEqual([[`${placed.code}-1`, 'PENDING_PAYMENT', '360000'], [`${placed.code}-2`, 'PENDING_PAYMENT', '160000']]);
    expect([await stockOf(batik.id), await stockOf(tas.id)]).toEqual([2, 1]);
    expect((await t.gql(CartDocument, {}, { token: buyer.token })).data!.cart!.itemCount).toBe(0);

    const forA = (await t.gql(SellerOrderContactsDocument, {}, { token: sellerA.login.token })).data!.sellerOrders.edges.map((e) => e.node.code);
    expect(forA).toContain(`${placed.code}-1`);
    expect(forA).not.toContain(`${placed.code}-2`);

    // Finance confirms the transfer: the order and its seller orders are PAID; a second confirmation with the key changes nothing.
    const finance = await signIn(t, { roles: [Role.FINANCE] });
    const key = randomUUID();
    const wrong = await t.gql(ConfirmTransferDocument, { orderId: placed.id, amount: '520000', ref: 'BRI 123456', key }, { token: finance.token });
    expect(wrong.data!.confirmBankTransfer).toMatchObject({ __typename: 'AmountMismatchError', expectedIdr: placed.totalIdr });
    for (let i = 0; i < 2; i++) {
      const ok = await t.gql(ConfirmTransferDocument, { orderId: placed.id, amount: placed.totalIdr, ref: 'BRI 123456', key }, { token: finance.token });
      expect(ok.data!.confirmBankTransfer).toEqual({ __typename: 'Order', status: 'PAID' });
    }
    const paid = (await t.gql(OrderDocument, { code: placed.code }, { token: buyer.token })).data!.order!;
    expect(paid.sellerOrders.map((so) => so.status)).toEqual(['PAID', 'PAID']);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM payments WHERE order_id = $1 AND status = 'SUCCEEDED'`, [placed.id]))[0].n).toBe(1);
  });

  it('a confirmation sent several times at once with one key confirms once, and every answer says PAID', async () => {
    const product = await createProduct(t, sellerA.seller, { stock: 5 });
    const placed = await placedOrder(t, [{ productId: product.id, quantity: 1 }]);
    const finance = await signIn(t, { roles: [Role.FINANCE] });
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.gql(ConfirmTransferDocument, { orderId: placed.id, amount: placed.totalIdr, ref: 'BRI 424242', key }, { token: finance.token })));
    expect(answers.map((a) => a.data?.confirmBankTransfer)).toEqual(Array.from({ length: 6 }, () => ({ __typename: 'Order', status: 'PAID' })));
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM payments WHERE order_id = $1 AND status = 'SUCCEEDED'`, [placed.id]))[0].n).toBe(1);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM ledger_transactions WHERE order_id = $1 AND cause = 'ORDER_PAID'`, [placed.id]))[0].n).toBe(1);
    // Another key for the paid order is no replay: nothing is waiting any more.
    const later = await t.gql(ConfirmTransferDocument, { orderId: placed.id, amount: placed.totalIdr, ref: 'BRI 424242', key: randomUUID() }, { token: finance.token });
    expect(later.data!.confirmBankTransfer).toMatchObject({ __typename: 'TransitionNotAllowedError' });
  });

  it('the same idempotency key twice places one order', async () => {
    const product = await createProduct(t, sellerA.seller, { stock: 5 });
    const key = randomUUID();
    const [first, second] = await Promise.all([placedOrder(t, [{ productId: product.id, quantity: 1 }], { key }), placedOrder(t, [{ productId: product.id, quantity: 1 }], { key })]);
    expect(first.code).toBe(second.code);
    expect(await stockOf(product.id)).toBe(4);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM orders WHERE idempotency_key = $1', [key]))[0].n).toBe(1);
    // Another phone with the same key learns nothing of the order.
    const other = await placeOrder(t, [{ productId: product.id, quantity: 1 }], { key, phone: '0812 9999 0000' });
    expect(other.__typename).toBe('IdempotencyKeyReusedError');
  });

  it('ignores a tampered price: the order charges today\'s catalogue price, and a stale agreed total places nothing', async () => {
    const product = await createProduct(t, sellerA.seller, { priceIdr: 200_000n, stock: 5 });
    const cartId = expectResult((await t.gql(AddToCartDocument, { productId: product.id, quantity: 1 })).data!.addToCart, 'Cart').id;
    // The price the cart remembers is lowered behind the server's back (as a forged cookie or form would).
    await t.dataSource.query('UPDATE cart_lines SET price_when_added_idr = 1 WHERE cart_id = $1', [cartId]);
    const placed = await placedOrder(t, [{ productId: product.id, quantity: 1 }], { extra: { lines: null, cartId } });
    expect(placed.itemsTotalIdr).toBe('200000');
    const forged = await placeOrder(t, [{ productId: product.id, quantity: 1 }], { extra: { acceptedTotalIdr: '1000' } });
    expect(forged).toMatchObject({ __typename: 'TotalChangedError', totalIdr: '208000' }); // Rp 200.000 and POS Kilat's Rp 8.000
    // A price sent with the line, as a forged form would: the input has no such field (the type does not know it either).
    const forgedLine = { productId: product.id, quantity: 1, unitPriceIdr: '1' };
    const price = await t.gql(PlaceOrderDocument, { input: { lines: [forgedLine], contact: contact(), address: address(), shipping: [], paymentMethod: 'COD' }, key: 'k-0123456789abcdef' });
    expect(price.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stockOf(product.id)).toBe(4);
  });

  it('a failure inside placeOrder leaves no half order: the stock already taken goes back', async () => {
    const [low, high] = [await createProduct(t, sellerA.seller, { stock: 5 }), await createProduct(t, sellerB.seller, { stock: 5 })].sort((a, b) => a.id.localeCompare(b.id));
    const ordersBefore = await count('orders');
    // The second product sells out between the quote and the reservation: its conditional UPDATE takes nothing.
    const quote = expectResult((await t.gql(CheckoutQuoteDocument, { input: { lines: [{ productId: low.id, quantity: 1 }, { productId: high.id, quantity: 2 }], villageCode: KARANG_JATI } })).data!.checkoutQuote, 'CheckoutQuote');
    await t.dataSource.query(`
      CREATE FUNCTION sell_out_on_take() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.id = '${high.id}' THEN NEW.stock := -1; END IF; RETURN NEW; END $$;
      CREATE TRIGGER sell_out BEFORE UPDATE OF stock ON products FOR EACH ROW EXECUTE FUNCTION sell_out_on_take();
      ALTER TABLE products ADD CONSTRAINT test_stock_not_negative CHECK (stock >= 0) NOT VALID;`);
    try {
      const shipping = quote.groups.map((g) => ({ sellerId: g.seller.id, optionCode: 'JNE:REG' }));
      const response = await t.gql(PlaceOrderDocument, { input: { lines: [{ productId: low.id, quantity: 1 }, { productId: high.id, quantity: 2 }], contact: contact(), address: address(), shipping, paymentMethod: 'BANK_TRANSFER' }, key: randomUUID() });
      expect(response.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.dataSource.query('DROP TRIGGER sell_out ON products; DROP FUNCTION sell_out_on_take(); ALTER TABLE products DROP CONSTRAINT test_stock_not_negative;');
    }
    expect(await count('orders')).toBe(ordersBefore);
    expect([await stockOf(low.id), await stockOf(high.id)]).toEqual([5, 5]);
    // Out of stock at the reservation itself is an expected outcome, with the same all-or-nothing.
    await t.dataSource.query('UPDATE products SET stock = 1 WHERE id = $1', [high.id]);
    const short = await t.gql(PlaceOrderDocument, { input: { lines: [{ productId: low.id, quantity: 1 }, { productId: high.id, quantity: 2 }], contact: contact(), address: address(), shipping: quote.groups.map((g) => ({ sellerId: g.seller.id, optionCode: 'JNE:REG' })), paymentMethod: 'BANK_TRANSFER' }, key: randomUUID() });
    expect(short.data!.placeOrder).toMatchObject({ __typename: 'InsufficientStockError', available: 1 });
    expect([await stockOf(low.id), await stockOf(high.id), await count('orders')]).toEqual([5, 1, ordersBefore]);
  });

  it('an unpaid order expires at its deadline (the pg-boss job): its stock goes back once, the buyer is told', async () => {
    const product = await createProduct(t, sellerA.seller, { stock: 3 });
    const placed = await placedOrder(t, [{ productId: product.id, quantity: 2 }]);
    expect(await stockOf(product.id)).toBe(1);
    // Its deadline passes: the job the order made is due now.
    await t.dataSource.query(`UPDATE orders SET payment_deadline = now() - interval '1 minute' WHERE id = $1`, [placed.id]);
    await t.dataSource.query(`UPDATE pgboss.job SET start_after = now() WHERE name = 'order-timers' AND data->>'id' = $1`, [placed.id]);
    const deadline = Date.now() + 15_000;
    while ((await t.dataSource.query('SELECT status FROM orders WHERE id = $1', [placed.id]))[0].status !== 'EXPIRED') {
      if (Date.now() > deadline) throw new Error('the order did not expire');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await stockOf(product.id)).toBe(3);
    // Again (a retried job, a late sweep): nothing more goes back.
    expect(await t.get(OrdersService).expireIfDue(RequestContext.forSystem('order-timer'), placed.id)).toBe(false);
    expect(await stockOf(product.id)).toBe(3);
    const order = (await t.gql(OrderDocument, { code: placed.code, phone: '0812 5555 0101' })).data!.order!;
    expect(order.sellerOrders[0].status).toBe('EXPIRED');
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE body LIKE $1`, [`%${placed.code} dibatalkan karena belum dibayar%`]))[0].n).toBe(1);
  });

  it('a guest finds the order by code and phone only; wrong guesses are limited per address', async () => {
    const product = await createProduct(t, sellerA.seller, { stock: 3 });
    const placed = await placedOrder(t, [{ productId: product.id, quantity: 1 }]);
    expect((await t.gql(OrderDocument, { code: placed.code, phone: '+6281255550101' }, { ip: '203.0.113.7' })).data!.order?.code).toBe(placed.code);
    expect((await t.gql(OrderDocument, { code: placed.code }, { ip: '203.0.113.7' })).data!.order).toBeNull();
    let limited = 0;
    for (let i = 0; i < 25; i++) {
      const response = await t.gql(OrderDocument, { code: placed.code, phone: `0812 0000 ${String(i).padStart(4, '0')}` }, { ip: '203.0.113.8' });
      if (response.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS') limited++;
    }
    expect(limited).toBe(25 - ORDER_LOOKUP_FAILURES_PER_HOUR);
  });

  it('staff look-ups are not limited (they may list every order), and do not use up the address for others', async () => {
    const product = await createProduct(t, sellerA.seller, { stock: 3 });
    const placed = await placedOrder(t, [{ productId: product.id, quantity: 1 }]);
    const admin = await signIn(t, { roles: [Role.ADMIN] });
    for (let i = 0; i < ORDER_LOOKUP_FAILURES_PER_HOUR + 5; i++) {
      const response = await t.gql(OrderDocument, { code: `KI-ZZZZ${'ABCDEFGHJKMNPQRSTUVWXYZ23'[i]}Z` }, { ip: '203.0.113.9', token: admin.token });
      expect(response.errors).toBeUndefined();
      expect(response.data!.order).toBeNull();
    }
    expect((await t.gql(OrderDocument, { code: placed.code }, { ip: '203.0.113.9', token: admin.token })).data!.order?.code).toBe(placed.code);
    const guest = await t.gql(OrderDocument, { code: placed.code, phone: '0812 0000 9999' }, { ip: '203.0.113.9' });
    expect(guest.errors).toBeUndefined();
    expect(guest.data!.order).toBeNull();
  });

  it('COD only in Balikpapan, where every piece allows it, up to the cap', async () => {
    const allowed = await createProduct(t, sellerA.seller, { stock: 3 });
    const refused = await createProduct(t, sellerB.seller, { stock: 3, codAllowed: false });
    expect(await placeOrder(t, [{ productId: allowed.id, quantity: 1 }], { paymentMethod: 'COD', villageCode: GAMBIR_JAKARTA })).toMatchObject({ reason: 'NOT_IN_BALIKPAPAN' });
    expect(await placeOrder(t, [{ productId: allowed.id, quantity: 1 }, { productId: refused.id, quantity: 1 }], { paymentMethod: 'COD' })).toMatchObject({ reason: 'SELLER_DOES_NOT_ALLOW' });
    const cod = await placedOrder(t, [{ productId: allowed.id, quantity: 1 }], { paymentMethod: 'COD' });
    expect(cod).toMatchObject({ status: 'CASH_ON_DELIVERY', payment: null });
    expect(cod.sellerOrders[0].status).toBe('CASH_ON_DELIVERY');
  });
});
