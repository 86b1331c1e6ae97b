import { STRIPE_MAX_IDR_AMOUNT, formatRupiah, fromStripeAmount, toStripeAmount } from '@karya-ibu/types/money';
import { STRIPE_API_VERSION } from '../../stripe/stripe-client.js';
import { ParamError, StripeApiError, badRequest, notFound } from './errors.js';
import {
  newId,
  unixNow,
  type BalanceTransaction,
  type Charge,
  type CheckoutSession,
  type ListResponse,
  type PaymentIntent,
  type Refund,
  type StripeEvent,
  type StripeObject,
} from './objects.js';
import type { Params } from './params.js';
import { WebhookSender, type RetryPolicy } from './webhooks.js';

/** The API request behind a change, as Stripe records it on the events it causes (null for the buyer's clicks). */
export interface RequestContext {
  requestId: string;
  idempotencyKey: string | null;
}

export interface CheckoutLine {
  name: string;
  quantity: number;
  unitAmount: number;
  amount: number;
}

export interface SessionRecord {
  session: CheckoutSession;
  lines: CheckoutLine[];
  paymentIntentData: { metadata: Record<string, string>; description: string | null };
}

export type Stall = 'before' | 'after';

/** A stored response for an Idempotency-Key: what was asked (method, path, parameters) and what was answered. */
export interface IdempotentResponse {
  endpoint: string;
  params: string;
  status: number;
  body: unknown;
}

const SUPPORTED_CURRENCIES = ['idr'];
const DAY = 24 * 60 * 60;

/** A card fee shaped like Stripe's (2.9 % + Rp 2.000), rounded to whole rupiah so the ledger stays in whole rupiah. */
export function cardFee(amount: number): number {
  return toStripeAmount((fromStripeAmount(amount) * 29n + 500n) / 1000n + 2000n);
}

/**
 * One Stripe account of the test server: its key, its webhook endpoint and everything made with them.
 * State lives in memory only. Business rules follow Stripe's: a session is paid once, refunds never
 * exceed what is left of the charge, every change is an event.
 */
export class FakeStripeAccount {
  readonly sessions = new Map<string, SessionRecord>();
  readonly paymentIntents = new Map<string, PaymentIntent>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  /** Oldest first, like the events: lists answer newest first. */
  readonly balanceTransactions: BalanceTransaction[] = [];
  readonly events: StripeEvent[] = [];
  readonly idempotency = new Map<string, IdempotentResponse>();
  /** Endpoints whose requests go unanswered (stall). */
  readonly stalls = new Map<string, Stall>();
  readonly webhooks: WebhookSender;
  /** The exact bytes sent for each event, signed afresh at each attempt and resent unchanged. */
  private readonly payloads = new Map<string, string>();
  /** Payment intent → its Checkout Session: the events of one purchase go out in order. */
  private readonly streams = new Map<string, string>();

  constructor(
    readonly secretKey: string,
    readonly webhookSecret: string,
    webhookUrl: string | null,
    private readonly checkoutBaseUrl: string,
    retry: RetryPolicy,
    log: (line: string) => void,
  ) {
    this.webhooks = new WebhookSender(webhookUrl ? { url: webhookUrl, secret: webhookSecret } : null, retry, log, (eventId) => {
      const event = this.events.find((candidate) => candidate.id === eventId);
      if (event) event.pending_webhooks = 0;
    });
  }

