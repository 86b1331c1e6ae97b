import { randomUUID } from 'node:crypto';
import { CheckoutQuoteDocument, PlaceOrderDocument, type PaymentMethod, type PlaceOrderInput, type PlaceOrderMutation } from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import type { TestApp } from './harness/test-app.js';

export const KARANG_JATI = '64.71.04.1004';
export const GAMBIR_JAKARTA = '31.71.01.1001';

export const address = (villageCode = KARANG_JATI) => ({ recipientName: 'Dewi Lestari', phone: '0812 5555 0101', villageCode, postalCode: '76121', street: 'Jl. Jenderal Sudirman No. 10, RT 05' });
export const contact = (phone = '0812 5555 0101') => ({ name: 'Dewi Lestari', phone, email: 'dewi@example.com' });

type PlaceOrderResult = PlaceOrderMutation['placeOrder'];

/** Places an order for these lines, the cheapest courier of each seller; returns the response's placeOrder (an order or an error result). */
export async function placeOrder(
  t: TestApp,
  lines: { productId: string; quantity: number }[],
  options: { paymentMethod?: PaymentMethod; token?: string; key?: string; phone?: string; villageCode?: string; extra?: Partial<PlaceOrderInput> } = {},
): Promise<PlaceOrderResult> {
  const villageCode = options.villageCode ?? KARANG_JATI;
  const quote = await t.gql(CheckoutQuoteDocument, { input: { lines, villageCode } }, { token: options.token });
  if (!quote.data) throw new Error(`checkoutQuote failed: ${JSON.stringify(quote.errors)}`);
  const { groups } = expectResult(quote.data.checkoutQuote, 'CheckoutQuote');
  const shipping = groups.map((group) => ({ sellerId: group.seller.id, optionCode: group.shippingOptions.find((o) => o.kind === 'COURIER')!.code }));
  const response = await t.gql(
    PlaceOrderDocument,
    { input: { lines, contact: contact(options.phone), address: address(villageCode), shipping, paymentMethod: options.paymentMethod ?? 'BANK_TRANSFER', ...options.extra }, key: options.key ?? randomUUID() },
    { token: options.token },
  );
  if (!response.data) throw new Error(`placeOrder failed: ${JSON.stringify(response.errors)}`);
  return response.data.placeOrder;
}

/** placeOrder that must place the order: the Order, narrowed. */
export async function placedOrder(t: TestApp, lines: { productId: string; quantity: number }[], options: Parameters<typeof placeOrder>[2] = {}) {
  return expectResult(await placeOrder(t, lines, options), 'Order');
}
