/** Integer rupiah travel as decimal strings (GraphQL `Rupiah`) so sums never overflow or round. */
export type RupiahValue = string | bigint | number;

const DIGITS = /^-?\d+$/;

export function toRupiahBigInt(value: RupiahValue): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole rupiah amount: ${value}`);
    return BigInt(value);
  }
  const trimmed = value.trim();
  if (!DIGITS.test(trimmed)) throw new RangeError(`Not a whole rupiah amount: "${value}"`);
  return BigInt(trimmed);
}

/** `350000` → `Rp 350.000` (Indonesian grouping with dots, no decimals). */
export function formatRupiah(value: RupiahValue): string {
  const amount = toRupiahBigInt(value);
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}Rp ${grouped}`;
}

/** Reads what a person types in a price box: `350.000`, `Rp 350.000`, `350000`. Returns null when it is not a whole amount. */
export function parseRupiahInput(text: string): bigint | null {
  const cleaned = text.replace(/^\s*rp\.?\s*/i, '').replace(/[.\s]/g, '');
  if (!/^\d+$/.test(cleaned)) return null;
  return BigInt(cleaned);
}

/**
 * Stripe counts IDR in hundredths (it is not a zero-decimal currency), although no sen coin exists:
 * Rp 350.000 is `amount: 35000000`. Its technical ceiling for IDR is twelve digits.
 */
const STRIPE_MINOR_UNITS_PER_RUPIAH = 100n;
export const STRIPE_MAX_IDR_AMOUNT = 999_999_999_999;

/** Whole rupiah → a Stripe `amount` (IDR minor units). Refuses negatives and what Stripe cannot take. */
export function toStripeAmount(rupiah: bigint): number {
  const amount = rupiah * STRIPE_MINOR_UNITS_PER_RUPIAH;
  if (rupiah < 0n || amount > BigInt(STRIPE_MAX_IDR_AMOUNT)) {
    throw new RangeError(`Rp ${rupiah} is outside what Stripe takes (0 to ${STRIPE_MAX_IDR_AMOUNT} IDR minor units)`);
  }
  return Number(amount);
}

/** A Stripe IDR `amount` → whole rupiah; negative for refunds in balance transactions. Refuses fractions of a rupiah. */
export function fromStripeAmount(amount: number): bigint {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not a Stripe amount (a whole number of IDR minor units): ${amount}`);
  const minor = BigInt(amount);
  if (minor % STRIPE_MINOR_UNITS_PER_RUPIAH !== 0n) throw new RangeError(`Stripe amount ${amount} is not a whole rupiah`);
  return minor / STRIPE_MINOR_UNITS_PER_RUPIAH;
}
