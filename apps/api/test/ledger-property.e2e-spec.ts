import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { TransactionalConnection } from '../src/common/context/transactional-connection.js';
import { RequestContext } from '../src/common/context/request-context.js';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import type { FrozenCommission } from '../src/modules/commissions/commission.js';
import { PaymentMethod, PayoutMethod } from '../src/modules/ledger/models/ledger.enums.js';
import type { OrderPaidFact, RefundFact, SellerOrderDeliveredFact } from '../src/modules/ledger/postings.js';
import { PayoutsService } from '../src/modules/payouts/payouts.service.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { createKampung, createSellerAccount, signIn } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { givePayoutDetails, ledgerInvariants, ledgerOf, systemCtx } from './money-helpers.js';

/**
 * Random sequences of what happens to money — pay, partial refund, full refund, cancel, deliver,
 * payout, payout paid, payout failed or returned, a replayed event — run against the real database
 * through the ledger's and payouts' own services. After every step: every transaction sums to zero,
 * no balance comes from nothing, and each seller's money is her paid sales − commission − refunds −
 * payouts, split by state as the facts say.
 */
const RATES: FrozenCommission[] = [
  { ruleId: null, rateBasisPoints: 1000, floorIdr: null, capIdr: null },
  { ruleId: null, rateBasisPoints: 0, floorIdr: null, capIdr: null },
  { ruleId: null, rateBasisPoints: 250, floorIdr: 2_000n, capIdr: 15_000n },
];
const METHODS = [PaymentMethod.STRIPE, PaymentMethod.BANK_TRANSFER, PaymentMethod.COD];
const DAY = 86_400_000;

/** The commission rule, written again here so the test does not check the code against itself. */
const expectedCommission = (rate: FrozenCommission, gross: bigint) => {
  let c = (gross * BigInt(rate.rateBasisPoints) * 2n + 10_000n) / 20_000n;
  if (rate.floorIdr !== null && c < rate.floorIdr) c = rate.floorIdr;
  if (rate.capIdr !== null && c > rate.capIdr) c = rate.capIdr;
  return c > gross ? gross : c;
};

type Op =
  | { op: 'pay'; seller: number; prices: number[]; shipping: number; method: number; rate: number }
  | { op: 'refundPart'; order: number; line: number; percent: number }
  | { op: 'refundAll'; order: number }
  | { op: 'cancel'; order: number }
  | { op: 'deliver'; order: number; held: boolean }
  | { op: 'payout'; seller: number }
  | { op: 'paid'; payout: number }
  | { op: 'failed'; payout: number }
  | { op: 'replay'; event: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('pay' as const), seller: fc.nat(1), prices: fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 1, maxLength: 3 }), shipping: fc.constantFrom(0, 9_000, 25_000), method: fc.nat(2), rate: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('refundPart' as const), order: fc.nat(20), line: fc.nat(2), percent: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('refundAll' as const), order: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), order: fc.nat(20) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('deliver' as const), order: fc.nat(20), held: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('payout' as const), seller: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('paid' as const), payout: fc.nat(10) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('failed' as const), payout: fc.nat(10) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('replay' as const), event: fc.nat(40) }) },
);

interface ModelLine {
  id: string;
  gross: bigint;
  commission: bigint;
  refunded: bigint;
  refundedCommission: bigint;
}
interface ModelOrder {
  sellerIndex: number;
  sellerOrderId: string;
  method: PaymentMethod;
  lines: ModelLine[];
  shipping: bigint;
  shippingRefunded: bigint;
  delivered: 'NO' | 'HELD' | 'AVAILABLE';
  cancelled: boolean;
}
interface ModelPayout {
  id: string;
  sellerIndex: number;
  amount: bigint;
  status: 'PENDING' | 'PAID' | 'FAILED' | 'RETURNED';
}
type Replayable = { kind: 'paid'; fact: OrderPaidFact } | { kind: 'delivered'; fact: SellerOrderDeliveredFact } | { kind: 'refund'; fact: RefundFact };

