import { parse } from 'csv-parse/sync';
import { bankFileCsv, neutraliseFormula } from './payouts-csv.js';

describe('bank transfer file', () => {
  it('has the columns a bulk-transfer upload takes, one payout a line', () => {
    const csv = bankFileCsv([{ bankCode: '014', accountNumber: '0123456789', accountHolderName: 'Siti Aminah', amountIdr: 250_000n, reference: 'KI-1-1' }]);
    expect(csv).toBe('bank_code,account_number,account_name,amount,reference\r\n014,0123456789,Siti Aminah,250000,KI-1-1\r\n');
  });

  it('keeps a name that looks like a formula as text, and quotes what needs quotes', () => {
    const csv = bankFileCsv([{ bankCode: '002', accountNumber: '555666777', accountHolderName: '=HYPERLINK("http://x","Ibu, Rina")', amountIdr: 1n, reference: 'KI-1-2' }]);
    const [, row] = parse(csv) as string[][];
    expect(row[2]).toBe(`'=HYPERLINK("http://x","Ibu, Rina")`);
  });

  it.each(['=1+1', '+62812', '-5', '@SUM(A1)', '\tx'])('neutralises %p', (value) => {
    expect(neutraliseFormula(value).startsWith("'")).toBe(true);
  });

  it('leaves plain names alone', () => {
    expect(neutraliseFormula("Nur'aini")).toBe("Nur'aini");
  });
});
