import { describe, expect, it } from 'vitest';
import { formatRupiah, formatRupiahInput, parseRupiahInput, rupiahFieldValue, rupiahProblemKey, readRupiahInput } from './money';

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

  it('shows a rupiah box grouped with dots, whatever way it was written', () => {
    expect(rupiahFieldValue('32000000')).toBe('32.000.000');
    expect(rupiahFieldValue('Rp 32.000.000')).toBe('32.000.000');
    expect(rupiahFieldValue('32.000.000')).toBe('32.000.000');
    expect(rupiahFieldValue(350000n)).toBe('350.000');
    expect(formatRupiahInput('32000000')).toBe('32.000.000');
    expect(parseRupiahInput(rupiahFieldValue('32000000'))).toBe(32000000n);
  });

  it('keeps what is not a whole amount as she typed it, so she can correct it', () => {
    expect(rupiahFieldValue('3,5 juta')).toBe('3,5 juta');
    expect(rupiahFieldValue('12.5')).toBe('12.5');
    expect(rupiahFieldValue('')).toBe('');
    expect(rupiahFieldValue(null)).toBe('');
  });

  it('names sen and minus, and leaves other mistakes to the field', () => {
    expect(parseRupiahInput('12.5')).toBeNull();
    const problem = (text: string) => {
      const read = readRupiahInput(text);
      return 'problem' in read ? rupiahProblemKey(read.problem) : 'ok';
    };
    expect(problem('32.000.000,00')).toBe('money.error.decimal');
    expect(problem('-32.000.000')).toBe('money.error.negative');
    expect(problem('tiga juta')).toBeNull();
    expect(problem('Rp 32.000.000')).toBe('ok');
  });
});
