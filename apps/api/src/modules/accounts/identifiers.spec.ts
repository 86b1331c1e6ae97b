import { parseIdentifier } from './identifiers.js';

describe('parseIdentifier', () => {
  it('tells phone numbers from email addresses', () => {
    expect(parseIdentifier(' Siti@Contoh.ID ')).toEqual({ kind: 'email', value: 'siti@contoh.id' });
    expect(parseIdentifier('0812 0000 0001')).toEqual({ kind: 'phone', value: '+6281200000001' });
    expect(parseIdentifier('siti@')).toBeNull();
    expect(parseIdentifier('a@b.c')).toBeNull();
    expect(parseIdentifier('0212345678')).toBeNull();
  });
});
