import { parseCsv, readRosterCsv, RosterCsvError } from './roster-csv.js';

const known = (name: string) => ['teritip', 'karang jati'].includes(name.trim().toLowerCase());
const cells = (text: string) => parseCsv(text).map((record) => record.cells);

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, CRLF and a BOM', () => {
    expect(cells('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"']]);
  });

  it('detects semicolon-separated files from Indonesian spreadsheets', () => {
    expect(cells('nama;telepon\nSiti;0812')).toEqual([['nama', 'telepon'], ['Siti', '0812']]);
  });

  it('keeps commas inside quotes of a semicolon file, in the header too', () => {
    expect(cells('nama;"Penghasilan (Rp, per bulan, kira-kira)"\n"Aminah, Siti";"1.500.000,00"')).toEqual([
      ['nama', 'Penghasilan (Rp, per bulan, kira-kira)'],
      ['Aminah, Siti', '1.500.000,00'],
    ]);
  });

  it('numbers records by the line they start on, across quoted newlines and blank lines', () => {
    expect(parseCsv('nama,catatan\n"Siti","baris satu\nbaris dua"\n\n  \n , \nDewi,-\nAni,x')).toEqual([
      { line: 1, cells: ['nama', 'catatan'] },
      { line: 2, cells: ['Siti', 'baris satu\nbaris dua'] },
      { line: 7, cells: ['Dewi', '-'] },
      { line: 8, cells: ['Ani', 'x'] },
    ]);
    expect(parseCsv('nama;catatan\r\nRina;"a\r\n\r\nb"\r\n\r\nAni;x\r\n')).toEqual([
      { line: 1, cells: ['nama', 'catatan'] },
      { line: 2, cells: ['Rina', 'a\n\nb'] },
      { line: 6, cells: ['Ani', 'x'] },
    ]);
  });

  it('reads a quote inside a field as text, as spreadsheets mean it', () => {
    expect(cells('nama,hp\nSiti "Ani" Aminah,0812\n"Dewi" L.,0813')).toEqual([['nama', 'hp'], ['Siti "Ani" Aminah', '0812'], ['"Dewi" L.', '0813']]);
  });

  it('names the line of a quote that is never closed', () => {
    const problemOf = (text: string) => {
      try {
        parseCsv(text);
      } catch (error) {
        return (error as RosterCsvError).result;
      }
    };
    expect(problemOf('nama,hp\nSiti,0812\n\n"Dewi,0813\nRina,0814\n')).toMatchObject({ errorCode: 'ROSTER_FILE_UNREADABLE', fileProblem: 'UNCLOSED_QUOTE', line: 4 });
    expect(problemOf('"nama,hp\nSiti,0812')).toMatchObject({ fileProblem: 'UNCLOSED_QUOTE', line: 1 });
  });
});

describe('readRosterCsv', () => {
  it('reads good rows and explains bad ones, per field', () => {
    const rows = readRosterCsv(
      ['Nama,No HP,Kampung KB,Penghasilan per bulan', 'Siti Aminah,0812-1111-2222,Teritip,"Rp 1.500.000"', 'X,021555,Atlantis,satu juta', 'Dewi,081211112222,Karang Jati,0'].join('\n'),
      known,
    );
    expect(rows[0]).toEqual({ line: 2, name: 'Siti Aminah', phone: '+6281211112222', kampung: 'Teritip', baselineMonthlyIncomeIdr: 1_500_000n, errors: [] });
    expect(rows[1].errors.map(({ field, problem, min, max }) => ({ field, problem, min, max }))).toEqual([
      { field: 'nama', problem: 'TOO_SHORT', min: 2, max: 80 },
      { field: 'telepon', problem: 'BAD_FORMAT', min: null, max: null },
      { field: 'kampung', problem: 'UNKNOWN_OPTION', min: null, max: null },
      { field: 'penghasilan', problem: 'BAD_FORMAT', min: null, max: null },
    ]);
    expect(rows[2].errors).toEqual([expect.objectContaining({ errorCode: 'INVALID_INPUT', field: 'telepon', problem: 'DUPLICATE' })]);
  });

  it('gives each row the line of the file it is on, after a name with a line break', () => {
    const rows = readRosterCsv('Nama;No HP;Kampung KB;Penghasilan\n"Siti\nAminah";0812-1111-2222;Teritip;1.500.000\n\nX;021;Teritip;1', known);
    expect(rows.map(({ line, name, errors }) => ({ line, name, fields: errors.map((e) => e.field) }))).toEqual([
      { line: 2, name: 'Siti Aminah', fields: [] },
      { line: 5, name: 'X', fields: ['nama', 'telepon'] },
    ]);
  });

  it('refuses a file without the needed columns', () => {
    expect(() => readRosterCsv('nama,alamat\nSiti,Teritip', known)).toThrow(expect.objectContaining({ result: expect.objectContaining({ fileProblem: 'MISSING_COLUMNS', columns: ['telepon', 'kampung', 'penghasilan'] }) }));
    expect(() => readRosterCsv('', known)).toThrow(expect.objectContaining({ result: expect.objectContaining({ fileProblem: 'EMPTY' }) }));
  });
});
