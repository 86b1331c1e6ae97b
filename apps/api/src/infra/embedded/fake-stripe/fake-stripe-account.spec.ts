import { cardFee } from './fake-stripe-account.js';

describe('the test server card fee', () => {
  it('is 2.9 % + Rp 2.000 in whole rupiah, in IDR minor units', () => {
    expect(cardFee(35_000_000)).toBe(1_215_000); // Rp 350.000 → Rp 10.150 + Rp 2.000
    expect(cardFee(50_000_000)).toBe(1_650_000); // Rp 500.000 → Rp 14.500 + Rp 2.000
    expect(cardFee(1_750_000)).toBe(250_800); // Rp 17.500 → Rp 507,5 rounds to Rp 508, + Rp 2.000
  });
});
