import { CsvError, parse } from 'csv-parse/sync';
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

/** A file that cannot be read as a roster; the message is for the officer who uploaded it. */
export class RosterCsvError extends Error {}

// Spreadsheets exported in Indonesia often use ";" (the comma is the decimal mark there). Only
// delimiters outside quotes count: a quoted header such as "Penghasilan (Rp, per bulan)" says nothing.
function detectDelimiter(text: string): string {
  const headerLine = (text.split('\n').find((line) => line.trim() !== '') ?? '').replace(/"[^"]*("|$)/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/** A parsed CSV record and the line of the file it starts on (quoted fields may span lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * RFC 4180 through csv-parse: quotes, doubled quotes and newlines inside quotes (read as LF), a BOM; a comma,
 * semicolon or tab delimiter as the header line uses; blank lines skipped. A broken quote is a
 * RosterCsvError naming the line.
 */
export function parseCsv(file: string): CsvRecord[] {
  // One kind of line break: csv-parse counts a CRLF inside quotes as two lines, which would misnumber every later row.
  const text = file.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  let lastRecordEnd = 0;
  try {
    parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      // A quote inside a field (Siti "Ani" Aminah) is text, as spreadsheets mean it.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // context.lines is the line a record ends on; its quoted newlines say how many lines earlier it began.
      on_record: (cells, context) => {
        lastRecordEnd = context.lines;
        records.push({ line: context.lines - cells.reduce((breaks, cell) => breaks + cell.split('\n').length - 1, 0), cells });
        return null;
      },
    });
    return records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse notices at the end of the file; the quote was opened on the first line after the last whole record.
      const lines = text.split('\n');
      const opened = lines.findIndex((line, index) => index >= lastRecordEnd && line.trim() !== '') + 1;
      throw new RosterCsvError(`Baris ${opened}: tanda kutip (") dibuka tetapi tidak ditutup. (Line ${opened}: a quote is opened and never closed.)`);
    }
    // Quotes elsewhere are read as text (relax_quotes); csv-parse's own message names the line.
    throw new RosterCsvError(`Berkas tidak terbaca sebagai CSV. (Not readable as CSV: ${error.message})`);
  }
}

const HEADERS: Record<'name' | 'phone' | 'kampung' | 'income', RegExp> = {
  name: /^(nama|name|nama lengkap|nama peserta)$/,
  phone: /^(telepon|telp|no\.? ?hp|nomor hp|hp|phone|whatsapp|wa|no\.? ?wa)$/,
  kampung: /^(kampung|kampung kb|kelurahan)$/,
  income: /^(penghasilan|pendapatan|penghasilan per bulan|pendapatan per bulan|baseline|baseline income|baseline monthly income|income)( \(rp\))?$/,
};

/** Reads a roster CSV (name, phone, kampung, baseline monthly income), checking each row. */
export function readRosterCsv(text: string, knownKampung: (name: string) => boolean): RosterCsvRow[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new RosterCsvError('Berkas kosong. (The file is empty.)');
  const columns = Object.fromEntries(
    Object.entries(HEADERS).map(([key, pattern]) => [key, header.cells.findIndex((cell) => pattern.test(cell.trim().toLowerCase()))]),
  ) as Record<keyof typeof HEADERS, number>;
  const missing = Object.entries(columns).filter(([, index]) => index < 0).map(([key]) => key);
  if (missing.length) throw new RosterCsvError(`Missing column(s): ${missing.join(', ')} (expected: nama, telepon, kampung, penghasilan)`);

  const seenPhones = new Set<string>();
  return rows.map(({ line, cells }) => {
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
    return { line, name, phone, kampung, baselineMonthlyIncomeIdr: income, errors };
  });
}
