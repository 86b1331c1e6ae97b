import { formatRupiah, formatRupiahInput, fromStripeAmount, parseRupiahInput, readRupiahInput, toRupiahBigInt, toStripeAmount } from './money.js';

describe('formatRupiah', () => {
  it.each([
    [350000, 'Rp 350.000'],
    ['2000000', 'Rp 2.000.000'],
    [0, 'Rp 0'],
    [999, 'Rp 999'],
    [1000, 'Rp 1.000'],
    [-25000n, '-Rp 25.000'],
    ['9007199254740993000', 'Rp 9.007.199.254.740.993.000'],
  ])('formats %p as %p', (input, expected) => {
    expect(formatRupiah(input)).toBe(expected);
  });

  it('refuses fractions instead of rounding them', () => {
    expect(() => formatRupiah(1.5)).toThrow(RangeError);
    expect(() => formatRupiah('12.5')).toThrow(RangeError);
  });
});

describe('parseRupiahInput', () => {
  it.each([
    ['350.000', 350000n],
    ['Rp 350.000', 350000n],
    ['rp350000', 350000n],
    [' 75000 ', 75000n],
  ])('reads %p', (input, expected) => {
    expect(parseRupiahInput(input)).toBe(expected);
  });

  it.each(['', 'abc', '12,5', '-5', '12.5', '32.000.000,00', '3.2000.000', '32.00.000'])('rejects %p', (input) => {
    expect(parseRupiahInput(input)).toBeNull();
  });

  it.each([
    ['32.000.000', { value: 32000000n }],
    ['Rp 32.000.000', { value: 32000000n }],
    ['32000000', { value: 32000000n }],
    ['32 000 000', { value: 32000000n }],
    ['350.000,50', { problem: 'decimal' }],
    ['12.5', { problem: 'decimal' }],
    ['-32.000.000', { problem: 'negative' }],
    ['Rp -5', { problem: 'negative' }],
    ['3,5 juta', { problem: 'format' }],
  ])('tells why %p is or is not a whole amount', (input, expected) => {
    expect(readRupiahInput(input)).toEqual(expected);
  });
});

describe('formatRupiahInput', () => {
  it('groups thousands with dots and reads back to the same amount', () => {
    expect(formatRupiahInput('32000000')).toBe('32.000.000');
    expect(formatRupiahInput(0)).toBe('0');
    expect(formatRupiahInput(999n)).toBe('999');
    expect(parseRupiahInput(formatRupiahInput('1234567890123'))).toBe(1234567890123n);
    expect(() => formatRupiahInput(-1)).toThrow(RangeError);
  });
});

describe('toRupiahBigInt', () => {
  it('keeps amounts beyond 2^53 exact', () => {
    expect(toRupiahBigInt('9007199254740993').toString()).toBe('9007199254740993');
  });
});

describe('Stripe amounts (IDR minor units)', () => {
  it('turns rupiah into hundredths and back', () => {
    expect(toStripeAmount(350000n)).toBe(35000000);
    expect(fromStripeAmount(35000000)).toBe(350000n);
    expect(toStripeAmount(0n)).toBe(0);
    expect(fromStripeAmount(-1215000)).toBe(-12150n);
  });

  it('goes up to the twelve digits Stripe takes for IDR, and no further', () => {
    expect(toStripeAmount(9_999_999_999n)).toBe(999_999_999_900);
    expect(() => toStripeAmount(10_000_000_000n)).toThrow(RangeError);
    expect(() => toStripeAmount(-1n)).toThrow(RangeError);
  });

  it('refuses fractions of a rupiah and numbers that are not exact integers', () => {
    expect(() => fromStripeAmount(35000050)).toThrow(/not a whole rupiah/);
    expect(() => fromStripeAmount(350000.5)).toThrow(RangeError);
    expect(() => fromStripeAmount(2 ** 53)).toThrow(RangeError);
    expect(() => fromStripeAmount(Number.NaN)).toThrow(RangeError);
  });
});
