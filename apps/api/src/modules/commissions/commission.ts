/**
 * A commission rate as frozen on an order line at purchase: what the orders module stores with the
 * line and hands back to the ledger when the order is paid. A later change of the rule never touches it.
 */
export interface FrozenCommission {
  /** The rule it came from (null only for rates given by hand in tests or adjustments). */
  ruleId: string | null;
  /** 1000 is 10 %. */
  rateBasisPoints: number;
  floorIdr: bigint | null;
  capIdr: bigint | null;
}

/** The commission of one order line of this price: the rate rounded half up to whole rupiah, then the floor and cap; never above the price. */
export function commissionFor(rate: FrozenCommission, grossIdr: bigint): bigint {
  if (grossIdr < 0n) throw new RangeError(`A line's price cannot be negative (${grossIdr})`);
  let commission = (grossIdr * BigInt(rate.rateBasisPoints) + 5_000n) / 10_000n;
  if (rate.floorIdr !== null && commission < rate.floorIdr) commission = rate.floorIdr;
  if (rate.capIdr !== null && commission > rate.capIdr) commission = rate.capIdr;
  return commission > grossIdr ? grossIdr : commission;
}
