/**
 * Roster CSV in the browser: split a file into records without breaking quoted fields (a quoted
 * cell may hold commas, semicolons and newlines), then into chunks that each repeat the header,
 * so a long file can be sent to the API piece by piece with a progress bar.
 */

export const CHUNK_ROWS = 200;

/** Two sample participants for the downloadable example (kampung names as seeded). */
export const EXAMPLE_ROSTER_CSV =
  'nama,telepon,kampung,penghasilan\r\n' +
  'Siti Aminah,0812-3450-0001,Karang Jati,"Rp 1.500.000"\r\n' +
  'Nur Hasanah,081234500002,Teritip,1250000\r\n';

export interface CsvRecords {
  /** The header line as written (without its line break). */
  header: string;
  /** Each data record's text as written, quoted newlines kept; blank records dropped. */
  records: string[];
}

/** Splits CSV text into records at line breaks outside quotes. */
function splitRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted; // a doubled quote toggles twice: still right
    else if (!quoted && (char === '\n' || char === '\r')) {
      records.push(text.slice(start, i));
      if (char === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}

/** True when every cell is empty or blank: the API skips such records, so line numbers must too. */
function isBlankRecord(record: string): boolean {
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const char = record[i];
    if (char === '"') {
      if (quoted && record[i + 1] === '"') return false; // an escaped quote is content
      quoted = !quoted;
    } else if (/\s/.test(char)) continue;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) continue;
    else return false;
  }
  return true;
}

export function csvRecords(text: string): CsvRecords {
  const all = splitRecords(text.replace(/^\uFEFF/, '')).filter((record) => !isBlankRecord(record));
  const [header = '', ...records] = all;
  return { header, records };
}

export interface CsvChunk {
  /** Header + up to `size` records, CRLF separated: a complete CSV file on its own. */
  csv: string;
  /** The file-wide line number (as the API counts: header is 1) of each record in this chunk. */
  lines: number[];
}

/**
 * Chunks of `size` records, each starting with the header. `skipLines` leaves records out (the rows a
 * preview found invalid), keeping every other record's file-wide line number.
 */
export function chunkCsv(
  text: string,
  size = CHUNK_ROWS,
  skipLines: ReadonlySet<number> = new Set()
): CsvChunk[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Chunk size must be a positive integer: ${size}`);
  const { header, records } = csvRecords(text);
  const kept = records.map((record, index) => ({ record, line: index + 2 })).filter((r) => !skipLines.has(r.line));
  const chunks: CsvChunk[] = [];
  for (let i = 0; i < kept.length; i += size) {
    const part = kept.slice(i, i + size);
    chunks.push({ csv: [header, ...part.map((r) => r.record)].join('\r\n') + '\r\n', lines: part.map((r) => r.line) });
  }
  return chunks;
}
