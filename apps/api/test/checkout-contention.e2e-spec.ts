import { randomUUID } from 'node:crypto';
import { createKampung, createProduct, createSellerAccount } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { address } from './checkout-operations.js';
import { PlaceOrderDocument } from './generated/graphql.js';

const CHECKOUTS = 1000;
const BUYERS = 50;
const PRODUCTS = 5;
const STOCK = 3;

/**
 * Many buyers at once for few pieces: the conditional UPDATE that takes stock is the only guard, so
 * nothing is oversold, no stock goes below zero, and what was placed is exactly what was taken.
 */
describe('checkout under contention', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it(`${CHECKOUTS} checkouts by ${BUYERS} concurrent buyers for ${PRODUCTS} products of stock ${STOCK}`, async () => {
    const kampung = await createKampung(t);
    const { seller } = await createSellerAccount(t, kampung);
    const products = await Promise.all(Array.from({ length: PRODUCTS }, () => createProduct(t, seller, { stock: STOCK, priceIdr: 100_000n })));
    const outcomes = new Map<string, number>();
    let next = 0;
    const started = performance.now();
    const buyer = async (b: number) => {
      while (next < CHECKOUTS) {
        const i = next++;
        const product = products[i % PRODUCTS];
        const response = await t.gql(PlaceOrderDocument, {
          input: {
            lines: [{ productId: product.id, quantity: 1 + (i % 2) }],
            contact: { name: `Pembeli ${b}`, phone: `0812 7${String(b).padStart(3, '0')} 0000` },
            address: address(),
            shipping: [{ sellerId: seller.id, optionCode: 'KAMPUNG:AMBIL' }],
            paymentMethod: 'BANK_TRANSFER',
          },
          key: randomUUID(),
        });
        const kind = response.data?.placeOrder.__typename ?? `error ${response.errors?.[0]?.extensions?.code}`;
        outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: BUYERS }, (_, b) => buyer(b)));
    const seconds = (performance.now() - started) / 1000;

    const stock: { stock: number }[] = await t.dataSource.query('SELECT stock FROM products WHERE id = ANY($1)', [products.map((p) => p.id)]);
    const [{ placed }] = await t.dataSource.query(
      `SELECT coalesce(sum(l.quantity), 0)::int AS placed FROM order_lines l JOIN seller_orders s ON s.id = l.seller_order_id WHERE s.seller_id = $1`,
      [seller.id],
    );
    const taken = PRODUCTS * STOCK - stock.reduce((sum, row) => sum + row.stock, 0);
    console.log(
      `contention: ${CHECKOUTS} checkouts by ${BUYERS} buyers in ${seconds.toFixed(1)} s (${(CHECKOUTS / seconds).toFixed(0)}/s): ` +
        `${JSON.stringify(Object.fromEntries(outcomes))}; ${placed} pieces placed, ${taken} taken of ${PRODUCTS * STOCK}; lowest stock ${Math.min(...stock.map((row) => row.stock))}`,
    );
    expect(Math.min(...stock.map((row) => row.stock))).toBeGreaterThanOrEqual(0);
    expect(placed).toBe(taken);
    expect(placed).toBeLessThanOrEqual(PRODUCTS * STOCK);
    // Every piece that could be sold was: a refusal only once too few were left.
    expect(stock.every((row) => row.stock < 2)).toBe(true);
    expect([...outcomes.keys()].sort()).toEqual(['InsufficientStockError', 'Order']);
    expect((outcomes.get('Order') ?? 0) + (outcomes.get('InsufficientStockError') ?? 0)).toBe(CHECKOUTS);
  }, 180_000);
});
