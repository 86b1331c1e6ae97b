import { stringify } from 'csv-stringify/sync';

export interface BankFileRow {
  bankCode: string;
  accountNumber: string;
  accountHolderName: string;
  amountIdr: bigint;
  reference: string;
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, return) is kept as text with a leading quote (OWASP). */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The bank transfer file of a run: the columns a bank's bulk-transfer upload takes, one payout a line. */
export function bankFileCsv(rows: BankFileRow[]): string {
  return stringify(
    rows.map((row) => [row.bankCode, row.accountNumber, row.accountHolderName, row.amountIdr.toString(), row.reference].map(neutraliseFormula)),
    { header: true, columns: ['bank_code', 'account_number', 'account_name', 'amount', 'reference'], quoted_match: /[,"\r\n]/, record_delimiter: 'windows' },
  );
}
