import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { parse } from 'csv-parse/sync';
import { toStripeAmount } from '@karya-ibu/types/money';
import { createStripeClient } from '../src/infra/stripe/stripe-client.js';
import { Role } from '../src/modules/accounts/models/role.enum.js';
import { PaymentMethod, PayoutMethod } from '../src/modules/ledger/models/ledger.enums.js';
import type { Kampung } from '../src/modules/kampung/models/kampung.model.js';
import type { Seller } from '../src/modules/sellers/models/seller.model.js';
import { createKampung, createSellerAccount, signIn, type SignedIn } from './factories.js';
import {
  ConfirmCashReceivedDocument,
  CreateCashReceiptUploadDocument,
  CreatePayoutRunDocument,
  MarkPayoutFailedDocument,
  MarkPayoutPaidDocument,
  PayoutDetailsDocument,
  ReconciliationReportDocument,
  RecordCashHandoverDocument,
  SetPayoutDetailsDocument,
  type SetPayoutDetailsInput,
} from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { balanceOf, deliverAndRelease, givePayoutDetails, ledgerInvariants, ledgerOf, payOrder, systemCtx } from './money-helpers.js';

describe('payouts', () => {
  let t: TestApp;
  let kampung: Kampung;
  let finance: SignedIn;
  let admin: SignedIn;
  let pendamping: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    kampung = await createKampung(t);
    finance = await signIn(t, { roles: [Role.FINANCE], displayName: 'Bagian Keuangan' });
    admin = await signIn(t, { roles: [Role.ADMIN] });
    pendamping = await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [kampung], displayName: 'Bu Pendamping' });
  });
  afterAll(() => t.close());

  /** A seller with `net` rupiah available (a sale of net / 0.9, delivered 8 days ago) and payout details not on hold. */
  async function sellerWithAvailable(grossIdr = 500_000n, method = PayoutMethod.BANK_TRANSFER, holderName?: string) {
    const account = await createSellerAccount(t, kampung);
    await deliverAndRelease(t, await payOrder(t, account.seller, [grossIdr]));
    await givePayoutDetails(t, account.seller, method, holderName);
    return account;
  }
  const runFor = async (sellers: Seller[], minimumIdr = '1') => (await t.gql(CreatePayoutRunDocument, { i: { sellerIds: sellers.map((s) => s.id), minimumIdr } }, { token: finance.token })).data!.createPayoutRun;
  /** A run that must pay: the PayoutRun, narrowed. */
  const runOf = async (sellers: Seller[], minimumIdr = '1') => expectResult(await runFor(sellers, minimumIdr), 'PayoutRun');
  const outboxTo = async (seller: Seller) => (await t.dataSource.query('SELECT body FROM outbox_messages WHERE recipient = $1 ORDER BY created_at', [seller.whatsappNumber])).map((m: { body: string }) => m.body);

  describe('payout details', () => {
    it('she sets her bank account: checked, told to her on WhatsApp, payouts held 24 h, audited', async () => {
      const { seller, login } = await createSellerAccount(t, kampung);
      const before = Date.now();
      const response = await t.gql(SetPayoutDetailsDocument, { i: { method: 'BANK_TRANSFER', bankCode: '124', accountNumber: '0012-3456-7890', accountHolderName: '  Siti   Aminah ' } }, { token: login.token });
      const details = expectResult(response.data!.setPayoutDetails, 'PayoutDetails');
      expect(details).toMatchObject({ __typename: 'PayoutDetails', method: 'BANK_TRANSFER', bankCode: '124', bankName: expect.stringContaining('Bankaltimtara'), accountNumber: '001234567890', accountNumberMasked: '•••• 7890', accountHolderName: 'Siti Aminah' });
      expect(Date.parse(details.payoutsHeldUntil) - before).toBeGreaterThanOrEqual(24 * 3_600_000 - 1000);
      expect((await outboxTo(seller)).at(-1)).toMatch(/data pencairan uang Anda diubah menjadi Bankaltimtara .* •••• 7890 .*ditahan 24 jam/);
      const [audit] = await t.dataSource.query(`SELECT action, on_behalf, after FROM audit_entries WHERE seller_id = $1 AND action = 'PAYOUT_DETAILS_SET'`, [seller.id]);
      expect(audit).toMatchObject({ on_behalf: false, after: { account: '•••• 7890' } });
      expect(JSON.stringify(audit)).not.toContain('001234567890');
      // The same details again change nothing and tell her nothing.
      const messages = (await outboxTo(seller)).length;
      await t.gql(SetPayoutDetailsDocument, { i: { method: 'BANK_TRANSFER', bankCode: '124', accountNumber: '001234567890', accountHolderName: 'Siti Aminah' } }, { token: login.token });
      expect(await outboxTo(seller)).toHaveLength(messages);
    });

    it('an e-wallet takes her phone number; bad details are error results naming the field', async () => {
      const { login } = await createSellerAccount(t, kampung);
      const ok = await t.gql(SetPayoutDetailsDocument, { i: { method: 'EWALLET', ewalletProvider: 'DANA', ewalletNumber: '0812 7777 1234', accountHolderName: 'Nur Aini' } }, { token: login.token });
      expect(ok.data!.setPayoutDetails).toMatchObject({ ewalletProvider: 'DANA', ewalletNumber: '+6281277771234' });
      const cases: [SetPayoutDetailsInput, string, string][] = [
        [{ method: 'BANK_TRANSFER', bankCode: '999', accountNumber: '1234567890', accountHolderName: 'Siti' }, 'input.bankCode', 'UNKNOWN_OPTION'],
        [{ method: 'BANK_TRANSFER', bankCode: '014', accountNumber: '12ab', accountHolderName: 'Siti' }, 'input.accountNumber', 'BAD_FORMAT'],
        [{ method: 'BANK_TRANSFER', bankCode: '014', accountNumber: '123', accountHolderName: 'Siti' }, 'input.accountNumber', 'TOO_SHORT'],
        [{ method: 'BANK_TRANSFER', bankCode: '014', accountNumber: '1234567890', accountHolderName: '=HYPERLINK("x")' }, 'input.accountHolderName', 'BAD_FORMAT'],
        [{ method: 'BANK_TRANSFER', bankCode: '014', accountNumber: '1234567890' }, 'input.accountHolderName', 'REQUIRED'],
        [{ method: 'EWALLET', ewalletProvider: 'OVO', ewalletNumber: '12345', accountHolderName: 'Siti' }, 'input.ewalletNumber', 'BAD_FORMAT'],
      ];
      for (const [input, field, problem] of cases) {
        const response = await t.gql(SetPayoutDetailsDocument, { i: input }, { token: login.token });
        expect({ input, result: response.data?.setPayoutDetails }).toEqual({ input, result: { __typename: 'InvalidInputError', field, problem } });
      }
    });

    it('her pendamping sees them masked and may not change them; an admin may, audited as on her behalf', async () => {
      const { seller, login } = await createSellerAccount(t, kampung);
      await t.gql(SetPayoutDetailsDocument, { i: { method: 'BANK_TRANSFER', bankCode: '014', accountNumber: '5550001234', accountHolderName: 'Rina' } }, { token: login.token });
      expect((await t.gql(PayoutDetailsDocument, { s: seller.id }, { token: pendamping.token })).data!.payoutDetails).toEqual({ method: 'BANK_TRANSFER', accountNumber: null, accountNumberMasked: '•••• 1234', ewalletNumber: null });
      expect((await t.gql(PayoutDetailsDocument, { s: seller.id }, { token: finance.token })).data!.payoutDetails?.accountNumber).toBe('5550001234');
      const refused = await t.gql(SetPayoutDetailsDocument, { i: { sellerId: seller.id, method: 'CASH_VIA_PENDAMPING' } }, { token: pendamping.token });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const byAdmin = await t.gql(SetPayoutDetailsDocument, { i: { sellerId: seller.id, method: 'CASH_VIA_PENDAMPING' } }, { token: admin.token });
      expect(byAdmin.data!.setPayoutDetails).toMatchObject({ __typename: 'PayoutDetails', method: 'CASH_VIA_PENDAMPING' });
      const [audit] = await t.dataSource.query(`SELECT on_behalf FROM audit_entries WHERE seller_id = $1 AND action = 'PAYOUT_DETAILS_SET' ORDER BY seq DESC LIMIT 1`, [seller.id]);
      expect(audit.on_behalf).toBe(true);
      expect((await outboxTo(seller)).at(-1)).toMatch(/uang tunai melalui pendamping oleh admin/);
    });
  });

  describe('runs', () => {
    it('pays every available balance above the minimum, once; skips details on hold, none, or too little; the bank file lists them', async () => {
      const a = await sellerWithAvailable(500_000n);
      const b = await sellerWithAvailable(300_000n, PayoutMethod.BANK_TRANSFER, '=HYPERLINK("http://x","Ibu")');
      const small = await sellerWithAvailable(20_000n);
      const held = await sellerWithAvailable(400_000n);
      await t.dataSource.query(`UPDATE payout_details SET payouts_held_until = now() + interval '1 hour' WHERE seller_id = $1`, [held.seller.id]);
      const noDetails = await createSellerAccount(t, kampung);
      await deliverAndRelease(t, await payOrder(t, noDetails.seller, [400_000n]));

      const run = await runOf([a, b, small, held, noDetails].map((s) => s.seller), '50000');
      expect(run).toMatchObject({ __typename: 'PayoutRun', payoutCount: 2, totalIdr: '720000', bankFilePath: `/payouts/${run.id}.csv` });
      expect(run.payouts.map((p) => [p.sellerId, p.amountIdr, p.status]).sort()).toEqual([[a.seller.id, '450000', 'PENDING'], [b.seller.id, '270000', 'PENDING']].sort());
      expect(await balanceOf(t, a.login.token)).toMatchObject({ availableIdr: '0', inPayoutIdr: '450000', paidOutIdr: '0' });
      // Again at once: her money is reserved, nothing more to pay.
      expect(await runFor([a.seller, b.seller], '50000')).toMatchObject({ __typename: 'NothingToPayError', errorCode: 'NOT_ALLOWED_NOW', minimumIdr: '50000' });

      const csv = await fetch(`${t.url}${run.bankFilePath}`, { headers: { authorization: `Bearer ${finance.token}` } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => r.amount).sort()).toEqual(['270000', '450000']);
      expect(rows.find((r) => r.amount === '270000')).toMatchObject({ bank_code: '014', account_name: `'=HYPERLINK("http://x","Ibu")` });
      expect(rows.every((r) => /^KI-\d+-\d+$/.test(r.reference) && /^\d{10}$/.test(r.account_number))).toBe(true);
      for (const [token, status] of [[undefined, 401], [a.login.token, 403], [pendamping.token, 403], [admin.token, 200]] as const) {
        expect((await fetch(`${t.url}${run.bankFilePath}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).status).toBe(status);
      }
      expect((await fetch(`${t.url}/payouts/${randomUUID()}.csv`, { headers: { authorization: `Bearer ${finance.token}` } })).status).toBe(404);
      expect((await fetch(`${t.url}/payouts/nope.csv`, { headers: { authorization: `Bearer ${finance.token}` } })).status).toBe(404);
    });

    it('marking paid is idempotent and tells her; a returned payout puts the money back; a failed one is never paid', async () => {
      const a = await sellerWithAvailable(200_000n);
      const [payout] = (await runOf([a.seller])).payouts;
      const paid = await t.gql(MarkPayoutPaidDocument, { p: payout.id, r: 'BCA-778899' }, { token: finance.token });
      expect(paid.data!.markPayoutPaid).toMatchObject({ __typename: 'Payout', status: 'PAID', transferReference: 'BCA-778899' });
      expect((await t.gql(MarkPayoutPaidDocument, { p: payout.id, r: 'BCA-778899' }, { token: finance.token })).data!.markPayoutPaid).toMatchObject({ __typename: 'Payout', status: 'PAID' });
      expect((await t.gql(MarkPayoutPaidDocument, { p: payout.id, r: 'LAIN' }, { token: finance.token })).data!.markPayoutPaid).toMatchObject({ __typename: 'PayoutNotAllowedError', status: 'PAID' });
      expect(await balanceOf(t, a.login.token)).toMatchObject({ availableIdr: '0', inPayoutIdr: '0', paidOutIdr: '180000', paidOutThisMonthIdr: '180000' });
      expect((await outboxTo(a.seller)).at(-1)).toMatch(/uang Rp 180\.000 sudah dikirim ke BCA/);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ledger_transactions WHERE payout_id = $1 AND cause = 'PAYOUT_SENT'`, [payout.id]);
      expect(n).toBe(1);

      // Returned by the bank: reversed, her balance comes back, and the next run pays it again.
      const returned = await t.gql(MarkPayoutFailedDocument, { p: payout.id, r: 'Rekening tidak aktif' }, { token: finance.token });
      expect(returned.data!.markPayoutFailed).toMatchObject({ status: 'RETURNED', failureReason: 'Rekening tidak aktif' });
      expect(await balanceOf(t, a.login.token)).toMatchObject({ availableIdr: '180000', paidOutIdr: '0', paidOutThisMonthIdr: '0' });
      expect((await outboxTo(a.seller)).at(-1)).toMatch(/dikembalikan oleh bank: Rekening tidak aktif/);
      expect(expectResult((await t.gql(MarkPayoutFailedDocument, { p: payout.id, r: 'Rekening tidak aktif' }, { token: finance.token })).data!.markPayoutFailed, 'Payout').status).toBe('RETURNED');

      const [next] = (await runOf([a.seller])).payouts;
      const failed = await t.gql(MarkPayoutFailedDocument, { p: next.id, r: 'Nama tidak cocok' }, { token: finance.token });
      expect(failed.data!.markPayoutFailed).toMatchObject({ status: 'FAILED' });
      expect((await t.gql(MarkPayoutPaidDocument, { p: next.id, r: 'BCA-1' }, { token: finance.token })).data!.markPayoutPaid).toMatchObject({ __typename: 'PayoutNotAllowedError', status: 'FAILED' });
      expect(await balanceOf(t, a.login.token)).toMatchObject({ availableIdr: '180000', inPayoutIdr: '0', paidOutIdr: '0' });
      expect((await t.gql(MarkPayoutPaidDocument, { p: randomUUID(), r: 'BCA-1' }, { token: finance.token })).data!.markPayoutPaid).toMatchObject({ __typename: 'PayoutNotFoundError', errorCode: 'NOT_FOUND' });
      expect((await t.gql(MarkPayoutPaidDocument, { p: next.id, r: ' ' }, { token: finance.token })).data!.markPayoutPaid).toMatchObject({ __typename: 'InvalidInputError', field: 'reference', problem: 'REQUIRED' });
      expect(await ledgerInvariants(t)).toMatchObject({ unbalanced: 0, trialBalance: 0n, negativePending: 0, negativeInPayout: 0 });
    });

    it('a refund after payout leaves a negative balance, shown plainly, that the next payout nets', async () => {
      const a = await sellerWithAvailable(100_000n);
      const order = await payOrder(t, a.seller, [50_000n]);
      await deliverAndRelease(t, order);
      const [payout] = (await runOf([a.seller])).payouts;
      expect(payout.amountIdr).toBe('135000');
      await t.gql(MarkPayoutPaidDocument, { p: payout.id, r: 'TRF-1' }, { token: finance.token });
      await ledgerOf(t).postRefund(systemCtx(), { refundId: randomUUID(), sellerOrderId: order.sellerOrderId, refundedAt: new Date(), providerReference: null, lines: [{ orderLineId: order.lineIds[0], amountIdr: 50_000n }], shippingIdr: 0n, reason: 'Barang rusak' });
      const afterRefund = await balanceOf(t, a.login.token);
      expect(afterRefund).toMatchObject({ availableIdr: '-45000', paidOutIdr: '135000' });
      expect(afterRefund.lines.edges[0].node).toMatchObject({ kind: 'REFUND', priceIdr: '-50000', commissionIdr: '-5000', netIdr: '-45000', memo: 'Barang rusak' });
      expect(await runFor([a.seller])).toMatchObject({ __typename: 'NothingToPayError' });
      await deliverAndRelease(t, await payOrder(t, a.seller, [200_000n]));
      const [netted] = (await runOf([a.seller])).payouts;
      expect(netted.amountIdr).toBe('135000'); // 180 000 − 45 000
    });

    it('100 concurrent payout requests for one seller make one payout', async () => {
      const a = await sellerWithAvailable(1_000_000n);
      // Lined up at a gate: every run reads payout details before it locks her balance, so the table is
      // held until as many runs as the API's pool allows are waiting there, then they all go at once.
      const gate = t.dataSource.createQueryRunner();
      await gate.connect();
      await gate.startTransaction();
      await gate.query('LOCK TABLE payout_details IN ACCESS EXCLUSIVE MODE');
      const requests = Array.from({ length: 100 }, () => t.gql(CreatePayoutRunDocument, { i: { sellerIds: [a.seller.id], minimumIdr: '1' } }, { token: finance.token }));
      let waiting = 0;
      for (const deadline = Date.now() + 5000; waiting < 10 && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 10))) {
        [{ waiting }] = await t.dataSource.query(`SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'payout_details' AND NOT l.granted`);
      }
      await gate.commitTransaction();
      await gate.release();
      expect(waiting).toBeGreaterThanOrEqual(2);
      const responses = await Promise.all(requests);
      const kinds = responses.map((r) => r.data?.createPayoutRun?.__typename ?? r.errors?.[0]?.extensions?.code);
      expect(kinds.filter((k) => k === 'PayoutRun')).toHaveLength(1);
      expect(kinds.filter((k) => k === 'NothingToPayError')).toHaveLength(99);
      const payouts = await t.dataSource.query('SELECT amount_idr FROM payouts WHERE seller_id = $1', [a.seller.id]);
      expect(payouts).toEqual([{ amount_idr: '900000' }]);
      expect(await balanceOf(t, a.login.token)).toMatchObject({ availableIdr: '0', inPayoutIdr: '900000' });
    });

    it('cash through her pendamping: a receipt photo through the presigned upload, then she confirms', async () => {
      const a = await sellerWithAvailable(300_000n, PayoutMethod.CASH_VIA_PENDAMPING);
      const [payout] = (await runOf([a.seller])).payouts;
      expect(payout.method).toBe('CASH_VIA_PENDAMPING');
      expect((await t.gql(CreateCashReceiptUploadDocument, { p: payout.id, c: 'image/heic', b: 1000 }, { token: pendamping.token })).data!.createCashReceiptUpload).toEqual({ __typename: 'PhotoFileError', photoProblem: 'HEIC' });
      const other = await signIn(t, { roles: [Role.PENDAMPING], pendampingOf: [await createKampung(t)] });
      expect((await t.gql(CreateCashReceiptUploadDocument, { p: payout.id, c: 'image/jpeg', b: 1000 }, { token: other.token })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const photo = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
      const upload = expectResult((await t.gql(CreateCashReceiptUploadDocument, { p: payout.id, c: 'image/jpeg', b: photo.length }, { token: pendamping.token })).data!.createCashReceiptUpload, 'PhotoUpload');
      expect(upload.key).toMatch(new RegExp(`^receipts/${payout.id}/`));
      // Before the bytes are there, and with someone else's key: refused.
      expect((await t.gql(RecordCashHandoverDocument, { p: payout.id, k: upload.key }, { token: pendamping.token })).data!.recordCashHandover).toMatchObject({ __typename: 'PhotoFileError', photoProblem: 'NOT_UPLOADED' });
      expect((await t.gql(RecordCashHandoverDocument, { p: payout.id, k: `uploads/${randomUUID()}/${randomUUID()}` }, { token: pendamping.token })).data!.recordCashHandover).toMatchObject({ __typename: 'InvalidInputError', problem: 'BAD_FORMAT' });
      expect((await fetch(upload.uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: photo })).ok).toBe(true);
      expect((await t.gql(RecordCashHandoverDocument, { p: payout.id, k: upload.key }, { token: a.login.token })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const handed = expectResult((await t.gql(RecordCashHandoverDocument, { p: payout.id, k: upload.key }, { token: pendamping.token })).data!.recordCashHandover, 'Payout');
      expect(handed).toMatchObject({ __typename: 'Payout', status: 'PAID', cashReceivedAt: null });
      expect((await fetch(handed.receiptPhotoUrl!)).status).toBe(200);
      expect((await outboxTo(a.seller)).at(-1)).toMatch(/Bu Pendamping menyerahkan uang tunai Rp 270\.000/);
      expect(await balanceOf(t, a.login.token)).toMatchObject({ inPayoutIdr: '0', paidOutIdr: '270000' });
      // Only she confirms; someone else does not even learn it exists.
      const stranger = await createSellerAccount(t, kampung);
      expect((await t.gql(ConfirmCashReceivedDocument, { p: payout.id }, { token: stranger.login.token })).data!.confirmCashReceived).toMatchObject({ __typename: 'PayoutNotFoundError' });
      const confirmed = expectResult((await t.gql(ConfirmCashReceivedDocument, { p: payout.id }, { token: a.login.token })).data!.confirmCashReceived, 'Payout');
      expect(confirmed).toMatchObject({ __typename: 'Payout', status: 'PAID', cashReceivedAt: expect.any(String) });
      expect(expectResult((await t.gql(ConfirmCashReceivedDocument, { p: payout.id }, { token: a.login.token })).data!.confirmCashReceived, 'Payout').cashReceivedAt).toBe(confirmed.cashReceivedAt);
      // A cash payout is not marked paid by finance.
      const [bank] = (await runOf([(await sellerWithAvailable(100_000n, PayoutMethod.CASH_VIA_PENDAMPING)).seller])).payouts;
      expect((await t.gql(MarkPayoutPaidDocument, { p: bank.id, r: 'X-1' }, { token: finance.token })).data!.markPayoutPaid).toMatchObject({ __typename: 'PayoutNotAllowedError' });
    });
  });

  describe('reconciliation', () => {
    const witaMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

    it('matches the ledger with Stripe balance transactions, bank confirmations, COD cash and payouts, and lists every difference', async () => {
      const stripe = createStripeClient(t.config.stripe);
      const control = (path: string) => fetch(`${process.env.TEST_STRIPE_API_URL}${path}`, { method: 'POST', headers: { authorization: `Bearer ${t.config.stripe.secretKey}` } });
      const paidCharge = async (rupiah: bigint) => {
        const session = await stripe.checkout.sessions.create({ mode: 'payment', line_items: [{ price_data: { currency: 'idr', unit_amount: toStripeAmount(rupiah), product_data: { name: 'Batik' } }, quantity: 1 }], success_url: 'http://localhost:3000/ok' });
        expect((await control(`/_test/checkout/sessions/${session.id}/pay`)).status).toBe(200);
        const intent = await stripe.paymentIntents.retrieve((await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string);
        return intent.latest_charge as string;
      };
      const { seller } = await createSellerAccount(t, kampung);
      const charge = await paidCharge(350_000n);
      const order = await payOrder(t, seller, [330_000n], { method: PaymentMethod.STRIPE, providerReference: charge, shippingIdr: 20_000n });
      const refund = await stripe.refunds.create({ charge, amount: toStripeAmount(30_000n) });
      await ledgerOf(t).postRefund(systemCtx(), { refundId: randomUUID(), sellerOrderId: order.sellerOrderId, refundedAt: new Date(), providerReference: refund.id, lines: [{ orderLineId: order.lineIds[0], amountIdr: 30_000n }], shippingIdr: 0n, reason: null });
      await payOrder(t, seller, [90_000n], { method: PaymentMethod.COD, providerReference: null, cashCollectedByUserId: pendamping.userId });
      const a = await sellerWithAvailable(100_000n);
      const [payout] = (await runOf([a.seller])).payouts;
      await t.gql(MarkPayoutPaidDocument, { p: payout.id, r: 'TRF-REKON' }, { token: finance.token });

      const clean = expectResult((await t.gql(ReconciliationReportDocument, { p: witaMonth() }, { token: finance.token })).data!.reconciliationReport, 'ReconciliationReport');
      expect(clean).toMatchObject({ __typename: 'ReconciliationReport', ledgerBalanced: true, trialBalanceIdr: '0', stripeLedgerIdr: '320000', stripeProviderIdr: '320000', stripeTransactionCount: 2, ordersConnected: true, unreadableSources: [] });
      expect(BigInt(clean.stripeFeesIdr)).toBeGreaterThan(0n);
      expect(clean.codCashHeld).toContainEqual({ holderUserId: pendamping.userId, heldIdr: '90000' });
      // These sales were posted straight to the ledger, so the orders module has none of them (order-money e2e reconciles real orders).
      const notFromOrders = (d: { source: string }) => d.source !== 'ORDERS';
      expect(clean.differences.filter((d) => d.source === 'ORDERS' && d.kind !== 'MISSING_ELSEWHERE')).toEqual([]);
      expect(clean.differences.filter(notFromOrders)).toEqual([]);

      // Now each kind of difference: a Stripe charge the ledger never got, a ledger charge Stripe never made, a bank payment without its reference, a payout whose posting went missing.
      const unposted = await paidCharge(75_000n);
      await payOrder(t, seller, [10_000n], { method: PaymentMethod.STRIPE, providerReference: 'ch_not_at_stripe' });
      await payOrder(t, seller, [10_000n], { method: PaymentMethod.BANK_TRANSFER, providerReference: null });
      const [lost] = (await runOf([(await sellerWithAvailable(100_000n)).seller])).payouts;
      await t.dataSource.query(`UPDATE payouts SET status = 'PAID' WHERE id = $1`, [lost.id]);
      const report = expectResult((await t.gql(ReconciliationReportDocument, { p: witaMonth() }, { token: finance.token })).data!.reconciliationReport, 'ReconciliationReport');
      expect(report.differences.filter(notFromOrders).map((d) => [d.source, d.kind, d.reference]).sort()).toEqual(
        [
          ['STRIPE', 'MISSING_IN_LEDGER', unposted],
          ['STRIPE', 'MISSING_ELSEWHERE', 'ch_not_at_stripe'],
          ['BANK_TRANSFER', 'NO_REFERENCE', expect.any(String)],
          ['PAYOUTS', 'STATUS_MISMATCH', lost.reference],
        ].sort(),
      );
      expect((await t.gql(ReconciliationReportDocument, { p: '2026-13' }, { token: finance.token })).data!.reconciliationReport).toEqual({ __typename: 'InvalidInputError', field: 'period' });
    });
  });
});
