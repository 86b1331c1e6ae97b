import { LedgerAccountKind, PaymentMethod, PayoutMethod } from './models/ledger.enums.js';
import {
  accountCode,
  codRemittedLegs,
  orderPaidLegs,
  payoutCancelledLegs,
  payoutReservedLegs,
  payoutReturnedLegs,
  payoutSentLegs,
  paymentAccount,
  refundedCommission,
  refundFailedLegs,
  refundLegs,
  refundSentLegs,
  releaseLegs,
  type Leg,
} from './posting-rules.js';

const sum = (legs: Leg[]) => legs.reduce((total, leg) => total + leg.amountIdr, 0n);
const byCode = (legs: Leg[]) => legs.map((leg) => [accountCode(leg.account), leg.amountIdr, leg.orderLineId]);
const S = 'seller-1';
const stripe = paymentAccount(PaymentMethod.STRIPE, null);

describe('posting rules', () => {
  const lines = [
    { orderLineId: 'l1', grossIdr: 250_000n, commissionIdr: 25_000n },
    { orderLineId: 'l2', grossIdr: 100_000n, commissionIdr: 0n }, // a subsidised line: no commission leg
  ];

  it('order paid: clearing debited; her share, commission and shipping credited', () => {
    const legs = orderPaidLegs(S, lines, 20_000n, stripe);
    expect(byCode(legs)).toEqual([
      ['PAYMENT_CLEARING:STRIPE', 370_000n, null],
      ['SELLER_PENDING:seller-1', -225_000n, 'l1'],
      ['COMMISSION_REVENUE', -25_000n, 'l1'],
      ['SELLER_PENDING:seller-1', -100_000n, 'l2'],
      ['SHIPPING_PAYABLE', -20_000n, null],
    ]);
    expect(sum(legs)).toBe(0n);
  });

  it('COD: the cash of whoever collected it is debited; a COD payment must name her', () => {
    expect(accountCode(paymentAccount(PaymentMethod.COD, 'user-9'))).toBe('COD_CASH:user-9');
    expect(() => paymentAccount(PaymentMethod.COD, null)).toThrow(/cash/);
  });

  it('refund: the exact reverse of the refunded part', () => {
    const refund = refundLegs({ kind: LedgerAccountKind.SELLER_AVAILABLE, sellerId: S }, [{ orderLineId: 'l1', amountIdr: 250_000n, commissionIdr: 25_000n }], 20_000n, stripe);
    const sale = orderPaidLegs(S, [lines[0]], 20_000n, stripe);
    expect(sum(refund)).toBe(0n);
    expect(refund.find((l) => l.account.kind === LedgerAccountKind.COMMISSION_REVENUE)!.amountIdr).toBe(-sale.find((l) => l.account.kind === LedgerAccountKind.COMMISSION_REVENUE)!.amountIdr);
  });

  it('a failed card refund: the money back on the Stripe clearing, owed to the buyer by hand until it is sent', () => {
    const failed = refundFailedLegs(270_000n);
    expect(byCode(failed)).toEqual([
      ['PAYMENT_CLEARING:STRIPE', 270_000n, null],
      ['REFUNDS_PAYABLE', -270_000n, null],
    ]);
    expect(sum([...failed, ...refundSentLegs(270_000n, { kind: LedgerAccountKind.PAYMENT_CLEARING, method: PaymentMethod.BANK_TRANSFER })].filter((l) => l.account.kind === LedgerAccountKind.REFUNDS_PAYABLE))).toBe(0n);
  });

  it('partial refunds give back exactly the commission of the line, whatever the parts', () => {
    const line = { orderLineId: 'l', grossIdr: 99_999n, commissionIdr: 10_000n };
    let before = 0n;
    let given = 0n;
    for (const part of [1n, 33_333n, 7n, 66_658n]) {
      given += refundedCommission(line, before, part);
      before += part;
    }
    expect(before).toBe(line.grossIdr);
    expect(given).toBe(line.commissionIdr);
  });

  it.each([
    ['release', releaseLegs(S, new Map([['l1', 225_000n]]))],
    ['refund sent', refundSentLegs(50_000n, paymentAccount(PaymentMethod.BANK_TRANSFER, null))],
    ['COD remitted', codRemittedLegs('user-9', 70_000n)],
    ['payout reserved', payoutReservedLegs(S, 300_000n)],
    ['payout cancelled', payoutCancelledLegs(S, 300_000n)],
    ['payout sent', payoutSentLegs(S, 300_000n, PayoutMethod.BANK_TRANSFER)],
    ['payout returned', payoutReturnedLegs(S, 300_000n, PayoutMethod.BANK_TRANSFER)],
  ])('%s balances', (_name, legs) => {
    expect(legs.length).toBeGreaterThanOrEqual(2);
    expect(sum(legs)).toBe(0n);
  });

  it('payout sent debits her payable and credits the payout clearing; returned puts it back in her available balance', () => {
    expect(byCode(payoutSentLegs(S, 5n, PayoutMethod.EWALLET))).toEqual([
      ['SELLER_IN_PAYOUT:seller-1', 5n, null],
      ['PAYOUT_CLEARING:EWALLET', -5n, null],
    ]);
    expect(byCode(payoutReturnedLegs(S, 5n, PayoutMethod.EWALLET))).toEqual([
      ['PAYOUT_CLEARING:EWALLET', 5n, null],
      ['SELLER_AVAILABLE:seller-1', -5n, null],
    ]);
  });
});
