import { normalizeEmail, normalizeIndonesianPhone, parseIdentifier } from './identifiers.js';

describe('normalizeIndonesianPhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['(0812) 345 678', '+62812345678'],
  ])('reads %p as %p', (input, expected) => {
    expect(normalizeIndonesianPhone(input)).toBe(expected);
  });

  it.each(['', '12345', '0212345678', '+6512345678', '08123', '081234567890123', 'nomor saya'])('rejects %p', (input) => {
    expect(normalizeIndonesianPhone(input)).toBeNull();
  });
});

describe('parseIdentifier', () => {
  it('tells phone numbers from email addresses', () => {
    expect(parseIdentifier(' Siti@Contoh.ID ')).toEqual({ kind: 'email', value: 'siti@contoh.id' });
    expect(parseIdentifier('0812 0000 0001')).toEqual({ kind: 'phone', value: '+6281200000001' });
    expect(parseIdentifier('siti@')).toBeNull();
    expect(normalizeEmail('a@b.c')).toBeNull();
  });
});
