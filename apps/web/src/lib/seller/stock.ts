import { PRODUCT_STOCK } from '@karya-ibu/types';

/** Stock bounds, the same as the API's (`setProductStock`). */
const { min: STOCK_MIN, max: STOCK_MAX } = PRODUCT_STOCK;

export function clampStock(value: number): number {
  return Math.min(STOCK_MAX, Math.max(STOCK_MIN, Math.trunc(value)));
}

/** The stock after a − / + tap; null when it would leave the bounds (the button is then disabled). */
export function nextStock(current: number, delta: -1 | 1): number | null {
  const next = current + delta;
  return next < STOCK_MIN || next > STOCK_MAX ? null : next;
}

/** A stock typed or posted by a form: digits only (spaces and dots as thousands separators allowed). */
export function parseStock(raw: unknown): number | null {
  if (typeof raw !== 'string') return null;
  const cleaned = raw.replace(/[\s.]/g, '');
  if (!/^\d{1,6}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= STOCK_MIN && value <= STOCK_MAX ? value : null;
}
