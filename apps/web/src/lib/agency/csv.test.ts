import { describe, expect, it } from 'vitest';
import { chunkCsv, csvRecords, EXAMPLE_ROSTER_CSV } from './csv';

const header = 'nama,telepon,kampung,penghasilan';
const row = (i: number) => `Ibu ${i},0812000${String(i).padStart(5, '0')},Karang Jati,1.500.000`;

describe('csvRecords', () => {
  it('keeps a quoted newline, comma and doubled quote inside one record', () => {
    const text = `${header}\r\n"Siti ""Ani""\nAminah",081234500001,"Karang Jati, RT 3","Rp 1.500.000"\r\nNur,081234500002,Teritip,1000000\n`;
    const { header: h, records } = csvRecords(text);
    expect(h).toBe(header);
    expect(records).toEqual([
      '"Siti ""Ani""\nAminah",081234500001,"Karang Jati, RT 3","Rp 1.500.000"',
      'Nur,081234500002,Teritip,1000000'
    ]);
  });

  it('drops the BOM and blank records the way the API does (so line numbers agree)', () => {
    const { header: h, records } = csvRecords(`\uFEFF${header}\n\n;;;\n${row(1)}\n  \n${row(2)}`);
    expect(h).toBe(header);
    expect(records).toEqual([row(1), row(2)]);
  });

  it('keeps a record whose only content is quoted', () => {
    expect(csvRecords(`${header}\n",",,,\n`).records).toEqual(['",",,,']);
  });
});

describe('chunkCsv', () => {
  const file = [header, ...Array.from({ length: 450 }, (_, i) => row(i + 1))].join('\n');

  it('splits into chunks of 200 rows, each starting with the header', () => {
    const chunks = chunkCsv(file, 200);
    expect(chunks.map((c) => c.lines.length)).toEqual([200, 200, 50]);
    for (const chunk of chunks) expect(chunk.csv.split('\r\n')[0]).toBe(header);
    expect(chunks[1].csv.split('\r\n')[1]).toBe(row(201));
  });

  it('gives each record its file-wide line number (header is line 1)', () => {
    const chunks = chunkCsv(file, 200);
    expect(chunks[0].lines[0]).toBe(2);
    expect(chunks[1].lines[0]).toBe(202);
    expect(chunks[2].lines.at(-1)).toBe(451);
  });

  it('never cuts a quoted newline between chunks', () => {
    const text = `${header}\n"A\nB",0812,X,1\n"C\nD",0813,X,1\n"E\nF",0814,X,1\n`;
    const chunks = chunkCsv(text, 2);
    expect(chunks).toHaveLength(2);
    expect(chunks[0].csv).toBe(`${header}\r\n"A\nB",0812,X,1\r\n"C\nD",0813,X,1\r\n`);
    expect(chunks[1].csv).toBe(`${header}\r\n"E\nF",0814,X,1\r\n`);
    expect(chunks[1].lines).toEqual([4]);
  });

  it('leaves out skipped lines but keeps the others numbered as in the file', () => {
    const chunks = chunkCsv([header, row(1), row(2), row(3)].join('\n'), 200, new Set([3]));
    expect(chunks).toEqual([{ csv: `${header}\r\n${row(1)}\r\n${row(3)}\r\n`, lines: [2, 4] }]);
  });

  it('answers no chunks for a file with only a header, and refuses a silly size', () => {
    expect(chunkCsv(`${header}\n`)).toEqual([]);
    expect(() => chunkCsv(file, 0)).toThrow(RangeError);
  });

  it('ships an example with a header and two sample rows', () => {
    const { header: h, records } = csvRecords(EXAMPLE_ROSTER_CSV);
    expect(h).toBe(header);
    expect(records).toHaveLength(2);
  });
});
