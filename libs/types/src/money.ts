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
