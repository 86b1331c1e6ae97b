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

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** `350000` → `Rp 350.000` (Indonesian grouping with dots, no decimals). */
export function formatRupiah(value: RupiahValue): string {
  const amount = toRupiahBigInt(value);
  const negative = amount < 0n;
  return `${negative ? '-' : ''}Rp ${grouped((negative ? -amount : amount).toString())}`;
}

/** What a rupiah box shows: `32000000` → `32.000.000` (dots group thousands; no "Rp", which the label says). */
export function formatRupiahInput(value: RupiahValue): string {
  const amount = toRupiahBigInt(value);
  if (amount < 0n) throw new RangeError(`A rupiah box takes no negative amount: ${amount}`);
  return grouped(amount.toString());
}

/** Why a typed amount is not a whole rupiah amount: sen (`350.000,50`, `12.5`), a minus, or not a number at all. */
export type RupiahInputProblem = 'decimal' | 'negative' | 'format';

/**
 * Reads what a person types in a rupiah box: `32.000.000`, `Rp 32.000.000`, `32000000`, `32 000 000`.
 * Dots only group thousands (Indonesian writing), so `12.5` or `350.000,50` are sen, refused, never
 * read as 125 or 35000050.
 */
export function readRupiahInput(text: string): { value: bigint } | { problem: RupiahInputProblem } {
  const cleaned = text.trim().replace(/^rp\.?\s*/i, '').replace(/\s+/g, '');
  if (/^[-−]/.test(cleaned)) return { problem: 'negative' };
  if (/^\d+$/.test(cleaned) || /^\d{1,3}(\.\d{3})+$/.test(cleaned)) return { value: BigInt(cleaned.replace(/\./g, '')) };
  if (/^\d[\d.]*[.,]\d{1,2}$/.test(cleaned)) return { problem: 'decimal' };
  return { problem: 'format' };
}

/** The amount of a rupiah box, or null when it is not a whole amount (see `readRupiahInput` for why). */
export function parseRupiahInput(text: string): bigint | null {
  const read = readRupiahInput(text);
  return 'value' in read ? read.value : null;
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
