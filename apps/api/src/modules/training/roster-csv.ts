import { CsvError, parse } from 'csv-parse/sync';
import { DISPLAY_NAME_LENGTH, normalizeIndonesianPhone } from '@karya-ibu/types/rules';
import { InvalidInputError, lengthError } from '../../common/errors/error-result.js';
import { RosterFileError, RosterFileProblem } from './training.errors.js';

/** A roster CSV row after checking, or the reasons it cannot be imported. */
export interface RosterCsvRow {
  line: number;
  name: string;
  phone: string | null;
  kampung: string;
  baselineMonthlyIncomeIdr: bigint | null;
  errors: InvalidInputError[];
}

/** A file that cannot be read as a roster: thrown here, answered as its RosterFileError. */
export class RosterCsvError extends Error {
  constructor(readonly result: RosterFileError) {
    super(result.message);
  }
}

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
      throw new RosterCsvError(new RosterFileError(RosterFileProblem.UNCLOSED_QUOTE, `Line ${opened}: a quote is opened and never closed`, { line: opened }));
    }
    // Quotes elsewhere are read as text (relax_quotes); csv-parse's own message names the line.
    throw new RosterCsvError(new RosterFileError(RosterFileProblem.NOT_CSV, `Not readable as CSV: ${error.message}`));
  }
}

/** The column names the error results use (the example file's header). */
const COLUMN_NAMES = { name: 'nama', phone: 'telepon', kampung: 'kampung', income: 'penghasilan' } as const;

const HEADERS: Record<'name' | 'phone' | 'kampung' | 'income', RegExp> = {
  name: /^(nama|name|nama lengkap|nama peserta)$/,
  phone: /^(telepon|telp|no\.? ?hp|nomor hp|hp|phone|whatsapp|wa|no\.? ?wa)$/,
  kampung: /^(kampung|kampung kb|kelurahan)$/,
  income: /^(penghasilan|pendapatan|penghasilan per bulan|pendapatan per bulan|baseline|baseline income|baseline monthly income|income)( \(rp\))?$/,
};

/** Reads a roster CSV (name, phone, kampung, baseline monthly income), checking each row. */
export function readRosterCsv(text: string, knownKampung: (name: string) => boolean): RosterCsvRow[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new RosterCsvError(new RosterFileError(RosterFileProblem.EMPTY, 'The file is empty'));
  const columns = Object.fromEntries(
    Object.entries(HEADERS).map(([key, pattern]) => [key, header.cells.findIndex((cell) => pattern.test(cell.trim().toLowerCase()))]),
  ) as Record<keyof typeof HEADERS, number>;
  const missing = Object.entries(columns).filter(([, index]) => index < 0).map(([key]) => key);
  if (missing.length) {
    const columns = missing.map((key) => COLUMN_NAMES[key as keyof typeof HEADERS]);
    throw new RosterCsvError(new RosterFileError(RosterFileProblem.MISSING_COLUMNS, `Missing column(s): ${columns.join(', ')} (expected: nama, telepon, kampung, penghasilan)`, { columns }));
  }

  const seenPhones = new Set<string>();
  return rows.map(({ line, cells }) => {
    const cell = (key: keyof typeof HEADERS) => (cells[columns[key]] ?? '').trim();
    const errors: InvalidInputError[] = [];
    const name = cell('name').replace(/\s+/g, ' ');
    const nameError = lengthError('nama', name, DISPLAY_NAME_LENGTH);
    if (nameError) errors.push(nameError);
    const phone = normalizeIndonesianPhone(cell('phone'));
    if (!phone) errors.push(new InvalidInputError('telepon', cell('phone') ? 'BAD_FORMAT' : 'REQUIRED', 'telepon: not an Indonesian mobile number'));
    else if (seenPhones.has(phone)) errors.push(new InvalidInputError('telepon', 'DUPLICATE', 'telepon: on an earlier line of this file too'));
    else seenPhones.add(phone);
    const kampung = cell('kampung');
    if (!knownKampung(kampung)) errors.push(new InvalidInputError('kampung', kampung ? 'UNKNOWN_OPTION' : 'REQUIRED', `kampung: unknown kampung KB "${kampung}"`));
    // "1.500.000", "Rp 1.500.000", "1500000": whole rupiah; a decimal part is refused rather than guessed.
    const incomeText = cell('income').replace(/^rp\.?\s*/i, '').replace(/[.\s]/g, '');
    const income = /^\d{1,12}$/.test(incomeText) ? BigInt(incomeText) : null;
    if (income === null) errors.push(new InvalidInputError('penghasilan', cell('income') ? 'BAD_FORMAT' : 'REQUIRED', 'penghasilan: monthly income in whole rupiah, e.g. 1.500.000'));
    return { line, name, phone, kampung, baselineMonthlyIncomeIdr: income, errors };
  });
}
