import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { CartLineProblem, ShippingKind } from '@karya-ibu/types';
import { CART_COOKIE } from './cart';
import { changedLines, checkoutContext } from './checkout';
import { emptyDraft } from './checkout-draft';

vi.mock('$lib/server/env', () => ({
  config: () => ({ apiUrl: 'http://api.test/graphql', production: false, clientAddressSecret: null, logLevel: 'silent', logFormat: 'json' })
}));

const CART = '5b0c3a4e-8f1c-4c3a-9e2b-7d5f6a1b2c3d';
const RETNO = { id: 'a0000000-0000-4000-8000-000000000001', slug: 'retno', displayName: 'Retno Wulandari', whatsappUrl: 'https://wa.me/6281200000001', kampung: { id: 'k', slug: 'karang-jati', name: 'Karang Jati' } };
const SITTI = { ...RETNO, id: 'a0000000-0000-4000-8000-000000000002', slug: 'sitti', displayName: 'Sitti Aminah' };
const line = (id: string, price: string, problem: CartLineProblem | null = null, before = price) => ({
  id,
  quantity: 1,
  unitPriceIdr: price,
  priceWhenAddedIdr: before,
  lineTotalIdr: price,
  availableStock: 3,
  problem,
  product: { id: `p-${id}`, slug: `p-${id}`, title: `Batik ${id}`, status: 'ACTIVE', weightGrams: 300, primaryPhoto: null }
});
const cart = {
  id: CART,
  itemCount: 2,
  subtotalIdr: '700000',
  hasProblems: true,
  sellerGroups: [
    { subtotalIdr: '430000', weightGrams: 300, seller: RETNO, lines: [line('a', '430000', CartLineProblem.PriceChanged, '400000')] },
    { subtotalIdr: '270000', weightGrams: 300, seller: SITTI, lines: [line('b', '270000')] }
  ]
};
const option = (code: string, kind: ShippingKind, price: string) => ({ code, kind, courier: code.split(':')[0], service: code.split(':')[1], label: code, priceIdr: price, etaMinDays: 1, etaMaxDays: 2 });
const quote = (codUnavailableReason: string | null = null) => ({
  checkoutQuote: {
    __typename: 'CheckoutQuote',
    itemsTotalIdr: '700000',
    codUnavailableReason,
    codMaxTotalIdr: '2000000',
    groups: [RETNO, SITTI].map((seller) => ({
      itemsTotalIdr: '0',
      chargeableWeightGrams: 300,
      codAllowed: true,
      seller: { id: seller.id },
      shippingOptions: [option('KAMPUNG:AMBIL', ShippingKind.Pickup, '0'), option('POS:KILAT', ShippingKind.Courier, '8000'), option('PENDAMPING:ANTAR', ShippingKind.LocalDelivery, '15000')]
    }))
  }
});

function api(answers: Record<string, unknown>) {
  const calls: { operation: string; variables: Record<string, unknown> }[] = [];
  const fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    const operation = /^(?:query|mutation) (\w+)/m.exec(body.query)![1];
    calls.push({ operation, variables: body.variables });
    if (!(operation in answers)) throw new Error(`unexpected operation ${operation}`);
    return Response.json({ data: answers[operation] });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const guest = (fetch: typeof globalThis.fetch) => ({
  fetch,
  cookies: { get: (name: string) => (name === CART_COOKIE ? CART : undefined) } as unknown as Cookies,
  locals: { lang: 'id' as const, actor: null }
});

describe('checkoutContext', () => {
  it('before an address: the cart by seller, no shipping yet, COD unknown, no quote asked', async () => {
    const { calls, fetch } = api({ Cart: { cart } });
    const context = (await checkoutContext(guest(fetch), emptyDraft()))!;
    expect(calls.map((c) => c.operation)).toEqual(['Cart']);
    expect(context.groups.map((g) => [g.seller.displayName, g.options.length, g.chosen])).toEqual([['Retno Wulandari', 0, null], ['Sitti Aminah', 0, null]]);
    expect(context).toMatchObject({ villageCode: null, shippingTotalIdr: null, totalIdr: '700000', cod: { open: false, reason: 'Pilih alamat dulu.' } });
  });

  it('with a village: options per seller, her picks kept, others at the cheapest courier, and the total', async () => {
    const { calls, fetch } = api({ Cart: { cart }, CheckoutQuote: quote() });
    const draft = { ...emptyDraft(), village: '64.71.04.1004', shipping: { [SITTI.id]: 'PENDAMPING:ANTAR' } };
    const context = (await checkoutContext(guest(fetch), draft))!;
    expect(calls[1]).toEqual({ operation: 'CheckoutQuote', variables: { input: { cartId: CART, villageCode: '64.71.04.1004' } } });
    expect(context.groups.map((g) => g.chosen)).toEqual(['POS:KILAT', 'PENDAMPING:ANTAR']);
    expect(context).toMatchObject({ shippingTotalIdr: '23000', totalIdr: '723000', cod: { open: true, reason: null } });
  });

  it('says why cash on delivery is closed', async () => {
    const { fetch } = api({ Cart: { cart }, CheckoutQuote: quote('NOT_IN_BALIKPAPAN') });
    const context = (await checkoutContext(guest(fetch), { ...emptyDraft(), village: '31.71.01.1001' }))!;
    expect(context.cod).toEqual({ open: false, reason: 'Hanya untuk alamat di Kota Balikpapan.' });
  });

  it('a quote refused for a piece sold out meanwhile names it', async () => {
    const { fetch } = api({ Cart: { cart }, CheckoutQuote: { checkoutQuote: { __typename: 'InsufficientStockError', errorCode: 'NOT_ALLOWED_NOW', message: '', productId: 'p-b', available: 0 } } });
    const context = (await checkoutContext(guest(fetch), { ...emptyDraft(), village: '64.71.04.1004' }))!;
    expect(context.quoteProblem).toBe('Stok "Batik b" tinggal 0.');
  });

  it('a guest without a cart cookie has nothing to check out, at no cost', async () => {
    const { calls, fetch } = api({});
    expect(await checkoutContext({ ...guest(fetch), cookies: { get: () => undefined } as unknown as Cookies }, emptyDraft())).toBeNull();
    expect(calls).toEqual([]);
  });

  it('lists the lines whose price or stock changed since they were added, and those no longer for sale', () => {
    const withArchived = { ...cart, sellerGroups: [...cart.sellerGroups, { ...cart.sellerGroups[1], lines: [line('c', '100000', CartLineProblem.Unavailable)] }] };
    expect(changedLines(withArchived as never).map((l) => [l.product.title, l.problem])).toEqual([['Batik a', 'PRICE_CHANGED'], ['Batik c', 'UNAVAILABLE']]);
  });
});