  createCheckoutSession(p: Params): CheckoutSession {
    const mode = p.oneOf('mode', ['payment', 'setup', 'subscription'], true);
    if (mode !== 'payment') throw new ParamError('This Stripe test server implements mode=payment only', 'mode');
    p.oneOf('ui_mode', ['hosted_page']);
    const successUrl = p.url('success_url') ?? null;
    const cancelUrl = p.url('cancel_url') ?? null;
    const clientReferenceId = p.string('client_reference_id', { max: 200 }) ?? null;
    const customerEmail = p.string('customer_email', { max: 800 }) ?? null;
    if (customerEmail !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(customerEmail)) {
      throw new ParamError(`Invalid email address: ${customerEmail}`, 'customer_email', 'email_invalid');
    }
    const locale = p.oneOf('locale', ['auto', 'id', 'en']) ?? null;
    const currency = p.string('currency')?.toLowerCase();
    const metadata = p.metadata();
    const intentData = p.object('payment_intent_data');
    const paymentIntentData = { metadata: intentData?.metadata() ?? {}, description: intentData?.string('description', { max: 1000 }) ?? null };
    const created = unixNow();
    const expiresAt = p.integer('expires_at') ?? created + DAY;
    if (expiresAt > created + DAY) throw new ParamError('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', 'expires_at');
    if (expiresAt < created + 30 * 60) throw new ParamError('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', 'expires_at');

    const items = p.objects('line_items');
    if (!items || items.length === 0) throw new ParamError('Missing required param: line_items.', 'line_items', 'parameter_missing');
    if (items.length > 100) throw new ParamError('A Checkout Session can have at most 100 line_items.', 'line_items');
    const currencies = new Set<string>();
    const lines = items.map((item): CheckoutLine => {
      if (item.has('price')) throw new ParamError('This Stripe test server takes price_data, not saved prices', item.path('price'));
      const price = item.object('price_data');
      if (!price) throw new ParamError(`Missing required param: ${item.path('price_data')}.`, item.path('price_data'), 'parameter_missing');
      currencies.add(supportedCurrency(price.string('currency', { required: true }), price.path('currency')));
      const unitAmount = wholeRupiah(price.integer('unit_amount', { required: true, min: 1, max: STRIPE_MAX_IDR_AMOUNT }), price.path('unit_amount'));
      const product = price.object('product_data');
      if (!product) throw new ParamError(`Missing required param: ${price.path('product_data')}.`, price.path('product_data'), 'parameter_missing');
      const name = product.string('name', { required: true, max: 250 });
      product.string('description');
      product.metadata();
      const quantity = item.integer('quantity', { required: true, min: 1, max: 999_999 });
      return { name, quantity, unitAmount, amount: unitAmount * quantity };
    });
    p.done();
    if (currency !== undefined) currencies.add(supportedCurrency(currency, 'currency'));
    if (currencies.size > 1) throw badRequest(`All line_items must be in the same currency (got ${[...currencies].join(', ')})`, 'parameter_invalid', 'line_items');
    const amountTotal = lines.reduce((sum, line) => sum + line.amount, 0);
    if (amountTotal > STRIPE_MAX_IDR_AMOUNT) throw badRequest(`Amount must be no more than ${describe(STRIPE_MAX_IDR_AMOUNT - (STRIPE_MAX_IDR_AMOUNT % 100))}`, 'amount_too_large', 'line_items');

    const id = newId('cs_test', 58);
    const session: CheckoutSession = {
      id,
      object: 'checkout.session',
      amount_subtotal: amountTotal,
      amount_total: amountTotal,
      cancel_url: cancelUrl,
      client_reference_id: clientReferenceId,
      created,
      currency: [...currencies][0],
      customer: null,
      customer_details: null,
      customer_email: customerEmail,
      expires_at: expiresAt,
      livemode: false,
      locale,
      metadata,
      mode: 'payment',
      payment_intent: null,
      payment_method_types: ['card'],
      payment_status: 'unpaid',
      status: 'open',
      success_url: successUrl,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: 'hosted_page',
      url: `${this.checkoutBaseUrl}/checkout/${id}`,
    };
    this.sessions.set(id, { session, lines, paymentIntentData });
    return session;
  }

  /** The session as it stands now: one past its expires_at has expired (and said so). */
  session(id: string): SessionRecord {
    const record = this.sessions.get(id);
    if (!record) throw notFound('checkout.session', id, 'session');
    if (record.session.status === 'open' && record.session.expires_at <= unixNow()) this.expire(record, null);
    return record;
  }

  expireSession(id: string, ctx: RequestContext): CheckoutSession {
    const record = this.session(id);
    if (record.session.status !== 'open') {
      throw badRequest(`Only Checkout Sessions with a status of open can be expired; ${id} is ${record.session.status}.`, 'checkout_session_not_open');
    }
    this.expire(record, ctx);
    return record.session;
  }

  /** Sessions whose time ran out while nobody looked. */
  expireDue(): void {
    for (const id of this.sessions.keys()) this.session(id);
  }

