import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { toStripeAmount } from '@karya-ibu/types/money';
import { loadConfig, type StripeConfig } from '../src/config/env.js';
import { infrastructureEnv, resolveInfrastructure } from '../src/infra/embedded/embedded-infrastructure.js';
import { startFakeStripe, type RunningFakeStripe } from '../src/infra/embedded/fake-stripe/fake-stripe-server.js';
import type { Delivery } from '../src/infra/embedded/fake-stripe/webhooks.js';
import { createStripeClient } from '../src/infra/stripe/stripe-client.js';
import { createStripeTestAccount, createTestApp } from './harness/test-app.js';

/**
 * The local Stripe test server, driven the way the product will drive it: the real `stripe` SDK over
 * HTTP, the buyer's plain form posts, and webhooks verified with the SDK's own constructEvent.
 */

interface Received {
  rawBody: string;
  signature: string;
  type: string;
  id: string;
}

/**
 * A webhook endpoint like the API's: keeps the raw body and header, in the order it finished handling
 * them; `failNext(type, n)` answers 500 n times, `slowNext(type, ms)` takes that long once.
 */
async function startReceiver() {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  const delays = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const { id, type } = JSON.parse(rawBody) as { id: string; type: string };
      const left = failures.get(type) ?? 0;
      if (left > 0) {
        failures.set(type, left - 1);
        return res.writeHead(500).end('not now');
      }
      const delay = delays.get(type);
      delays.delete(type);
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      received.push({ rawBody, signature: String(req.headers['stripe-signature']), type, id });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`,
    received,
    failNext: (type: string, times: number) => failures.set(type, times),
    slowNext: (type: string, ms: number) => delays.set(type, ms),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function eventually<T>(probe: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const BATIK = { name: 'Batik tulis motif Kawung Balikpapan', rupiah: 350_000n };
const TAS = { name: 'Tas eco anyaman plastik daur ulang', rupiah: 75_000n };

function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    line_items: [
      { price_data: { currency: 'idr', unit_amount: toStripeAmount(BATIK.rupiah), product_data: { name: BATIK.name } }, quantity: 1 },
      { price_data: { currency: 'idr', unit_amount: toStripeAmount(TAS.rupiah), product_data: { name: TAS.name } }, quantity: 2 },
    ],
    success_url: 'http://localhost:3000/checkout/selesai?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://localhost:3000/keranjang',
    client_reference_id: 'order-0001',
    metadata: { order_id: 'order-0001' },
    payment_intent_data: { metadata: { order_id: 'order-0001' } },
    customer_email: 'pembeli@karyaibu.demo',
    ...overrides,
  };
}

const TOTAL = toStripeAmount(BATIK.rupiah + 2n * TAS.rupiah); // Rp 500.000

describe('local Stripe test server, through the real stripe SDK', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let fake: RunningFakeStripe;
  let config: StripeConfig;
  let stripe: Stripe;

  const testControl = async (method: 'GET' | 'POST', path: string) => {
    const response = await fetch(`${fake.url}${path}`, { method, headers: { authorization: `Bearer ${fake.secretKey}` } });
    return { status: response.status, body: (await response.json()) as any };
  };
  const deliveriesOf = async (eventId: string) => (await testControl('GET', `/_test/deliveries?event=${eventId}`)).body.data as Delivery[];
  const verify = (item: Received) => stripe.webhooks.constructEvent(item.rawBody, item.signature, config.webhookSecret);
  /** What the receiver got about one purchase: events naming its session or its PaymentIntent. */
  const receivedAbout = (session: Stripe.Checkout.Session) =>
    receiver.received.filter((item) => item.rawBody.includes(session.id) || (typeof session.payment_intent === 'string' && item.rawBody.includes(session.payment_intent)));
  const paidSession = async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect((await testControl('POST', `/_test/checkout/sessions/${session.id}/pay`)).status).toBe(200);
    return stripe.checkout.sessions.retrieve(session.id);
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    fake = await startFakeStripe({ port: 0, webhookUrl: receiver.url, retry: { firstDelayMs: 50, maxDelayMs: 400, giveUpAfterMs: 10_000 } });
    config = { secretKey: fake.secretKey, webhookSecret: fake.webhookSecret, apiBase: { protocol: 'http', host: '127.0.0.1', port: fake.port } };
    stripe = createStripeClient(config);
  });

  afterAll(async () => {
    await fake.stop();
    await receiver.close();
  });

  it('creates a Checkout Session with two lines and their total in IDR minor units', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 50_000_000,
      currency: 'idr',
      payment_intent: null,
      client_reference_id: 'order-0001',
      metadata: { order_id: 'order-0001' },
      customer_email: 'pembeli@karyaibu.demo',
      livemode: false,
    });
    expect(TOTAL).toBe(50_000_000);
    expect(session.id).toMatch(/^cs_test_\w{58}$/);
    expect(session.url).toBe(`${fake.url}/checkout/${session.id}`);
    expect(session.expires_at - session.created).toBe(24 * 60 * 60);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toEqual(session);
  });

  it('lets the buyer pay on the hosted page with a plain form post, then sends her to success_url', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const page = await fetch(session.url!);
    const html = await page.text();
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    for (const text of ['Mode uji — tidak ada uang sungguhan', 'Rp 350.000', '2 × Rp 75.000', 'Rp 150.000', 'Rp 500.000', 'Gagalkan pembayaran', BATIK.name]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain('<script');
    const payForm = /<form method="post" action="([^"]+)"><button type="submit" class="pay">Bayar Rp 500\.000<\/button>/.exec(html);
    expect(payForm).not.toBeNull();

    const paid = await fetch(new URL(payForm![1], session.url!), { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://localhost:3000/checkout/selesai?session=${session.id}`);

    const after = await stripe.checkout.sessions.retrieve(session.id);
    expect(after).toMatchObject({ status: 'complete', payment_status: 'paid', url: null, customer_details: { email: 'pembeli@karyaibu.demo' } });
    const intent = await stripe.paymentIntents.retrieve(after.payment_intent as string);
    expect(intent).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: TOTAL, amount_received: TOTAL, currency: 'idr', metadata: { order_id: 'order-0001' } });
    expect(intent.latest_charge).toMatch(/^ch_/);

    // The page of a paid session says so rather than offering to pay again.
    expect(await (await fetch(session.url!)).text()).toContain('Pembayaran berhasil');
  });

  it('delivers the payment events in order, each signed so that stripe.webhooks.constructEvent accepts it', async () => {
    // A slow first answer holds back the rest: the next event of a purchase goes out once the previous one is answered.
    receiver.slowNext('payment_intent.created', 150);
    const session = await paidSession();
    const expected = ['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded', 'checkout.session.completed'];
    const ofThisPayment = await eventually(() => receivedAbout(session).length >= expected.length && receivedAbout(session), 'the payment webhooks');
    expect(ofThisPayment.map((item) => item.type)).toEqual(expected);

    for (const item of ofThisPayment) {
      expect(item.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      const event = verify(item);
      expect(event).toMatchObject({ object: 'event', type: item.type, livemode: false, api_version: '2026-10-28.endive' });
    }
    const completed = verify(ofThisPayment[3]) as Stripe.CheckoutSessionCompletedEvent;
    expect(completed.data.object).toMatchObject({ id: session.id, payment_status: 'paid', amount_total: TOTAL, client_reference_id: 'order-0001', payment_intent: session.payment_intent });

    // The payload is pretty-printed JSON: a receiver that re-serialises the parsed body breaks the signature.
    const tampered = ofThisPayment[3].rawBody.replace(`"amount_total": ${TOTAL}`, '"amount_total": 100');
    expect(tampered).not.toBe(ofThisPayment[3].rawBody);
    expect(() => stripe.webhooks.constructEvent(tampered, ofThisPayment[3].signature, config.webhookSecret)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent(JSON.stringify(JSON.parse(ofThisPayment[3].rawBody)), ofThisPayment[3].signature, config.webhookSecret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(() => stripe.webhooks.constructEvent(ofThisPayment[3].rawBody, ofThisPayment[3].signature, 'whsec_someoneElsesSecret000000')).toThrow(Stripe.errors.StripeSignatureVerificationError);

    // What was sent can be read back through the API, and the test controls show each delivery's status.
    const listed = await stripe.events.list({ type: 'checkout.session.completed', limit: 100 });
    expect(listed.data.map((event) => event.id)).toContain(completed.id);
    expect(await stripe.events.retrieve(completed.id)).toMatchObject({ id: completed.id, type: 'checkout.session.completed', pending_webhooks: 0 });
    const [delivery] = await deliveriesOf(completed.id);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: [{ status: 200 }] });
  });

  it('pays through /_test without a browser, and never twice', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const first = await testControl('POST', `/_test/checkout/sessions/${session.id}/pay`);
    expect(first).toMatchObject({ status: 200, body: { id: session.id, status: 'complete', payment_status: 'paid' } });
    const second = await testControl('POST', `/_test/checkout/sessions/${session.id}/pay`);
    expect(second).toMatchObject({ status: 400, body: { error: { type: 'invalid_request_error', code: 'checkout_session_not_open' } } });
    // The hosted page's button on a paid session sends the buyer on to success_url without charging again.
    const again = await fetch(`${fake.url}/checkout/${session.id}/pay`, { method: 'POST', redirect: 'manual' });
    expect(again.status).toBe(303);
    const intent = await stripe.paymentIntents.retrieve(first.body.payment_intent);
    expect((await stripe.balanceTransactions.list({ source: intent.latest_charge as string })).data).toHaveLength(1);
  });

  it('keeps a declined session open to try again on the same PaymentIntent, as Stripe Checkout does', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const failed = await fetch(`${fake.url}/checkout/${session.id}/fail`, { method: 'POST', redirect: 'manual' });
    expect(failed.status).toBe(303);
    const retryPage = await (await fetch(new URL(failed.headers.get('location')!, fake.url))).text();
    expect(retryPage).toContain('Pembayaran ditolak');
    expect(retryPage).toContain('Bayar Rp 500.000');

    const open = await stripe.checkout.sessions.retrieve(session.id);
    expect(open).toMatchObject({ status: 'open', payment_status: 'unpaid' });
    const declined = await stripe.paymentIntents.retrieve(open.payment_intent as string);
    expect(declined).toMatchObject({ status: 'requires_payment_method', last_payment_error: { type: 'card_error', code: 'card_declined' } });
    const failure = await eventually(() => receiver.received.find((item) => item.type === 'payment_intent.payment_failed' && item.rawBody.includes(declined.id)), 'payment_intent.payment_failed');
    expect(verify(failure).data.object).toMatchObject({ id: declined.id, status: 'requires_payment_method' });

    await testControl('POST', `/_test/checkout/sessions/${session.id}/pay`);
    const paid = await stripe.checkout.sessions.retrieve(session.id);
    expect(paid).toMatchObject({ status: 'complete', payment_intent: declined.id });
    expect(await stripe.paymentIntents.retrieve(declined.id)).toMatchObject({ status: 'succeeded', last_payment_error: null });
  });

  it('answers a repeated Idempotency-Key with the first response, and refuses it with other parameters', async () => {
    const key = `create-order-0002-${Date.now()}`;
    const first = await stripe.checkout.sessions.create(sessionParams({ client_reference_id: 'order-0002' }), { idempotencyKey: key });
    const replay = await stripe.checkout.sessions.create(sessionParams({ client_reference_id: 'order-0002' }), { idempotencyKey: key });
    expect(replay.id).toBe(first.id);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();

    const other = stripe.checkout.sessions.create(sessionParams({ client_reference_id: 'order-0003' }), { idempotencyKey: key });
    await expect(other).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    await expect(other).rejects.toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });
    await expect(stripe.refunds.create({ payment_intent: 'pi_x' }, { idempotencyKey: key })).rejects.toThrow(/same endpoint/);

    // A request refused for its parameters keeps nothing: the key still works once they are right.
    const fixedKey = `${key}-fixed`;
    await expect(stripe.checkout.sessions.create(sessionParams({ mode: undefined }), { idempotencyKey: fixedKey })).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: fixedKey })).status).toBe('open');
  });

  it('refunds part, then the rest, never more than the charge; the balance transactions add up', async () => {
    const session = await paidSession();
    const intent = await stripe.paymentIntents.retrieve(session.payment_intent as string);
    const charge = intent.latest_charge as string;

    const partial = await stripe.refunds.create({ payment_intent: intent.id, amount: toStripeAmount(100_000n), reason: 'requested_by_customer', metadata: { order_id: 'order-0001' } }, { idempotencyKey: `refund-1-${intent.id}` });
    expect(partial).toMatchObject({ object: 'refund', status: 'succeeded', amount: 10_000_000, charge, payment_intent: intent.id, currency: 'idr', metadata: { order_id: 'order-0001' } });
    expect(await stripe.refunds.retrieve(partial.id)).toEqual(partial);

    const tooMuch = stripe.refunds.create({ payment_intent: intent.id, amount: toStripeAmount(400_001n) });
    await expect(tooMuch).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(tooMuch).rejects.toMatchObject({ code: 'amount_too_large', param: 'amount', message: 'Refund amount (Rp 400.001) is greater than unrefunded amount on charge (Rp 400.000)' });

    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(40_000_000);
    await expect(stripe.refunds.create({ payment_intent: intent.id, amount: 100 })).rejects.toMatchObject({ code: 'charge_already_refunded' });

    const refunded = await eventually(() => {
      const events = receiver.received.filter((item) => item.type === 'charge.refunded' && item.rawBody.includes(charge)).map((item) => verify(item) as Stripe.ChargeRefundedEvent);
      return events.length === 2 && events;
    }, 'two charge.refunded events');
    expect(refunded.map((event) => [event.data.object.amount_refunded, event.data.object.refunded])).toEqual([
      [10_000_000, false],
      [50_000_000, true],
    ]);
    expect(refunded[0].data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false });
    await eventually(() => receiver.received.filter((item) => item.type === 'refund.created' && item.rawBody.includes(charge)).length === 2, 'two refund.created events');

    // One charge, two refunds: the amounts cancel out, and Stripe keeps its fee (2.9 % + Rp 2.000 of Rp 500.000).
    const sources = new Set([charge, partial.id, rest.id]);
    const all: Stripe.BalanceTransaction[] = [];
    for await (const transaction of stripe.balanceTransactions.list({ created: { gte: session.created }, limit: 2 })) {
      if (sources.has(transaction.source as string)) all.push(transaction);
    }
    expect(all.map((transaction) => [transaction.type, transaction.amount, transaction.fee, transaction.net])).toEqual([
      ['refund', -40_000_000, 0, -40_000_000],
      ['refund', -10_000_000, 0, -10_000_000],
      ['charge', 50_000_000, 1_650_000, 48_350_000],
    ]);
    expect(all.reduce((sum, transaction) => sum + transaction.amount, 0)).toBe(0);
    expect(all.reduce((sum, transaction) => sum + transaction.net, 0)).toBe(-toStripeAmount(16_500n));
    expect(await stripe.balanceTransactions.retrieve(all[2].id)).toEqual(all[2]);

    const refundsOnly = await stripe.balanceTransactions.list({ type: 'refund', created: { gte: session.created }, limit: 100 });
    expect(refundsOnly.data.filter((transaction) => sources.has(transaction.source as string))).toHaveLength(2);
    const page = await stripe.balanceTransactions.list({ limit: 1 });
    expect(page).toMatchObject({ object: 'list', has_more: true, url: '/v1/balance_transactions' });
    const future = await stripe.balanceTransactions.list({ created: { gte: session.created + 3600 } });
    expect(future.data).toEqual([]);
  });

  it("fails a refund later as a card's bank does: the money back in the balance, the charge's refunded amount down, refund.failed sent", async () => {
    const session = await paidSession();
    const intent = await stripe.paymentIntents.retrieve(session.payment_intent as string);
    const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: toStripeAmount(100_000n), metadata: { refund_id: 'ours-1' } });
    const fail = (reason?: string) =>
      fetch(`${fake.url}/_test/refunds/${refund.id}/fail`, { method: 'POST', headers: { authorization: `Bearer ${fake.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' }, body: reason ? `failure_reason=${reason}` : '' });
    expect((await fail('card_melted')).status).toBe(400);
    expect(await (await fail('lost_or_stolen_card')).json()).toMatchObject({ id: refund.id, status: 'failed', failure_reason: 'lost_or_stolen_card', metadata: { refund_id: 'ours-1' } });
    expect((await fail()).status).toBe(400);

    const failed = await stripe.refunds.retrieve(refund.id);
    expect(failed.status).toBe('failed');
    const back = await stripe.balanceTransactions.retrieve(failed.failure_balance_transaction as string);
    expect([back.type, back.amount, back.source]).toEqual(['refund_failure', toStripeAmount(100_000n), refund.id]);
    const events = await eventually(() => {
      const about = receiver.received.filter((item) => item.rawBody.includes(refund.id) && item.type !== 'refund.created' && item.type !== 'charge.refunded').map(verify);
      return about.length === 3 && about;
    }, 'the refund failure events');
    expect(events.map((event) => event.type).sort()).toEqual(['charge.refund.updated', 'refund.failed', 'refund.updated']);
    const event = events.find((e) => e.type === 'refund.failed') as Stripe.RefundFailedEvent;
    expect(event.data).toMatchObject({ object: { id: refund.id, status: 'failed', failure_reason: 'lost_or_stolen_card' }, previous_attributes: { status: 'succeeded' } });
    // The whole charge can be refunded again.
    expect((await stripe.refunds.create({ payment_intent: intent.id })).amount).toBe(session.amount_total);
  });

  it('expires an open session: no URL any more, checkout.session.expired, and no payment', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ id: session.id, status: 'expired', payment_status: 'unpaid', url: null });
    const event = await eventually(() => receiver.received.find((item) => item.type === 'checkout.session.expired' && item.rawBody.includes(session.id)), 'checkout.session.expired');
    expect(verify(event).data.object).toMatchObject({ id: session.id, status: 'expired' });

    expect(await (await fetch(session.url!)).text()).toContain('Sesi pembayaran kedaluwarsa');
    expect((await testControl('POST', `/_test/checkout/sessions/${session.id}/pay`)).status).toBe(400);
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({ statusCode: 400, code: 'checkout_session_not_open' });
  });

  it('resends one event 10 times: the same id and bytes, each signed anew and delivered', async () => {
    const session = await paidSession();
    const original = await eventually(() => receiver.received.find((item) => item.type === 'checkout.session.completed' && item.rawBody.includes(session.id)), 'checkout.session.completed');
    const before = receiver.received.length;

    const resends = await Promise.all(Array.from({ length: 10 }, () => testControl('POST', `/_test/events/${original.id}/resend`)));
    expect(resends.map((resend) => [resend.status, resend.body.state, resend.body.attempts[0].status])).toEqual(Array(10).fill([200, 'delivered', 200]));

    const replays = receiver.received.slice(before).filter((item) => item.id === original.id);
    expect(replays).toHaveLength(10);
    for (const replay of replays) {
      expect(replay.rawBody).toBe(original.rawBody);
      expect(verify(replay).id).toBe(original.id);
    }
    const deliveries = await deliveriesOf(original.id);
    expect(deliveries.map((delivery) => delivery.resend).sort()).toEqual([false, ...Array(10).fill(true)]);
  });

  it('retries a failing endpoint with backoff without holding back the next event, so events can arrive out of order', async () => {
    receiver.failNext('payment_intent.succeeded', 2);
    const session = await paidSession();
    const arrived = await eventually(() => {
      const types = receivedAbout(session).map((item) => item.type);
      return types.includes('payment_intent.succeeded') && types;
    }, 'payment_intent.succeeded after its retries');
    expect(arrived.indexOf('checkout.session.completed')).toBeLessThan(arrived.indexOf('payment_intent.succeeded'));

    const succeeded = receiver.received.find((item) => item.type === 'payment_intent.succeeded' && item.rawBody.includes(session.payment_intent as string))!;
    const [delivery] = await deliveriesOf(succeeded.id);
    expect(delivery.state).toBe('delivered');
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200]);
    const times = delivery.attempts.map((attempt) => Date.parse(attempt.at));
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(45);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(95); // 50 ms, then 100 ms
  });

  it('keeps trying an unreachable endpoint for a while, then gives up and says so', async () => {
    const lines: string[] = [];
    const closed = await startReceiver();
    await closed.close();
    const lonely = await startFakeStripe({ port: 0, webhookUrl: closed.url, retry: { firstDelayMs: 20, maxDelayMs: 40, giveUpAfterMs: 300 }, log: (line) => lines.push(line) });
    try {
      const client = createStripeClient({ secretKey: lonely.secretKey, webhookSecret: lonely.webhookSecret, apiBase: { protocol: 'http', host: '127.0.0.1', port: lonely.port } });
      const session = await client.checkout.sessions.expire((await client.checkout.sessions.create(sessionParams())).id);
      const [event] = (await client.events.list({ type: 'checkout.session.expired' })).data;
      expect((event.data.object as Stripe.Checkout.Session).id).toBe(session.id);
      const deliveries = async () => {
        const response = await fetch(`${lonely.url}/_test/deliveries?event=${event.id}`, { headers: { authorization: `Bearer ${lonely.secretKey}` } });
        return ((await response.json()) as { data: Delivery[] }).data;
      };
      let delivery: Delivery | undefined;
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && (delivery = (await deliveries())[0])?.state !== 'failed') await new Promise((resolve) => setTimeout(resolve, 50));
      expect(delivery?.state).toBe('failed');
      expect(delivery!.attempts.length).toBeGreaterThan(3);
      expect(delivery!.attempts).toEqual(delivery!.attempts.map(() => expect.objectContaining({ status: null, error: expect.stringMatching(/ECONNREFUSED/) })));
      expect(lines.some((line) => line.includes('gave up delivering checkout.session.expired'))).toBe(true);
    } finally {
      await lonely.stop();
    }
  });

  it('answers a wrong key with StripeAuthenticationError and a bad request with StripeInvalidRequestError naming the param', async () => {
    const stranger = createStripeClient({ ...config, secretKey: 'sk_test_notTheKeyOfThisServer0000' });
    await expect(stranger.checkout.sessions.create(sessionParams())).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    await expect(stranger.events.list()).rejects.toMatchObject({ statusCode: 401, message: expect.stringMatching(/^Invalid API Key provided: sk_test_\**0000$/) });

    const refused = async (params: Stripe.Checkout.SessionCreateParams) => {
      const error = await stripe.checkout.sessions.create(params).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      return error as Stripe.errors.StripeInvalidRequestError;
    };
    const line = (priceData: Record<string, unknown>, quantity = 1) =>
      sessionParams({ line_items: [{ price_data: { currency: 'idr', unit_amount: 35_000_000, product_data: { name: BATIK.name }, ...priceData } as never, quantity }] });

    expect(await refused(line({ unit_amount: -5 }))).toMatchObject({ statusCode: 400, param: 'line_items[0][price_data][unit_amount]', code: 'parameter_invalid_integer' });
    expect(await refused(line({ unit_amount: 35_000_050 }))).toMatchObject({ param: 'line_items[0][price_data][unit_amount]', message: expect.stringMatching(/whole rupiah/) });
    expect(await refused(line({ currency: 'usd' }))).toMatchObject({ param: 'line_items[0][price_data][currency]' });
    expect(await refused(line({ product_data: { description: 'tanpa nama' } }))).toMatchObject({ param: 'line_items[0][price_data][product_data][name]', code: 'parameter_missing' });
    expect(await refused(line({}, 0))).toMatchObject({ param: 'line_items[0][quantity]' });
    expect(await refused(sessionParams({ line_items: [] }))).toMatchObject({ param: 'line_items', code: 'parameter_missing' });
    expect(await refused(sessionParams({ success_url: 'not a url' }))).toMatchObject({ param: 'success_url', code: 'url_invalid' });
    expect(await refused(sessionParams({ expires_at: Math.floor(Date.now() / 1000) + 60 }))).toMatchObject({ param: 'expires_at' });
    expect(await refused(sessionParams({ discounts: [{ coupon: 'LEBARAN' }] }))).toMatchObject({ param: 'discounts', code: 'parameter_unknown', message: 'Received unknown parameter: discounts' });
    expect(await refused(line({ unit_amount: 999_999_999_900 }, 2))).toMatchObject({ code: 'amount_too_large' });

    await expect(stripe.checkout.sessions.retrieve('cs_test_doesNotExist')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such checkout.session: 'cs_test_doesNotExist'" });
    await expect(stripe.paymentIntents.retrieve('pi_doesNotExist')).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(stripe.checkout.sessions.retrieve('cs_test_x', { expand: ['line_items'] })).rejects.toMatchObject({ param: 'expand' });
    // A broken escape in the path is just an unknown id, not a server error.
    const garbled = await fetch(`${fake.url}/v1/checkout/sessions/cs_test_%E0`, { headers: { authorization: `Bearer ${fake.secretKey}` } });
    expect(garbled.status).toBe(404);
    expect(await (await fetch(`${fake.url}/checkout/cs_test_%E0`)).text()).toContain('Sesi pembayaran tidak ditemukan');
  });
});

describe('the Stripe test server in the embedded start and in the test harness', () => {
  it('starts without STRIPE_*, on 127.0.0.1, and hands the API its keys and address through infrastructureEnv', async () => {
    const probe = await startFakeStripe({ port: 0, webhookUrl: null });
    const port = probe.port; // a port known to be free once the probe stops
    await probe.stop();
    const config = loadConfig({
      DATABASE_URL: 'postgres://unused:unused@127.0.0.1:1/unused',
      S3_ENDPOINT: process.env.TEST_S3_ENDPOINT!,
      S3_ACCESS_KEY: 'S3RVER',
      S3_SECRET_KEY: 'S3RVER',
      S3_BUCKET: 'unused',
      EMBEDDED_STRIPE_PORT: String(port),
      API_PORT: '4321',
    });
    expect(config.stripe).toBeNull();
    const infrastructure = await resolveInfrastructure(config);
    try {
      const { stripe } = infrastructure.config;
      expect(stripe.apiBase).toEqual({ protocol: 'http', host: '127.0.0.1', port });
      expect(stripe.secretKey).toMatch(/^sk_test_/);
      expect(stripe.webhookSecret).toMatch(/^whsec_/);
      // The API child process reads the same configuration back.
      expect(loadConfig(infrastructureEnv(infrastructure.config)).stripe).toEqual(stripe);
      const deliveries = await fetch(`http://127.0.0.1:${port}/_test/deliveries`, { headers: { authorization: `Bearer ${stripe.secretKey}` } });
      expect(await deliveries.json()).toEqual({ object: 'list', endpoint: 'http://127.0.0.1:4321/webhooks/stripe', data: [] });
    } finally {
      await infrastructure.stop();
    }
  });

  it('gives each account its own sessions and webhooks on the shared test server', async () => {
    const receiver = await startReceiver();
    try {
      const url = process.env.TEST_STRIPE_API_URL!;
      const apiBase = { protocol: 'http' as const, host: '127.0.0.1', port: Number(new URL(url).port) };
      const mine = await createStripeTestAccount(url, receiver.url);
      const theirs = await createStripeTestAccount(url, null);
      const client = createStripeClient({ ...mine, apiBase });
      const other = createStripeClient({ ...theirs, apiBase });
      const session = await client.checkout.sessions.create(sessionParams());
      await expect(other.checkout.sessions.retrieve(session.id)).rejects.toMatchObject({ statusCode: 404 });
      await expect(createStripeClient({ ...mine, secretKey: process.env.TEST_STRIPE_SECRET_KEY!, apiBase }).checkout.sessions.retrieve(session.id)).rejects.toMatchObject({ statusCode: 404 });
      await client.checkout.sessions.expire(session.id);
      const event = await eventually(() => receiver.received.find((item) => item.type === 'checkout.session.expired'), 'the expiry webhook');
      expect(client.webhooks.constructEvent(event.rawBody, event.signature, mine.webhookSecret).type).toBe('checkout.session.expired');
    } finally {
      await receiver.close();
    }
  });

  it('points every test app at its own account, whose webhooks go to that API', async () => {
    const t = await createTestApp();
    try {
      expect(t.config.stripe.apiBase).toEqual({ protocol: 'http', host: '127.0.0.1', port: Number(new URL(process.env.TEST_STRIPE_API_URL!).port) });
      const stripe = createStripeClient(t.config.stripe);
      const session = await stripe.checkout.sessions.expire((await stripe.checkout.sessions.create(sessionParams())).id);
      expect(session.status).toBe('expired');
      const deliveries = async () => {
        const response = await fetch(`${process.env.TEST_STRIPE_API_URL}/_test/deliveries`, { headers: { authorization: `Bearer ${t.config.stripe.secretKey}` } });
        return (await response.json()) as { endpoint: string; data: Delivery[] };
      };
      const { endpoint, data } = await deliveries();
      expect(endpoint).toBe(`${t.url}/webhooks/stripe`);
      expect(data.map((delivery) => delivery.type)).toEqual(['checkout.session.expired']);
      // The API under test answered it (whatever it says until its webhook endpoint exists).
      let answered: number | null = null;
      for (const deadline = Date.now() + 5000; answered === null && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
        answered = (await deliveries()).data[0].attempts[0]?.status ?? null;
      }
      expect(typeof answered).toBe('number');
    } finally {
      await t.close();
    }
  });
});
