import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { isLang, t } from './index';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  it('have the same keys in id and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });

  it('has no empty messages', () => {
    for (const dict of [id, en]) {
      for (const [key, value] of Object.entries(dict)) expect(value.trim(), key).not.toBe('');
    }
  });
});

describe('t', () => {
  it('fills parameters', () => {
    expect(t('id', 'catalog.total', { count: 12 })).toBe('12 produk');
    expect(t('en', 'catalog.total', { count: 12 })).toBe('12 products');
  });

  it('defaults to Bahasa Indonesia', () => {
    expect(t(undefined, 'nav.products')).toBe('Produk');
  });

  it('leaves unknown placeholders visible rather than blank', () => {
    expect(t('id', 'product.stock')).toBe('Stok: {count}');
  });

  it('recognises only id and en', () => {
    expect(isLang('id')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
});
