import { DISPLAY_NAME_LENGTH, normalizeIndonesianPhone, within } from '@karya-ibu/types/rules';

/** A roster CSV row after checking, or the reasons it cannot be imported. */
export interface RosterCsvRow {
  line: number;
  name: string;
  phone: string | null;
  kampung: string;
  baselineMonthlyIncomeIdr: bigint | null;
  errors: { field: string; message: string }[];
}

// Spreadsheets exported in Indonesia often use ";" (the comma is the decimal mark there).
function detectDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/** RFC 4180 fields: quotes, doubled quotes inside quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

const HEADERS: Record<'name' | 'phone' | 'kampung' | 'income', RegExp> = {
  name: /^(nama|name|nama lengkap|nama peserta)$/,
  phone: /^(telepon|telp|no\.? ?hp|nomor hp|hp|phone|whatsapp|wa|no\.? ?wa)$/,
  kampung: /^(kampung|kampung kb|kelurahan)$/,
  income: /^(penghasilan|pendapatan|penghasilan per bulan|pendapatan per bulan|baseline|baseline income|baseline monthly income|income)( \(rp\))?$/,
};

export class RosterCsvError extends Error {}

/** Reads a roster CSV (name, phone, kampung, baseline monthly income), checking each row. */
export function readRosterCsv(text: string, knownKampung: (name: string) => boolean): RosterCsvRow[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new RosterCsvError('The file is empty');
  const columns = Object.fromEntries(
    Object.entries(HEADERS).map(([key, pattern]) => [key, header.findIndex((cell) => pattern.test(cell.trim().toLowerCase()))]),
  ) as Record<keyof typeof HEADERS, number>;
  const missing = Object.entries(columns).filter(([, index]) => index < 0).map(([key]) => key);
  if (missing.length) throw new RosterCsvError(`Missing column(s): ${missing.join(', ')} (expected: nama, telepon, kampung, penghasilan)`);

  const seenPhones = new Set<string>();
  return rows.map((cells, index) => {
    const cell = (key: keyof typeof HEADERS) => (cells[columns[key]] ?? '').trim();
    const errors: RosterCsvRow['errors'] = [];
    const name = cell('name').replace(/\s+/g, ' ');
    if (!within(name.length, DISPLAY_NAME_LENGTH)) errors.push({ field: 'nama', message: `Nama ${DISPLAY_NAME_LENGTH.min}–${DISPLAY_NAME_LENGTH.max} huruf. (Name: ${DISPLAY_NAME_LENGTH.min}–${DISPLAY_NAME_LENGTH.max} characters.)` });
    const phone = normalizeIndonesianPhone(cell('phone'));
    if (!phone) errors.push({ field: 'telepon', message: 'Bukan nomor HP Indonesia. (Not an Indonesian mobile number.)' });
    else if (seenPhones.has(phone)) errors.push({ field: 'telepon', message: 'Nomor ini sudah ada di baris sebelumnya. (Duplicate phone in this file.)' });
    else seenPhones.add(phone);
    const kampung = cell('kampung');
    if (!knownKampung(kampung)) errors.push({ field: 'kampung', message: `Kampung KB "${kampung}" tidak dikenal. (Unknown kampung KB.)` });
    // "1.500.000", "Rp 1.500.000", "1500000": whole rupiah; a decimal part is refused rather than guessed.
    const incomeText = cell('income').replace(/^rp\.?\s*/i, '').replace(/[.\s]/g, '');
    const income = /^\d{1,12}$/.test(incomeText) ? BigInt(incomeText) : null;
    if (income === null) errors.push({ field: 'penghasilan', message: 'Penghasilan per bulan dalam rupiah, mis. 1.500.000. (Monthly income in rupiah.)' });
    return { line: index + 2, name, phone, kampung, baselineMonthlyIncomeIdr: income, errors };
  });
}
