import { PayoutStatus } from './models/payout.enums.js';

/**
 * A payout's life: PENDING → PAID (sent) or FAILED (never sent); PAID → RETURNED (the bank sent it
 * back). FAILED and RETURNED are final: her money is back in her balance for the next run.
 */
export type PayoutEvent = 'PAID' | 'FAILED';

export type PayoutTransition =
  /** Nothing to do: the same event again (a retried request), answered as before. */
  | { kind: 'REPEAT' }
  | { kind: 'MOVE'; to: PayoutStatus }
  | { kind: 'REFUSED'; reason: string };

export function payoutTransition(from: PayoutStatus, event: PayoutEvent): PayoutTransition {
  if (event === 'PAID') {
    if (from === PayoutStatus.PENDING) return { kind: 'MOVE', to: PayoutStatus.PAID };
    if (from === PayoutStatus.PAID) return { kind: 'REPEAT' };
    return { kind: 'REFUSED', reason: `A ${from} payout cannot be paid: its money is back in her balance for the next run` };
  }
  if (from === PayoutStatus.PENDING) return { kind: 'MOVE', to: PayoutStatus.FAILED };
  if (from === PayoutStatus.PAID) return { kind: 'MOVE', to: PayoutStatus.RETURNED };
  return { kind: 'REPEAT' };
}
