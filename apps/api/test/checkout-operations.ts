import { randomUUID } from 'node:crypto';
import type { TestApp } from './harness/test-app.js';

/** The buying operations the tests send, as named constants (typed documents replace them later). */
export const ADD_TO_CART = `mutation AddToCart($cartId: ID, $productId: ID!, $quantity: Int!) {
  addToCart(cartId: $cartId, productId: $productId, quantity: $quantity) {
    __typename
    ... on Cart { id itemCount subtotalIdr lines { quantity problem unitPriceIdr priceWhenAddedIdr product { id } } sellerGroups { subtotalIdr seller { id displayName } } }
    ... on ErrorResult { errorCode message }
    ... on InsufficientStockError { available }
  }
}`;

export const CART = `query Cart($cartId: ID) { cart(cartId: $cartId) { id itemCount hasProblems lines { quantity problem unitPriceIdr priceWhenAddedIdr availableStock } } }`;

export const CHECKOUT_QUOTE = `query CheckoutQuote($input: CheckoutQuoteInput!) {
  checkoutQuote(input: $input) {
    __typename
    ... on CheckoutQuote { itemsTotalIdr codUnavailableReason groups { seller { id } chargeableWeightGrams codAllowed shippingOptions { code kind label priceIdr etaMinDays etaMaxDays } } }
    ... on ErrorResult { errorCode message }
  }
}`;

export const ORDER_FIELDS = `id code status paymentMethod itemsTotalIdr shippingTotalIdr uniqueCodeIdr totalIdr paymentDeadline flagReason contactPhone
  payment { method status amountIdr checkoutUrl bankTransfer { bank accountNumber amountIdr deadline } }
  sellerOrders { id code status totalIdr refundedIdr trackingNumber seller { id } lines { title unitPriceIdr quantity } shipping { code priceIdr } buyer { name phone } shipTo { village regency } timeline { action toStatus actorName onBehalf } }`;

export const PLACE_ORDER = `mutation PlaceOrder($input: PlaceOrderInput!, $key: String!) {
  placeOrder(input: $input, idempotencyKey: $key) {
    __typename
    ... on Order { ${ORDER_FIELDS} }
    ... on ErrorResult { errorCode message }
    ... on InvalidInputError { field problem }
    ... on InsufficientStockError { productId available }
    ... on TotalChangedError { totalIdr }
    ... on CodNotAvailableError { reason }
  }
}`;

export const ORDER = `query Order($code: String!, $phone: String) { order(code: $code, phone: $phone) { ${ORDER_FIELDS} } }`;

export const SELLER_ORDERS = `query SellerOrders($sellerId: ID) { sellerOrders(sellerId: $sellerId) { edges { node { id code status buyer { name phone } shipTo { street } lines { title } } } } }`;

export const MARK_SHIPPED = `mutation MarkShipped($id: ID!, $courier: String, $resi: String) {
  markSellerOrderShipped(id: $id, courier: $courier, trackingNumber: $resi) { __typename ... on SellerOrder { status trackingNumber timeline { action actorName onBehalf } } ... on ErrorResult { errorCode message } }
}`;

export const CONFIRM_TRANSFER = `mutation ConfirmTransfer($orderId: ID!, $amount: Rupiah!, $ref: String!, $key: String!) {
  confirmBankTransfer(orderId: $orderId, amountIdr: $amount, bankReference: $ref, idempotencyKey: $key) { __typename ... on Order { status } ... on ErrorResult { errorCode message } ... on AmountMismatchError { expectedIdr } }
}`;

export const KARANG_JATI = '64.71.04.1004';
export const GAMBIR_JAKARTA = '31.71.01.1001';

export const address = (villageCode = KARANG_JATI) => ({ recipientName: 'Dewi Lestari', phone: '0812 5555 0101', villageCode, postalCode: '76121', street: 'Jl. Jenderal Sudirman No. 10, RT 05' });
export const contact = (phone = '0812 5555 0101') => ({ name: 'Dewi Lestari', phone, email: 'dewi@example.com' });

/** Places an order for these lines, the cheapest shipping of each seller; returns the response's placeOrder. */
export async function placeOrder(
  t: TestApp,
  lines: { productId: string; quantity: number }[],
  options: { paymentMethod?: 'CARD' | 'BANK_TRANSFER' | 'COD'; token?: string; key?: string; phone?: string; villageCode?: string; extra?: Record<string, unknown> } = {},
): Promise<any> {
  const villageCode = options.villageCode ?? KARANG_JATI;
  const quote = await t.rawGql(CHECKOUT_QUOTE, { input: { lines, villageCode } }, { token: options.token });
  const groups = quote.data?.checkoutQuote.groups;
  if (!groups) return quote.data?.checkoutQuote ?? quote;
  const shipping = groups.map((group: any) => ({ sellerId: group.seller.id, optionCode: group.shippingOptions.find((o: any) => o.kind === 'COURIER').code }));
  const response = await t.rawGql(
    PLACE_ORDER,
    { input: { lines, contact: contact(options.phone), address: address(villageCode), shipping, paymentMethod: options.paymentMethod ?? 'BANK_TRANSFER', ...options.extra }, key: options.key ?? randomUUID() },
    { token: options.token },
  );
  if (!response.data) throw new Error(`placeOrder failed: ${JSON.stringify(response.errors)}`);
  return response.data.placeOrder;
}
