import { formatRupiahInput, readRupiahInput, type RupiahInputProblem } from '@karya-ibu/types';

/** Money is formatted and read in one place, the shared helper: `350000` → `Rp 350.000`, `32.000.000` → 32000000n. */
export { formatRupiah, formatRupiahInput, parseRupiahInput, readRupiahInput } from '@karya-ibu/types';

/** What a rupiah box shows: a whole amount grouped (`32.000.000`), anything else exactly as she typed it. */
export function rupiahFieldValue(raw: string | number | bigint | null | undefined): string {
  if (raw == null || raw === '') return '';
  const read = readRupiahInput(String(raw));
  return 'value' in read ? formatRupiahInput(read.value) : String(raw);
}

/** The words for sen or a minus in a rupiah box; null for anything else (each field has its own example). */
export function rupiahProblemKey(problem: RupiahInputProblem): 'money.error.decimal' | 'money.error.negative' | null {
  return problem === 'format' ? null : `money.error.${problem}`;
}
