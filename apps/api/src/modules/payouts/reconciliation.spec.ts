import { LedgerCause, PayoutMethod } from '../ledger/models/ledger.enums.js';
import { PayoutStatus } from './models/payout.enums.js';
import { compareMovements, comparePayouts } from './reconciliation.js';

describe('reconciliation', () => {
  it('lists every reference only one side has, and every amount that differs', () => {
    const differences = compareMovements(
      'STRIPE',
      [
        { reference: 'ch_same', amountIdr: 100n },
        { reference: 'ch_split', amountIdr: 60n }, // one charge paying two seller orders
        { reference: 'ch_split', amountIdr: 40n },
        { reference: 'ch_only_ledger', amountIdr: 5n },
        { reference: 'ch_wrong', amountIdr: 70n },
      ],
      [
        { reference: 'ch_same', amountIdr: 100n },
        { reference: 'ch_split', amountIdr: 100n },
        { reference: 'ch_only_stripe', amountIdr: 9n },
        { reference: 'ch_wrong', amountIdr: 75n },
      ],
      'Stripe',
    );
    expect(differences.map((d) => [d.kind, d.reference, d.ledgerIdr, d.otherIdr])).toEqual([
      ['MISSING_ELSEWHERE', 'ch_only_ledger', 5n, null],
      ['MISSING_IN_LEDGER', 'ch_only_stripe', null, 9n],
      ['AMOUNT_MISMATCH', 'ch_wrong', 70n, 75n],
    ]);
  });

  it('checks each payout has exactly the postings of its status, for its amount', () => {
    const payout = (id: string, status: PayoutStatus) => ({ id, reference: `KI-1-${id}`, status, amountIdr: 100n, method: PayoutMethod.BANK_TRANSFER });
    const postings = new Map([
      ['a', [{ cause: LedgerCause.PAYOUT_RESERVED, amount: 100n }, { cause: LedgerCause.PAYOUT_SENT, amount: 100n }]],
      ['b', [{ cause: LedgerCause.PAYOUT_RESERVED, amount: 100n }]], // PAID without its sending
      ['c', [{ cause: LedgerCause.PAYOUT_RESERVED, amount: 90n }]],
    ]);
    const differences = comparePayouts([payout('a', PayoutStatus.PAID), payout('b', PayoutStatus.PAID), payout('c', PayoutStatus.PENDING)], postings, ['a', 'b', 'c', 'ghost']);
    expect(differences.map((d) => [d.kind, d.reference])).toEqual([
      ['STATUS_MISMATCH', 'KI-1-b'],
      ['AMOUNT_MISMATCH', 'KI-1-c'],
      ['MISSING_ELSEWHERE', 'ghost'],
    ]);
  });
});
