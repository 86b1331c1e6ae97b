import { describe, expect, it } from 'vitest';
import { formatRupiah, parseRupiahInput } from './money';

describe('money', () => {
  it('formats whole rupiah with dot grouping', () => {
    expect(formatRupiah('350000')).toBe('Rp 350.000');
    expect(formatRupiah('32000000')).toBe('Rp 32.000.000');
    expect(formatRupiah('0')).toBe('Rp 0');
    expect(formatRupiah('999')).toBe('Rp 999');
  });

  it('keeps precision beyond the float range', () => {
    expect(formatRupiah('12345678901234567890')).toBe('Rp 12.345.678.901.234.567.890');
  });

  it('reads what people type in a price box', () => {
    expect(parseRupiahInput('350.000')).toBe(350000n);
    expect(parseRupiahInput('Rp 350.000')).toBe(350000n);
    expect(parseRupiahInput('350000')).toBe(350000n);
    expect(parseRupiahInput('3,5 juta')).toBeNull();
    expect(parseRupiahInput('-5')).toBeNull();
  });
});
