import { commissionFor, type FrozenCommission } from './commission.js';

const rate = (rateBasisPoints: number, floorIdr: bigint | null = null, capIdr: bigint | null = null): FrozenCommission => ({ ruleId: null, rateBasisPoints, floorIdr, capIdr });

describe('commissionFor', () => {
  it.each([
    [rate(1000), 250_000n, 25_000n],
    [rate(0), 250_000n, 0n], // the agency's subsidy
    [rate(1000), 5n, 1n], // 0.5 rounds half up
    [rate(1000), 4n, 0n],
    [rate(250), 99_999n, 2_500n], // 2 499.975 → 2 500
    [rate(1000, 5_000n), 20_000n, 5_000n], // floor
    [rate(1000, 5_000n), 3_000n, 3_000n], // a floor never takes more than the price
    [rate(1000, null, 50_000n), 2_000_000n, 50_000n], // cap
    [rate(10_000), 77_777n, 77_777n],
  ])('%p of Rp %p is Rp %p', (r, gross, expected) => {
    expect(commissionFor(r, gross)).toBe(expected);
  });

  it('refuses a negative price', () => {
    expect(() => commissionFor(rate(1000), -1n)).toThrow(RangeError);
  });
});
