import { PayoutStatus } from './models/payout.enums.js';
import { payoutTransition } from './payout-status.js';

describe('payoutTransition', () => {
  it.each([
    [PayoutStatus.PENDING, 'PAID', { kind: 'MOVE', to: PayoutStatus.PAID }],
    [PayoutStatus.PENDING, 'FAILED', { kind: 'MOVE', to: PayoutStatus.FAILED }],
    [PayoutStatus.PAID, 'FAILED', { kind: 'MOVE', to: PayoutStatus.RETURNED }], // returned by the bank
    [PayoutStatus.PAID, 'PAID', { kind: 'REPEAT' }],
    [PayoutStatus.FAILED, 'FAILED', { kind: 'REPEAT' }],
    [PayoutStatus.RETURNED, 'FAILED', { kind: 'REPEAT' }],
  ] as const)('%s + %s', (from, event, expected) => {
    expect(payoutTransition(from, event)).toEqual(expected);
  });

  it.each([PayoutStatus.FAILED, PayoutStatus.RETURNED])('never pays a %s payout again (its money is back in her balance)', (from) => {
    expect(payoutTransition(from, 'PAID')).toMatchObject({ kind: 'REFUSED' });
  });
});
