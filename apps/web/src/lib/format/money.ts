/** Money is formatted in one place, the shared helper: `350000` → `Rp 350.000`. */
export { formatRupiah, parseRupiahInput } from '@karya-ibu/types';