  /** The buyer paid with a test card: PaymentIntent succeeded, a Charge and its balance transaction, the session complete. */
  pay(id: string, ctx: RequestContext | null): CheckoutSession {
    const record = this.openSession(id);
    const { session } = record;
    const intent = this.paymentIntentFor(record, ctx);
    const created = unixNow();
    const chargeId = newId('ch');
    const fee = cardFee(intent.amount);
    const transaction: BalanceTransaction = {
      id: newId('txn'),
      object: 'balance_transaction',
      amount: intent.amount,
      available_on: created + 2 * DAY,
      created,
      currency: intent.currency,
      description: intent.description,
      exchange_rate: null,
      fee,
      fee_details: [{ amount: fee, application: null, currency: intent.currency, description: 'Stripe processing fees', type: 'stripe_fee' }],
      net: intent.amount - fee,
      reporting_category: 'charge',
      source: chargeId,
      status: 'pending',
      type: 'charge',
    };
    const paymentMethod = newId('pm');
    const charge: Charge = {
      id: chargeId,
      object: 'charge',
      amount: intent.amount,
      amount_captured: intent.amount,
      amount_refunded: 0,
      balance_transaction: transaction.id,
      captured: true,
      created,
      currency: intent.currency,
      description: intent.description,
      livemode: false,
      metadata: intent.metadata,
      paid: true,
      payment_intent: intent.id,
      payment_method: paymentMethod,
      receipt_email: session.customer_email,
      refunded: false,
      status: 'succeeded',
    };
    this.balanceTransactions.push(transaction);
    this.charges.set(charge.id, charge);
    Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: charge.id, payment_method: paymentMethod, last_payment_error: null });
    Object.assign(session, {
      status: 'complete',
      payment_status: 'paid',
      url: null,
      customer_details: { address: null, business_name: null, email: session.customer_email ?? 'pembeli.uji@example.com', individual_name: null, name: 'Pembeli Uji', phone: null, tax_exempt: 'none', tax_ids: [] },
    });
    this.emit('charge.succeeded', charge, session.id, ctx);
    this.emit('payment_intent.succeeded', intent, session.id, ctx);
    this.emit('checkout.session.completed', session, session.id, ctx);
    return session;
  }

  /** The test card was declined: the attempt fails and, as on Stripe, the session stays open for another try. */
  fail(id: string, ctx: RequestContext | null): CheckoutSession {
    const record = this.openSession(id);
    const intent = this.paymentIntentFor(record, ctx);
    Object.assign(intent, {
      status: 'requires_payment_method',
      payment_method: null,
      last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', payment_method_type: 'card' },
    });
    this.emit('payment_intent.payment_failed', intent, record.session.id, ctx);
    return record.session;
  }

  paymentIntent(id: string): PaymentIntent {
    return this.paymentIntents.get(id) ?? throwError(notFound('payment_intent', id, 'intent'));
  }

  charge(id: string): Charge {
    return this.charges.get(id) ?? throwError(notFound('charge', id, 'charge'));
  }

  createRefund(p: Params, ctx: RequestContext): Refund {
    const intentId = p.string('payment_intent');
    const chargeId = p.string('charge');
    const requested = p.integer('amount', { min: 1, max: STRIPE_MAX_IDR_AMOUNT });
    if (requested !== undefined) wholeRupiah(requested, 'amount');
    const metadata = p.metadata();
    const reason = p.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer']) ?? null;
    p.done();
    if (intentId === undefined && chargeId === undefined) {
      throw new ParamError('One of the following params should be provided for this request: payment_intent or charge.', 'payment_intent', 'parameter_missing');
    }
    if (intentId !== undefined && chargeId !== undefined) throw new ParamError('You may only specify one of these parameters: charge, payment_intent.', 'charge');

    let charge: Charge | undefined;
    if (intentId !== undefined) {
      const intent = this.paymentIntents.get(intentId) ?? throwError(notFound('payment_intent', intentId, 'payment_intent'));
      charge = intent.status === 'succeeded' && typeof intent.latest_charge === 'string' ? this.charges.get(intent.latest_charge) : undefined;
      if (!charge) throw badRequest(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, undefined, 'payment_intent');
    } else {
      charge = this.charge(chargeId!);
    }
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining === 0) throw badRequest(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
    const amount = requested ?? remaining;
    if (amount > remaining) {
      throw badRequest(`Refund amount (${describe(amount)}) is greater than unrefunded amount on charge (${describe(remaining)})`, 'amount_too_large', 'amount');
    }

    const created = unixNow();
    const refundId = newId('re');
    const transaction: BalanceTransaction = {
      id: newId('txn'),
      object: 'balance_transaction',
      amount: -amount,
      available_on: created,
      created,
      currency: charge.currency,
      description: 'REFUND FOR CHARGE',
      exchange_rate: null,
      fee: 0,
      fee_details: [],
      net: -amount,
      reporting_category: 'refund',
      source: refundId,
      status: 'available',
      type: 'refund',
    };
    const refund: Refund = {
      id: refundId,
      object: 'refund',
      amount,
      balance_transaction: transaction.id,
      charge: charge.id,
      created,
      currency: charge.currency,
      metadata,
      payment_intent: charge.payment_intent,
      reason,
      status: 'succeeded',
    };
    this.balanceTransactions.push(transaction);
    this.refunds.set(refund.id, refund);
    const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const stream = this.streams.get(charge.payment_intent as string) ?? charge.id;
    this.emit('refund.created', refund, stream, ctx);
    this.emit('charge.refunded', charge, stream, ctx, previous);
    return refund;
  }

  /**
   * The card's bank turns a refund down later (an expired or closed card): as on Stripe, the money
   * comes back to the balance, the charge's refunded amount drops, and the refund's events are sent.
   */
  /**
   * Test control: requests to an endpoint (`POST /v1/refunds`) go unanswered, before they run or
   * after (as when the network drops a request or its answer), until `off`.
   */
  stall(p: Params): { object: 'stall'; endpoint: string; when: Stall | 'off' } {
    const endpoint = p.string('endpoint', { required: true, max: 200 });
    const when = p.oneOf('when', ['before', 'after', 'off'] as const) ?? 'before';
    p.done();
    if (when === 'off') this.stalls.delete(endpoint);
    else this.stalls.set(endpoint, when);
    return { object: 'stall', endpoint, when };
  }

  failRefund(id: string, p: Params, ctx: RequestContext | null): Refund {
    const reason = p.oneOf('failure_reason', REFUND_FAILURE_REASONS) ?? 'expired_or_canceled_card';
    p.done();
    const refund = this.refund(id);
    if (refund.status !== 'succeeded' && refund.status !== 'pending') throw badRequest(`Refund ${id} is ${refund.status}: only a pending or succeeded refund can fail.`);
    const charge = this.charges.get(refund.charge as string)!;
    const created = unixNow();
    const transaction: BalanceTransaction = {
      id: newId('txn'),
      object: 'balance_transaction',
      amount: refund.amount,
      available_on: created,
      created,
      currency: refund.currency,
      description: 'REFUND FAILURE',
      exchange_rate: null,
      fee: 0,
      fee_details: [],
      net: refund.amount,
      reporting_category: 'refund_failure',
      source: refund.id,
      status: 'available',
      type: 'refund_failure',
    };
    this.balanceTransactions.push(transaction);
    const before = { status: refund.status };
    Object.assign(refund, { status: 'failed', failure_reason: reason, failure_balance_transaction: transaction.id });
    charge.amount_refunded -= refund.amount;
    charge.refunded = false;
    const stream = this.streams.get(charge.payment_intent as string) ?? charge.id;
    this.emit('charge.refund.updated', refund, stream, ctx, before);
    this.emit('refund.updated', refund, stream, ctx, before);
    this.emit('refund.failed', refund, stream, ctx, before);
    return refund;
  }

  refund(id: string): Refund {
    return this.refunds.get(id) ?? throwError(notFound('refund', id));
  }

  balanceTransaction(id: string): BalanceTransaction {
    return this.balanceTransactions.find((transaction) => transaction.id === id) ?? throwError(notFound('balance_transaction', id));
  }

  listBalanceTransactions(p: Params): ListResponse<BalanceTransaction> {
    const type = p.string('type');
    const source = p.string('source');
    const currency = p.string('currency')?.toLowerCase();
    return list(this.balanceTransactions, p, '/v1/balance_transactions', 'balance_transaction', (transaction) =>
      (type === undefined || transaction.type === type) && (source === undefined || transaction.source === source) && (currency === undefined || transaction.currency === currency),
    );
  }

  event(id: string): StripeEvent {
    return this.events.find((event) => event.id === id) ?? throwError(notFound('event', id));
  }

  listEvents(p: Params): ListResponse<StripeEvent> {
    const type = p.string('type');
    return list(this.events, p, '/v1/events', 'event', (event) => type === undefined || event.type === type);
  }

  /** Delivers an event once more with its original payload (a replay, as a Stripe resend is). */
  resend(id: string) {
    const event = this.event(id);
    if (!this.webhooks.enabled) throw badRequest('This account has no webhook endpoint to resend to');
    return this.webhooks.resend(event, this.payloads.get(event.id)!);
  }

  private openSession(id: string): SessionRecord {
    const record = this.session(id);
    if (record.session.status !== 'open') throw badRequest(`This Checkout Session is ${record.session.status}; only an open one can be paid.`, 'checkout_session_not_open');
    return record;
  }

  /** Checkout makes the PaymentIntent at the first attempt to pay and reuses it for the next ones. */
  private paymentIntentFor(record: SessionRecord, ctx: RequestContext | null): PaymentIntent {
    const { session } = record;
    if (typeof session.payment_intent === 'string') return this.paymentIntents.get(session.payment_intent)!;
    const id = newId('pi');
    const intent: PaymentIntent = {
      id,
      object: 'payment_intent',
      amount: session.amount_total!,
      amount_capturable: 0,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic',
      client_secret: `${id}_secret_${newId('x').slice(2)}`,
      confirmation_method: 'automatic',
      created: unixNow(),
      currency: session.currency!,
      customer: null,
      description: record.paymentIntentData.description,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: record.paymentIntentData.metadata,
      payment_method: null,
      payment_method_types: ['card'],
      receipt_email: session.customer_email,
      status: 'requires_payment_method',
    };
    this.paymentIntents.set(id, intent);
    this.streams.set(id, session.id);
    session.payment_intent = id;
    this.emit('payment_intent.created', intent, session.id, ctx);
    return intent;
  }

  private expire(record: SessionRecord, ctx: RequestContext | null): void {
    Object.assign(record.session, { status: 'expired', url: null });
    this.emit('checkout.session.expired', record.session, record.session.id, ctx);
  }

  private emit(type: string, object: StripeObject, stream: string, ctx: RequestContext | null, previous?: Record<string, unknown>): void {
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: STRIPE_API_VERSION,
      created: unixNow(),
      // A snapshot: the object as it was when this happened, not as it is when the event is read.
      data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: this.webhooks.enabled ? 1 : 0,
      request: { id: ctx?.requestId ?? null, idempotency_key: ctx?.idempotencyKey ?? null },
      type,
    };
    this.events.push(event);
    const payload = JSON.stringify(event, null, 2);
    this.payloads.set(event.id, payload);
    this.webhooks.send(event, payload, stream);
  }
}

