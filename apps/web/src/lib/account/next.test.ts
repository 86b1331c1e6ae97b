import { describe, expect, it } from 'vitest';
import { safeNext, withNext } from './next';

describe('safeNext', () => {
  it('keeps a path on this site with its query and hash', () => {
    expect(safeNext('/produk/batik-tulis?warna=biru#foto')).toBe('/produk/batik-tulis?warna=biru#foto');
    expect(safeNext('/')).toBe('/');
  });

  it('falls back to / when missing', () => {
    expect(safeNext(null)).toBe('/');
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext('')).toBe('/');
  });

  it.each([
    'https://evil.example/',
    'http://evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'data:text/html,hi',
    'produk',
    '/%0a//evil.example'.replace('%0a', '\n'),
    ' //evil.example',
    `/${'a'.repeat(1001)}`
  ])('rejects %j', (raw) => {
    expect(safeNext(raw)).toBe('/');
  });

  it('does not send a signed-in person back to the account pages', () => {
    expect(safeNext('/masuk')).toBe('/');
    expect(safeNext('/daftar?next=/produk')).toBe('/');
    expect(safeNext('/lupa-sandi/kode')).toBe('/');
    expect(safeNext('/keluar')).toBe('/');
    expect(safeNext('/masukan')).toBe('/masukan');
  });

  it('normalises dot segments without leaving the site', () => {
    expect(safeNext('/produk/../../kampung/x')).toBe('/kampung/x');
  });
});

describe('withNext', () => {
  it('adds next only when it is not the home page', () => {
    expect(withNext('/masuk', '/')).toBe('/masuk');
    expect(withNext('/masuk', '/produk?q=tas')).toBe('/masuk?next=%2Fproduk%3Fq%3Dtas');
  });
});
