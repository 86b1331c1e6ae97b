import { parseCsv, readRosterCsv, RosterCsvError } from './roster-csv.js';

const known = (name: string) => ['teritip', 'karang jati'].includes(name.trim().toLowerCase());

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"']]);
  });

  it('detects semicolon-separated files from Indonesian spreadsheets', () => {
    expect(parseCsv('nama;telepon\nSiti;0812')).toEqual([['nama', 'telepon'], ['Siti', '0812']]);
  });
});

describe('readRosterCsv', () => {
  it('reads good rows and explains bad ones, per field', () => {
    const rows = readRosterCsv(
      ['Nama,No HP,Kampung KB,Penghasilan per bulan', 'Siti Aminah,0812-1111-2222,Teritip,"Rp 1.500.000"', 'X,021555,Atlantis,satu juta', 'Dewi,081211112222,Karang Jati,0'].join('\n'),
      known,
    );
    expect(rows[0]).toEqual({ line: 2, name: 'Siti Aminah', phone: '+6281211112222', kampung: 'Teritip', baselineMonthlyIncomeIdr: 1_500_000n, errors: [] });
    expect(rows[1].errors.map((e) => e.field)).toEqual(['nama', 'telepon', 'kampung', 'penghasilan']);
    expect(rows[2].errors).toEqual([{ field: 'telepon', message: expect.stringMatching(/Duplicate/) }]);
  });

  it('refuses a file without the needed columns', () => {
    expect(() => readRosterCsv('nama,alamat\nSiti,Teritip', known)).toThrow(RosterCsvError);
    expect(() => readRosterCsv('', known)).toThrow(/empty/);
  });
});
