import { Role } from '../src/modules/accounts/models/role.enum.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { createKampung, createSellerAccount, signIn, type SignedIn } from './factories.js';
import { CreatePayoutRunDocument, MarkPayoutFailedDocument, MarkPayoutPaidDocument, ReconciliationReportDocument } from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { deliverAndRelease, givePayoutDetails, ledgerInvariants, ledgerOf, payOrder, systemCtx } from './money-helpers.js';

const SELLERS = 20;
const KILLS = 22;

/**
 * SIGKILL in the middle of a payout run, and in the middle of marking payouts, again and again: after
 * each restart the ledger balances, each seller's money is all there (available + in payout + paid
 * out = her sales), every payout has exactly its postings, and doing the killed work again pays
 * nobody twice and loses nobody.
 */
describe('payouts when the API is killed mid-run', () => {
  let t: TestApp;
  let finance: SignedIn;
  const sellers: Seller[] = [];
  /** Her net sales so far, by the facts the test posted. */
  const earned = new Map<string, bigint>();

  beforeAll(async () => {
    t = await createTestApp();
    finance = await signIn(t, { roles: [Role.FINANCE] });
    const kampung = await createKampung(t);
    for (let i = 0; i < SELLERS; i++) {
      const { seller } = await createSellerAccount(t, kampung);
      await givePayoutDetails(t, seller);
      sellers.push(seller);
      earned.set(seller.id, 0n);
    }
  }, 120_000);
  afterAll(() => t.close());

  async function sell() {
    for (const seller of sellers) {
      const gross = BigInt(10_000 + Math.floor(Math.random() * 500_000));
      await deliverAndRelease(t, await payOrder(t, seller, [gross]));
      earned.set(seller.id, earned.get(seller.id)! + gross - (gross + 5n) / 10n);
    }
  }

  /** A payout run for every seller with money available. */
  const runAll = () => t.gql(CreatePayoutRunDocument, { i: { minimumIdr: '1' } }, { token: finance.token });

  /** True once the API holds an open transaction writing `table`: the work is under way and not committed. */
  async function writing(table: string): Promise<boolean> {
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = $1 AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid() AND l.granted`, [table]);
    return n > 0;
  }

  /** Sends the requests, waits until `ready` says so (or they have all finished), and kills the API then: mid-transaction when one is still writing `table`. */
  async function killWhen(table: string, requests: Promise<unknown>[], ready: () => Promise<boolean>): Promise<'mid-transaction' | 'between transactions' | 'after it finished'> {
    let done = false;
    const all = Promise.allSettled(requests).then(() => (done = true));
    for (const deadline = Date.now() + 10_000; !done && Date.now() < deadline && !(await ready()); ) await new Promise((resolve) => setTimeout(resolve, 2));
    const finished = done;
    const midway = !finished && (await writing(table));
    await t.killApi();
    await all;
    await t.restartApi();
    return midway ? 'mid-transaction' : finished ? 'after it finished' : 'between transactions';
  }

  async function checkEverything(label: string) {
    expect({ label, ...(await ledgerInvariants(t)) }).toEqual({ label, unbalanced: 0, trialBalance: 0n, negativePending: 0, negativeInPayout: 0 });
    const balances = await ledgerOf(t).balances(systemCtx(), sellers.map((s) => s.id));
    const payouts: { seller_id: string; status: string; total: string; n: number }[] = await t.dataSource.query(`SELECT seller_id, status, sum(amount_idr)::text AS total, count(*)::int AS n FROM payouts GROUP BY seller_id, status`);
    for (const seller of sellers) {
      const money = balances.get(seller.id)!;
      const of = (status: string) => payouts.find((p) => p.seller_id === seller.id && p.status === status);
      expect({ label, seller: seller.id, all: money.pendingIdr + money.availableIdr + money.inPayoutIdr + money.paidOutIdr, inPayout: money.inPayoutIdr, paidOut: money.paidOutIdr, pendingPayouts: of('PENDING')?.n ?? 0 }).toEqual({
        label,
        seller: seller.id,
        all: earned.get(seller.id),
        inPayout: BigInt(of('PENDING')?.total ?? 0),
        paidOut: BigInt(of('PAID')?.total ?? 0),
        pendingPayouts: Math.min(of('PENDING')?.n ?? 0, 1),
      });
      expect(money.availableIdr).toBeGreaterThanOrEqual(0n);
    }
    // Each payout has exactly the postings of its status, for its amount; no posting without a payout.
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const report = expectResult((await t.gql(ReconciliationReportDocument, { p: month }, { token: finance.token })).data!.reconciliationReport, 'ReconciliationReport');
    // These sales were posted straight to the ledger, so the orders module has none of them: that is the only difference allowed.
    const unexpected = report.differences.filter((d) => d.source !== 'ORDERS' || d.kind !== 'MISSING_ELSEWHERE');
    expect({ label, ledgerBalanced: report.ledgerBalanced, unexpected }).toEqual({ label, ledgerBalanced: true, unexpected: [] });
  }

  it(`keeps every payout exactly once through ${KILLS} kills`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < KILLS; round++) {
      if (round % 2 === 0) {
        await sell();
        // Killed once the run is writing its payouts, a random while later (it takes about half a second: now and then it has committed).
        const wait = Math.random() * 350;
        let seen = 0;
        const when = await killWhen('payouts', [runAll()], async () => (seen ||= (await writing('payouts')) ? Date.now() : 0) > 0 && Date.now() - seen >= wait);
        const [{ reserved }] = await t.dataSource.query(`SELECT count(*)::int AS reserved FROM payouts WHERE status = 'PENDING'`);
        // All of the run or none of it.
        expect([0, SELLERS]).toContain(reserved);
        outcomes.push(`run ${when}, ${reserved ? 'committed' : 'rolled back'}`);
        await checkEverything(`round ${round}, after the kill`);
        // Done again after the restart: whoever the killed run did not reserve is paid now, nobody twice.
        const again = (await runAll()).data!.createPayoutRun.__typename;
        expect(['PayoutRun', 'NothingToPayError']).toContain(again);
        const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM payouts WHERE status = 'PENDING'`);
        expect(n).toBe(SELLERS);
      } else {
        const pending: { id: string }[] = await t.dataSource.query(`SELECT id FROM payouts WHERE status = 'PENDING' ORDER BY id`);
        const marks = pending.map(({ id }, i) =>
          i % 4 === 0
            ? { send: () => t.gql(MarkPayoutFailedDocument, { p: id, r: 'Rekening ditolak bank' }, { token: finance.token }), expected: 'FAILED' }
            : { send: () => t.gql(MarkPayoutPaidDocument, { p: id, r: `TRF-${id.slice(0, 8)}` }, { token: finance.token }), expected: 'PAID' },
        );
        // Killed after a random number of the marks has committed, while others are being written.
        const target = 1 + Math.floor(Math.random() * (pending.length - 1));
        const markedSoFar = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM payouts WHERE id = ANY($1) AND status <> 'PENDING'`, [pending.map((p) => p.id)]))[0].n as number;
        const when = await killWhen('ledger_transactions', marks.map((m) => m.send()), async () => (await markedSoFar()) >= target);
        const [{ marked }] = await t.dataSource.query(`SELECT count(*)::int AS marked FROM payouts WHERE id = ANY($1) AND status <> 'PENDING'`, [pending.map((p) => p.id)]);
        outcomes.push(`marking ${when}, ${marked}/${pending.length} marked`);
        await checkEverything(`round ${round}, after the kill`);
        // Marked again after the restart: the same answers, each posting once.
        const responses = await Promise.all(marks.map((mark) => mark.send()));
        expect(responses.map((r) => Object.values(r.data!)[0])).toEqual(marks.map((mark) => expect.objectContaining({ __typename: 'Payout', status: mark.expected })));
        const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM payouts WHERE status = 'PENDING'`);
        expect(n).toBe(0);
      }
      await checkEverything(`round ${round}, after doing it again`);
    }
    const mid = outcomes.filter((o) => o.includes('mid-transaction')).length;
    const [{ payouts, postings }] = await t.dataSource.query(`SELECT (SELECT count(*)::int FROM payouts) AS payouts, (SELECT count(*)::int FROM ledger_transactions WHERE payout_id IS NOT NULL) AS postings`);
    console.log(`payout crash test: ${KILLS} kills (${mid} in the middle of the transaction: ${outcomes.join('; ')}); ${payouts} payouts, ${postings} payout postings, all reconciled after every restart`);
    // Where a kill lands depends on the machine's load; a quarter of them inside the transaction is the least that proves it.
    expect(mid).toBeGreaterThanOrEqual(KILLS / 4);
  }, 600_000);
});
