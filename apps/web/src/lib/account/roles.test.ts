import { describe, expect, it } from 'vitest';
import { accountLinks, landingAfterSignIn } from './roles';

const seller = { roles: ['BUYER', 'SELLER'], hasShop: true };
const applicant = { roles: ['BUYER'], hasShop: true };
const buyer = { roles: ['BUYER'], hasShop: false };
const pendamping = { roles: ['BUYER', 'PENDAMPING'], hasShop: false };
const officer = { roles: ['BUYER', 'OFFICER'], hasShop: false };
const admin = { roles: ['BUYER', 'ADMIN'], hasShop: false };
const finance = { roles: ['BUYER', 'FINANCE'], hasShop: false };

describe('landingAfterSignIn', () => {
  it('takes each role to what is hers when she was going nowhere in particular', () => {
    expect(landingAfterSignIn(seller, '/')).toBe('/dashboard');
    expect(landingAfterSignIn(applicant, '/')).toBe('/dashboard');
    expect(landingAfterSignIn(pendamping, '/')).toBe('/dashboard');
    expect(landingAfterSignIn(officer, '/')).toBe('/dinas');
    expect(landingAfterSignIn(admin, '/')).toBe('/dinas');
    expect(landingAfterSignIn(finance, '/')).toBe('/admin');
    expect(landingAfterSignIn(buyer, '/')).toBe('/');
  });

  it('goes back where she was headed', () => {
    expect(landingAfterSignIn(seller, '/produk/batik-tulis')).toBe('/produk/batik-tulis');
    expect(landingAfterSignIn(officer, '/dinas/pelatihan')).toBe('/dinas/pelatihan');
    expect(landingAfterSignIn(buyer, '/produk?q=tas')).toBe('/produk?q=tas');
  });
});

describe('accountLinks', () => {
  const hrefs = (who: Parameters<typeof accountLinks>[0]) => accountLinks(who).map((link) => `${link.label} ${link.href}`);

  it('shows each role what is hers', () => {
    const orders = 'nav.orders /pesanan';
    expect(hrefs(seller)).toEqual(['nav.dashboard /dashboard', orders]);
    expect(hrefs(applicant)).toEqual(['nav.dashboard /dashboard', orders]);
    expect(hrefs(pendamping)).toEqual(['nav.assisted /dashboard', 'nav.review /dinas/verifikasi', orders]);
    expect(hrefs(officer)).toEqual(['nav.agency /dinas', 'nav.staffOrders /admin', orders]);
    expect(hrefs(admin)).toEqual(['nav.agency /dinas', 'nav.staffOrders /admin', orders]);
    expect(hrefs(finance)).toEqual(['nav.staffOrders /admin', orders]);
  });

  it('offers a buyer to sell, never "Toko saya"', () => {
    expect(hrefs(buyer)).toEqual(['nav.sell /dashboard/daftar-penjual', 'nav.orders /pesanan']);
  });
});