describe('ledger property: random sequences of money events keep every invariant', () => {
  let t: TestApp;
  let financeCtx: RequestContext;
  let holderUserId: string;
  const stats = { runs: 0, steps: 0, applied: 0, replays: 0 };

  beforeAll(async () => {
    t = await createTestApp();
    const finance = await signIn(t, { roles: [Role.FINANCE], displayName: 'Keuangan Uji' });
    holderUserId = finance.userId;
    financeCtx = RequestContext.forRequest('property', { kind: 'person', userId: finance.userId, sessionId: 'property', displayName: 'Keuangan Uji', roles: new Set([Role.BUYER, Role.FINANCE]) });
  });
  afterAll(async () => {
    console.log(`ledger property: ${stats.runs} sequences, ${stats.steps} steps (${stats.applied} applied, ${stats.replays} replays), invariants checked after each`);
    await t.close();
  });

  it('holds for every sequence', async () => {
    const kampung = await createKampung(t);
    const payouts = t.get(PayoutsService);
    const db = t.get(TransactionalConnection);
    const inTransaction = <T>(work: (ctx: RequestContext) => Promise<T>) => db.withTransaction(financeCtx, work);

    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 5, maxLength: 40 }), async (ops) => {
        stats.runs++;
        const sellers: Seller[] = [];
        for (let i = 0; i < 2; i++) {
          const { seller } = await createSellerAccount(t, kampung);
          await givePayoutDetails(t, seller, PayoutMethod.BANK_TRANSFER);
          sellers.push(seller);
        }
        const orders: ModelOrder[] = [];
        const modelPayouts: ModelPayout[] = [];
        const events: Replayable[] = [];

        for (const op of ops) {
          stats.steps++;
          const applied = await apply(op);
          if (applied) stats.applied++;
          await check();
        }

        async function apply(op: Op): Promise<boolean> {
          const ledger = ledgerOf(t);
          switch (op.op) {
            case 'pay': {
              const rate = RATES[op.rate];
              const method = METHODS[op.method];
              const order: ModelOrder = {
                sellerIndex: op.seller,
                sellerOrderId: randomUUID(),
                method,
                lines: op.prices.map((p) => ({ id: randomUUID(), gross: BigInt(p), commission: expectedCommission(rate, BigInt(p)), refunded: 0n, refundedCommission: 0n })),
                shipping: BigInt(op.shipping),
                shippingRefunded: 0n,
                delivered: 'NO',
                cancelled: false,
              };
              const fact: OrderPaidFact = {
                orderId: randomUUID(),
                method,
                paidAt: new Date(),
                providerReference: method === PaymentMethod.COD ? null : `ref-${order.sellerOrderId}`,
                cashCollectedByUserId: method === PaymentMethod.COD ? holderUserId : null,
                sellerOrders: [{ sellerOrderId: order.sellerOrderId, sellerId: sellers[op.seller].id, shippingIdr: order.shipping, lines: order.lines.map((l) => ({ orderLineId: l.id, grossIdr: l.gross, commission: rate })) }],
              };
              expect((await ledger.postOrderPaid(systemCtx(), fact)).replayed).toBe(false);
              orders.push(order);
              events.push({ kind: 'paid', fact });
              return true;
            }
            case 'refundPart':
            case 'refundAll':
            case 'cancel': {
              const order = orders[op.order % Math.max(1, orders.length)];
              if (!order || order.cancelled || (op.op === 'cancel' && order.delivered !== 'NO')) return false;
              const lines = op.op === 'refundPart' ? [order.lines[op.line % order.lines.length]] : order.lines;
              const parts = lines
                .map((line) => ({ line, amount: op.op === 'refundPart' ? ((line.gross - line.refunded) * BigInt(op.percent) + 99n) / 100n : line.gross - line.refunded }))
                .filter((p) => p.amount > 0n);
              const shipping = op.op === 'refundPart' ? 0n : order.shipping - order.shippingRefunded;
              if (parts.length === 0 && shipping === 0n) return false;
              const fact: RefundFact = {
                refundId: randomUUID(),
                sellerOrderId: order.sellerOrderId,
                refundedAt: new Date(),
                providerReference: order.method === PaymentMethod.STRIPE ? `re-${randomUUID()}` : null,
                lines: parts.map((p) => ({ orderLineId: p.line.id, amountIdr: p.amount })),
                shippingIdr: shipping,
                reason: op.op,
              };
              await ledger.postRefund(systemCtx(), fact);
              for (const { line, amount } of parts) {
                const upTo = (refunded: bigint) => (line.commission * refunded) / line.gross;
                line.refundedCommission += upTo(line.refunded + amount) - upTo(line.refunded);
                line.refunded += amount;
              }
              order.shippingRefunded += shipping;
              if (op.op === 'cancel') order.cancelled = true;
              events.push({ kind: 'refund', fact });
              return true;
            }
            case 'deliver': {
              const order = orders[op.order % Math.max(1, orders.length)];
              if (!order || order.delivered !== 'NO' || order.cancelled) return false;
              const fact = { sellerOrderId: order.sellerOrderId, deliveredAt: new Date(Date.now() - (op.held ? 1 : 8) * DAY) };
              await ledger.postSellerOrderDelivered(systemCtx(), fact);
              order.delivered = op.held ? 'HELD' : 'AVAILABLE';
              events.push({ kind: 'delivered', fact });
              return true;
            }
            case 'payout': {
              const expected = figures(op.seller).available;
              const hasPending = modelPayouts.some((p) => p.sellerIndex === op.seller && p.status === 'PENDING');
              const result = await inTransaction((ctx) => payouts.createPayoutRun(ctx, { sellerIds: [sellers[op.seller].id], minimumIdr: 1n }));
              if (expected < 1n || hasPending) {
                expect(result).toMatchObject({ errorCode: 'NOT_ALLOWED_NOW' });
                return false;
              }
              expect(result).toMatchObject({ payoutCount: 1, totalIdr: expected });
              const [row] = await t.dataSource.query('SELECT id FROM payouts WHERE run_id = $1', [(result as { id: string }).id]);
              modelPayouts.push({ id: row.id, sellerIndex: op.seller, amount: expected, status: 'PENDING' });
              return true;
            }
            case 'paid':
            case 'failed': {
              const payout = modelPayouts[op.payout % Math.max(1, modelPayouts.length)];
              if (!payout) return false;
              const result = await inTransaction((ctx) => (op.op === 'paid' ? payouts.markPayoutPaid(ctx, payout.id, `TRF-${payout.id.slice(0, 8)}`) : payouts.markPayoutFailed(ctx, payout.id, 'Ditolak bank')));
              const next = op.op === 'paid' ? (payout.status === 'PENDING' ? 'PAID' : payout.status) : payout.status === 'PENDING' ? 'FAILED' : payout.status === 'PAID' ? 'RETURNED' : payout.status;
              if (op.op === 'paid' && (payout.status === 'FAILED' || payout.status === 'RETURNED')) expect(result).toMatchObject({ errorCode: 'NOT_ALLOWED_NOW' });
              else expect(result).toMatchObject({ status: next });
              const changed = next !== payout.status;
              payout.status = next;
              return changed;
            }
            case 'replay': {
              const event = events[op.event % Math.max(1, events.length)];
              if (!event) return false;
              stats.replays++;
              const result =
                event.kind === 'paid' ? await ledger.postOrderPaid(systemCtx(), event.fact) : event.kind === 'delivered' ? await ledger.postSellerOrderDelivered(systemCtx(), event.fact) : await ledger.postRefund(systemCtx(), event.fact);
              // A delivery that moved nothing (all refunded first) has no posting to find again.
              if (result.transactionIds.length > 0) expect(result.replayed).toBe(true);
              return false;
            }
          }
        }

        /** Her money by the model: sales − commission − refunds, in states by delivery and hold, less payouts. */
        function figures(sellerIndex: number) {
          let total = 0n;
          let pending = 0n;
          for (const order of orders.filter((o) => o.sellerIndex === sellerIndex)) {
            const net = order.lines.reduce((s, l) => s + (l.gross - l.commission) - (l.refunded - l.refundedCommission), 0n);
            total += net;
            if (order.delivered !== 'AVAILABLE') pending += net;
          }
          const mine = modelPayouts.filter((p) => p.sellerIndex === sellerIndex);
          const inPayout = mine.filter((p) => p.status === 'PENDING').reduce((s, p) => s + p.amount, 0n);
          const paidOut = mine.filter((p) => p.status === 'PAID').reduce((s, p) => s + p.amount, 0n);
          return { total, pending, inPayout, paidOut, available: total - pending - inPayout - paidOut };
        }

        async function check() {
          const invariants = await ledgerInvariants(t);
          expect(invariants).toEqual({ unbalanced: 0, trialBalance: 0n, negativePending: 0, negativeInPayout: 0 });
          const balances = await ledgerOf(t).balances(systemCtx(), sellers.map((s) => s.id));
          for (const [index, seller] of sellers.entries()) {
            const model = figures(index);
            const real = balances.get(seller.id)!;
            expect({ seller: index, pending: real.pendingIdr, available: real.availableIdr, inPayout: real.inPayoutIdr, paidOut: real.paidOutIdr }).toEqual({
              seller: index,
              pending: model.pending,
              available: model.available,
              inPayout: model.inPayout,
              paidOut: model.paidOut,
            });
            // Her months add up to the same: paid sales − commission − refunds, and the payouts.
            const months = (await ledgerOf(t).monthlyIncome(systemCtx(), [seller.id], '2000-01-01', '2100-01-01')).get(seller.id)!;
            expect(months.reduce((s, m) => s + m.netIncomeIdr, 0n)).toBe(model.total);
            expect(months.reduce((s, m) => s + m.paidOutIdr, 0n)).toBe(model.paidOut);
          }
          // COD cash is never held below zero.
          const [cod] = await t.dataSource.query(`SELECT count(*)::int AS n FROM (SELECT a.id FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id WHERE a.kind = 'COD_CASH' GROUP BY a.id HAVING sum(e.amount_idr) < 0) c`);
          expect(cod.n).toBe(0);
        }
      }),
      { numRuns: 40, seed: Number(process.env.LEDGER_PROPERTY_SEED ?? Date.now() % 2_147_483_647), verbose: 1 },
    );
  }, 600_000);
});
