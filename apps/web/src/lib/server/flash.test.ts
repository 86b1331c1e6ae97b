import { isRedirect, type Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { backTo, redirectWithFlash, takeFlash } from './flash';

/** Cookies as SvelteKit keeps them for one request and the next. */
function jar() {
  const values = new Map<string, { value: string; options: Record<string, unknown> }>();
  const cookies = {
    get: (name: string) => values.get(name)?.value,
    set: (name: string, value: string, options: Record<string, unknown>) => void values.set(name, { value, options }),
    delete: (name: string) => void values.delete(name)
  } as unknown as Cookies;
  return { cookies, values };
}

function redirectOf(run: () => void): { status: number; location: string } {
  try {
    run();
  } catch (error) {
    if (isRedirect(error)) return { status: error.status, location: error.location };
    throw error;
  }
  throw new Error('no redirect');
}

describe('backTo', () => {
  it('drops the named action so a reload is a GET, and keeps the seller she acts for', () => {
    const id = '0b7e6a52-3f55-4c49-9d6e-4b1f8f4f1a11';
    expect(backTo(new URL(`http://x/dashboard?/stock&penjual=${id}`))).toBe(`/dashboard?penjual=${id}`);
    expect(backTo(new URL('http://x/dashboard?/stock'))).toBe('/dashboard');
    expect(backTo(new URL('http://x/dashboard?setelah=abc&/stock'), 'produk-1')).toBe('/dashboard?setelah=abc#produk-1');
    expect(backTo(new URL('http://x/dinas/pelatihan/p1?/save'))).toBe('/dinas/pelatihan/p1');
  });
});

describe('redirectWithFlash and takeFlash', () => {
  it('answers 303 to the page she was on, and shows the message once', () => {
    const { cookies, values } = jar();
    const event = { cookies, url: new URL('http://x/dashboard?/stock&penjual=0b7e6a52-3f55-4c49-9d6e-4b1f8f4f1a11') };
    const answer = redirectOf(() => redirectWithFlash(event, { key: 'seller.flash.stockSaved', params: { title: 'Kain', stock: '4' } }));
    expect(answer).toEqual({ status: 303, location: '/dashboard?penjual=0b7e6a52-3f55-4c49-9d6e-4b1f8f4f1a11' });
    expect(values.get('karya_flash')?.options).toMatchObject({ httpOnly: true, maxAge: 60, path: '/', secure: false });

    expect(takeFlash(cookies)).toEqual({ key: 'seller.flash.stockSaved', params: { title: 'Kain', stock: '4' }, href: undefined });
    expect(takeFlash(cookies)).toBeNull();
  });

  it('never sends her off the site, and ignores a forged cookie', () => {
    const { cookies } = jar();
    const event = { cookies, url: new URL('https://x/dinas/verifikasi?/verify') };
    expect(redirectOf(() => redirectWithFlash(event, { key: 'agency.flash.rejected', params: {} }, '//evil.example')).location).toBe('/dinas/verifikasi');
    cookies.set('karya_flash', JSON.stringify({ key: 'account.errorSummary', params: {} }), { path: '/' });
    expect(takeFlash(cookies)).toBeNull();
    cookies.set('karya_flash', JSON.stringify({ key: 'agency.flash.verified', params: { name: 'Retno' }, href: '//evil.example' }), { path: '/' });
    expect(takeFlash(cookies)).toEqual({ key: 'agency.flash.verified', params: { name: 'Retno' }, href: undefined });
    cookies.set('karya_flash', '{not json', { path: '/' });
    expect(takeFlash(cookies)).toBeNull();
  });
});
