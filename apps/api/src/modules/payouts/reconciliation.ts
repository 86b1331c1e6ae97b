import { PayoutMethod, LedgerCause } from '../ledger/models/ledger.enums.js';
import { PayoutStatus } from './models/payout.enums.js';

export type DifferenceSource = 'LEDGER' | 'STRIPE' | 'BANK_TRANSFER' | 'COD' | 'PAYOUTS' | 'ORDERS';
export type DifferenceKind = 'UNBALANCED' | 'MISSING_IN_LEDGER' | 'MISSING_ELSEWHERE' | 'AMOUNT_MISMATCH' | 'NO_REFERENCE' | 'DUPLICATE_REFERENCE' | 'STATUS_MISMATCH';

export interface Difference {
  source: DifferenceSource;
  kind: DifferenceKind;
  /** What both sides call it: a Stripe charge or refund id, a transfer reference, a payout or seller order id. */
  reference: string;
  ledgerIdr: bigint | null;
  otherIdr: bigint | null;
  detail: string;
}

/** An amount by reference, on one side. */
export interface Movement {
  reference: string;
  amountIdr: bigint;
}

const sumByReference = (movements: Movement[]) => {
  const sums = new Map<string, bigint>();
  for (const m of movements) sums.set(m.reference, (sums.get(m.reference) ?? 0n) + m.amountIdr);
  return sums;
};

/** Every reference whose amounts differ between the ledger and the other side, or that only one side has. */
export function compareMovements(source: DifferenceSource, ledger: Movement[], other: Movement[], otherName: string): Difference[] {
  const mine = sumByReference(ledger);
  const theirs = sumByReference(other);
  const differences: Difference[] = [];
  for (const reference of [...new Set([...mine.keys(), ...theirs.keys()])].sort()) {
    const a = mine.get(reference) ?? null;
    const b = theirs.get(reference) ?? null;
    if (a === null) differences.push({ source, kind: 'MISSING_IN_LEDGER', reference, ledgerIdr: null, otherIdr: b, detail: `${otherName} has it, the ledger does not` });
    else if (b === null) differences.push({ source, kind: 'MISSING_ELSEWHERE', reference, ledgerIdr: a, otherIdr: null, detail: `The ledger has it, ${otherName} does not` });
    else if (a !== b) differences.push({ source, kind: 'AMOUNT_MISMATCH', reference, ledgerIdr: a, otherIdr: b, detail: `The ledger says Rp ${a}, ${otherName} Rp ${b}` });
  }
  return differences;
}

/** The postings each status of a payout must have, exactly once each. */
const EXPECTED_POSTINGS: Record<PayoutStatus, LedgerCause[]> = {
  [PayoutStatus.PENDING]: [LedgerCause.PAYOUT_RESERVED],
  [PayoutStatus.PAID]: [LedgerCause.PAYOUT_RESERVED, LedgerCause.PAYOUT_SENT],
  [PayoutStatus.FAILED]: [LedgerCause.PAYOUT_RESERVED, LedgerCause.PAYOUT_CANCELLED],
  [PayoutStatus.RETURNED]: [LedgerCause.PAYOUT_RESERVED, LedgerCause.PAYOUT_SENT, LedgerCause.PAYOUT_RETURNED],
};

export interface PayoutRecord {
  id: string;
  reference: string;
  status: PayoutStatus;
  amountIdr: bigint;
  method: PayoutMethod;
}

/** Payouts against their postings: the right causes for the status, each for the payout's amount; postings of no payout. */
export function comparePayouts(payouts: PayoutRecord[], postings: Map<string, { cause: LedgerCause; amount: bigint }[]>, postedPayoutIds: string[]): Difference[] {
  const differences: Difference[] = [];
  const known = new Set(payouts.map((p) => p.id));
  for (const payout of payouts) {
    const found = postings.get(payout.id) ?? [];
    const causes = found.map((p) => p.cause).sort();
    const expected = [...EXPECTED_POSTINGS[payout.status]].sort();
    if (causes.join() !== expected.join()) {
      differences.push({ source: 'PAYOUTS', kind: 'STATUS_MISMATCH', reference: payout.reference, ledgerIdr: null, otherIdr: payout.amountIdr, detail: `A ${payout.status} payout has postings [${causes.join(', ')}], expected [${expected.join(', ')}]` });
    }
    for (const posting of found.filter((p) => p.amount !== payout.amountIdr)) {
      differences.push({ source: 'PAYOUTS', kind: 'AMOUNT_MISMATCH', reference: payout.reference, ledgerIdr: posting.amount, otherIdr: payout.amountIdr, detail: `${posting.cause} moved Rp ${posting.amount}, the payout is Rp ${payout.amountIdr}` });
    }
  }
  for (const id of postedPayoutIds.filter((id) => !known.has(id))) {
    differences.push({ source: 'PAYOUTS', kind: 'MISSING_ELSEWHERE', reference: id, ledgerIdr: null, otherIdr: null, detail: 'The ledger has postings for a payout that does not exist' });
  }
  return differences;
}