/** Stripe's reasons a card's bank gives for turning a refund down. */
const REFUND_FAILURE_REASONS = ['lost_or_stolen_card', 'expired_or_canceled_card', 'unknown'] as const;

function throwError(error: StripeApiError): never {
  throw error;
}

function supportedCurrency(value: string, param: string): string {
  const currency = value.toLowerCase();
  if (!SUPPORTED_CURRENCIES.includes(currency)) throw new ParamError(`Invalid currency: ${value}. This Stripe test server supports ${SUPPORTED_CURRENCIES.join(', ')}.`, param);
  return currency;
}

/** Stricter than Stripe on purpose: our amounts are whole rupiah, so a fraction of one is a bug in the caller. */
function wholeRupiah(amount: number, param: string): number {
  if (amount % 100 !== 0) throw new ParamError(`${param} must be whole rupiah: IDR amounts are in hundredths, so a multiple of 100 (got ${amount})`, param);
  return amount;
}

const describe = (amount: number) => formatRupiah(fromStripeAmount(amount));

/** Stripe's list: newest first, `created` filters, `limit` (1–100, default 10), `starting_after` / `ending_before` cursors. */
function list<T extends { id: string; created: number }>(items: T[], p: Params, url: string, object: string, keep: (item: T) => boolean): ListResponse<T> {
  const limit = p.integer('limit', { min: 1, max: 100 }) ?? 10;
  const created = createdFilter(p);
  const startingAfter = p.string('starting_after');
  const endingBefore = p.string('ending_before');
  p.done();
  const matching = items.filter((item) => keep(item) && created(item.created)).reverse();
  const position = (id: string, param: string) => {
    const index = matching.findIndex((item) => item.id === id);
    if (index < 0) throw notFound(object, id, param);
    return index;
  };
  if (endingBefore !== undefined) {
    const end = position(endingBefore, 'ending_before');
    const start = Math.max(0, end - limit);
    return { object: 'list', data: matching.slice(start, end), has_more: start > 0, url };
  }
  const start = startingAfter === undefined ? 0 : position(startingAfter, 'starting_after') + 1;
  return { object: 'list', data: matching.slice(start, start + limit), has_more: start + limit < matching.length, url };
}

/** `created=<t>` or `created[gt|gte|lt|lte]=<t>`. */
function createdFilter(p: Params): (created: number) => boolean {
  if (!p.has('created')) return () => true;
  const range = p.isHash('created') ? p.object('created')! : null;
  if (!range) {
    const exact = p.integer('created');
    return (created) => created === exact;
  }
  const gt = range.integer('gt');
  const gte = range.integer('gte');
  const lt = range.integer('lt');
  const lte = range.integer('lte');
  return (created) => (gt === undefined || created > gt) && (gte === undefined || created >= gte) && (lt === undefined || created < lt) && (lte === undefined || created <= lte);
}
