import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { GUEST_ORDERS_COOKIE, isOrderCode, normalizeOrderCode, rememberedPhone, rememberGuestOrder } from './guest-orders';

vi.mock('$lib/server/env', () => ({ config: () => ({ production: false }) }));

function jar(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const options = new Map<string, unknown>();
  const cookies = {
    get: (name: string) => values.get(name),
    set: (name: string, value: string, opts: unknown) => {
      values.set(name, value);
      options.set(name, opts);
    }
  } as unknown as Cookies;
  return { cookies, values, options };
}

describe('a guest\'s orders in this browser', () => {
  it('remembers the phone of each order, newest first, in an HTTP-only cookie of /pesanan', () => {
    const { cookies, options } = jar();
    const site = new URL('http://localhost:3000/checkout');
    rememberGuestOrder(cookies, site, 'KI-7F3K9Q', '0812 5555 0101');
    rememberGuestOrder(cookies, site, 'KI-ABCDEF', '0813 1111 2222');
    expect(rememberedPhone(cookies, 'KI-7F3K9Q')).toBe('0812 5555 0101');
    expect(rememberedPhone(cookies, 'KI-ABCDEF')).toBe('0813 1111 2222');
    expect(rememberedPhone(cookies, 'KI-ZZZZZZ')).toBeNull();
    expect(options.get(GUEST_ORDERS_COOKIE)).toMatchObject({ path: '/pesanan', httpOnly: true, sameSite: 'lax' });
  });

  it('keeps at most ten', () => {
    const { cookies, values } = jar();
    for (let i = 0; i < 12; i++) rememberGuestOrder(cookies, new URL('http://localhost/'), `KI-AAAA${String.fromCharCode(65 + i)}${String.fromCharCode(65 + i)}`, '0812 5555 0101');
    expect(JSON.parse(values.get(GUEST_ORDERS_COOKIE)!)).toHaveLength(10);
  });

  it('ignores a cookie it did not write', () => {
    for (const raw of ['{', '"x"', '[{"code":"<script>","phone":"1"}]', '[{"code":"KI-7F3K9Q","phone":5}]']) {
      expect(rememberedPhone(jar({ [GUEST_ORDERS_COOKIE]: raw }).cookies, 'KI-7F3K9Q')).toBeNull();
    }
  });

  it('reads a typed code the way the API does', () => {
    expect(normalizeOrderCode(' ki-7f3k9q ')).toBe('KI-7F3K9Q');
    expect(isOrderCode('KI-7F3K9Q')).toBe(true);
    expect(isOrderCode('7F3K9Q')).toBe(false);
  });
});
