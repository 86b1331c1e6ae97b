import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { CART_COOKIE, guestCartId, headerCartCount, mergeGuestCart, parseQuantity } from './cart';

vi.mock('$lib/server/env', () => ({
  config: () => ({ apiUrl: 'http://api.test/graphql', production: false, clientAddressSecret: null, logLevel: 'silent', logFormat: 'json' })
}));

const CART = '5b0c3a4e-8f1c-4c3a-9e2b-7d5f6a1b2c3d';

/** The API: answers the operations it is given; anything else fails the test. */
function api(answers: Record<string, unknown>) {
  const calls: { operation: string; variables: Record<string, unknown>; authorization: string | null }[] = [];
  const fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    const operation = /^(?:query|mutation) (\w+)/m.exec(body.query)![1];
    calls.push({ operation, variables: body.variables, authorization: new Headers(init?.headers).get('authorization') });
    if (!(operation in answers)) throw new Error(`unexpected operation ${operation}`);
    const answer = answers[operation];
    return answer instanceof Error ? Response.json({ errors: [{ message: answer.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }) : Response.json({ data: answer });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

function jar(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const cookies = {
    get: (name: string) => values.get(name),
    set: (name: string, value: string) => void values.set(name, value),
    delete: (name: string) => void values.delete(name)
  } as unknown as Cookies;
  return { cookies, values };
}

const event = (fetch: typeof globalThis.fetch, cookies: Cookies, actor: App.Locals['actor'] = null, cartCount?: number) => ({
  fetch,
  cookies,
  url: new URL('http://localhost:3000/produk'),
  locals: { lang: 'id' as const, actor, cartCount }
});

describe('the header cart count', () => {
  it('costs a visitor without a cart cookie no call at all', async () => {
    const { calls, fetch } = api({});
    expect(await headerCartCount(event(fetch, jar().cookies))).toBe(0);
    expect(calls).toEqual([]);
  });

  it('asks for a guest cart by the id in her cookie, and forgets a cart that is gone', async () => {
    const present = api({ CartCount: { cart: { id: CART, itemCount: 3 } } });
    expect(await headerCartCount(event(present.fetch, jar({ [CART_COOKIE]: CART }).cookies))).toBe(3);
    expect(present.calls.map((c) => [c.operation, c.variables.cartId])).toEqual([['CartCount', CART]]);

    const gone = api({ CartCount: { cart: null } });
    const { cookies, values } = jar({ [CART_COOKIE]: CART });
    expect(await headerCartCount(event(gone.fetch, cookies))).toBe(0);
    expect(values.has(CART_COOKIE)).toBe(false);
  });

  it('takes a signed-in buyer\'s count from the session check, without a call of its own', async () => {
    const { calls, fetch } = api({});
    expect(await headerCartCount(event(fetch, jar().cookies, { id: 'u-1', displayName: 'Dewi', roles: [], hasShop: false }, 2))).toBe(2);
    expect(calls).toEqual([]);
  });
});

describe('mergeGuestCart', () => {
  it('joins the guest cart to hers with her new token, then drops the cookie', async () => {
    const { calls, fetch } = api({ MergeCart: { mergeCart: { id: 'own', itemCount: 4 } } });
    const { cookies, values } = jar({ [CART_COOKIE]: CART });
    await mergeGuestCart({ fetch, cookies }, 'token-1');
    expect(calls).toEqual([{ operation: 'MergeCart', variables: { guestCartId: CART }, authorization: 'Bearer token-1' }]);
    expect(values.has(CART_COOKIE)).toBe(false);
  });

  it('never stops a sign-in: on a failure the cookie stays for next time', async () => {
    const { fetch } = api({ MergeCart: new Error('down') });
    const { cookies, values } = jar({ [CART_COOKIE]: CART });
    await expect(mergeGuestCart({ fetch, cookies }, 'token-1')).resolves.toBeUndefined();
    expect(values.get(CART_COOKIE)).toBe(CART);
  });

  it('does nothing without a guest cart', async () => {
    const { calls, fetch } = api({});
    await mergeGuestCart({ fetch, cookies: jar({ [CART_COOKIE]: 'not-an-id' }).cookies }, 'token-1');
    expect(calls).toEqual([]);
  });
});

describe('cart input', () => {
  it('reads whole pieces within the rule', () => {
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity(' 100 ')).toBe(100);
    for (const bad of ['0', '101', '-1', '1.5', 'dua', '', null]) expect(parseQuantity(bad as string | null)).toBeNull();
    expect(parseQuantity('0', { allowZero: true })).toBe(0);
  });

  it('takes only an id from the cookie', () => {
    expect(guestCartId(jar({ [CART_COOKIE]: CART }).cookies)).toBe(CART);
    expect(guestCartId(jar({ [CART_COOKIE]: "x' OR 1=1" }).cookies)).toBeNull();
  });
});
