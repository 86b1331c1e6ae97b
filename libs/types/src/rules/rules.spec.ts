import {
  isCalendarDate,
  MAX_PRICE_FILTER_IDR,
  MAX_PRODUCT_PRICE_IDR,
  PRODUCT_STOCK,
  normalizeEmail,
  normalizeIndonesianPhone,
  within,
} from './index.js';

describe('normalizeIndonesianPhone', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['62812 3456 7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['(0812) 3456.7890', '+6281234567890'],
    ['(0812) 345 678', '+62812345678'],
    ['0812345678', '+62812345678'], // 9 digits after the country code: the shortest
    ['0812345678901', '+62812345678901'], // 12: the longest
  ])('reads %p as %p', (input, expected) => {
    expect(normalizeIndonesianPhone(input)).toBe(expected);
  });

  it.each([
    '',
    '0542-123456', // a Balikpapan landline
    '081234567', // 8 digits after the country code: too short
    '08123456789012', // 13: too long
    '+1 812 3456 7890',
    '+6512345678',
    '0212345678', // Jakarta landline
    '0812',
    'nomor saya',
    '0812345678a',
    '++6281234567890',
  ])('refuses %p', (input) => {
    expect(normalizeIndonesianPhone(input)).toBeNull();
  });

  it('gives the same answer for every way of writing one number', () => {
    const forms = ['081234567890', '6281234567890', '+6281234567890', '+62 812-3456-7890'];
    expect(new Set(forms.map(normalizeIndonesianPhone))).toEqual(new Set(['+6281234567890']));
  });
});

describe('isCalendarDate', () => {
  it.each(['2026-03-10', '2024-02-29', '2026-12-31', '0001-01-01'])('takes %s', (value) => expect(isCalendarDate(value)).toBe(true));
  it.each(['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '0000-01-01', '10-03-2026', '2026-3-10', ' 2026-03-10', ''])('refuses %j', (value) =>
    expect(isCalendarDate(value)).toBe(false),
  );
});

describe('normalizeEmail', () => {
  it('trims and lowercases', () => {
    expect(normalizeEmail('  Ibu.Retno@Example.COM ')).toBe('ibu.retno@example.com');
  });

  it.each(['a@b.c', 'no-at.example.com', 'two@@example.com', 'spaces in@example.com', `${'a'.repeat(250)}@x.com`])('refuses %p', (input) => {
    expect(normalizeEmail(input)).toBeNull();
  });
});

describe('limits', () => {
  it('lets a buyer search up to any product price', () => {
    expect(MAX_PRICE_FILTER_IDR).toBeGreaterThanOrEqual(MAX_PRODUCT_PRICE_IDR);
    // PostgreSQL bigint holds the filter with room to spare.
    expect(MAX_PRICE_FILTER_IDR).toBeLessThan(2n ** 63n);
  });

  it('checks bounds inclusively', () => {
    expect(within(0, PRODUCT_STOCK)).toBe(true);
    expect(within(10_000, PRODUCT_STOCK)).toBe(true);
    expect(within(-1, PRODUCT_STOCK)).toBe(false);
    expect(within(10_001, PRODUCT_STOCK)).toBe(false);
  });
});
