import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { STRIPE_API_VERSION } from '../../stripe/stripe-client.js';
import { ParamError, StripeApiError, badRequest } from './errors.js';
import { FakeStripeAccount, type RequestContext } from './fake-stripe-account.js';
import { checkoutPage, closedPage, notFoundPage } from './hosted-page.js';
import { newId } from './objects.js';
import { Params, canonical, parseForm } from './params.js';
import { DEFAULT_RETRY, type RetryPolicy } from './webhooks.js';

/**
 * A local Stripe-compatible test server for `npm start` and the tests: the endpoints the product calls
 * through the `stripe` SDK, in Stripe's wire format; a hosted checkout page; signed webhooks with
 * retries; and test controls under /_test. Everything is in memory: it restarts empty.
 */
export interface FakeStripeOptions {
  port: number;
  host?: string;
  /** Webhook endpoint of the first account (the API's POST /webhooks/stripe); null: send none. */
  webhookUrl: string | null;
  retry?: Partial<RetryPolicy>;
  log?: (line: string) => void;
}

export interface RunningFakeStripe {
  /** e.g. http://127.0.0.1:12111; hosted pages are at <url>/checkout/<session id>. */
  url: string;
  port: number;
  /** The first account's keys (each run makes new ones). */
  secretKey: string;
  webhookSecret: string;
  stop(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
}

type ApiHandler = (account: FakeStripeAccount, p: Params, ctx: RequestContext, id: string) => unknown | Promise<unknown>;

/** The Stripe API this server implements: exactly what the product calls. */
const API_ROUTES: [method: string, path: RegExp, handler: ApiHandler][] = [
  ['POST', /^\/v1\/checkout\/sessions$/, (a, p) => a.createCheckoutSession(p)],
  ['GET', /^\/v1\/checkout\/sessions\/([^/]+)$/, (a, p, _, id) => (p.done(), a.session(id).session)],
  ['POST', /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, (a, p, ctx, id) => (p.done(), a.expireSession(id, ctx))],
  ['GET', /^\/v1\/payment_intents\/([^/]+)$/, (a, p, _, id) => (p.done(), a.paymentIntent(id))],
  ['GET', /^\/v1\/charges\/([^/]+)$/, (a, p, _, id) => (p.done(), a.charge(id))],
  ['POST', /^\/v1\/refunds$/, (a, p, ctx) => a.createRefund(p, ctx)],
  ['GET', /^\/v1\/refunds\/([^/]+)$/, (a, p, _, id) => (p.done(), a.refund(id))],
  ['GET', /^\/v1\/balance_transactions$/, (a, p) => a.listBalanceTransactions(p)],
  ['GET', /^\/v1\/balance_transactions\/([^/]+)$/, (a, p, _, id) => (p.done(), a.balanceTransaction(id))],
  ['GET', /^\/v1\/events$/, (a, p) => a.listEvents(p)],
  ['GET', /^\/v1\/events\/([^/]+)$/, (a, p, _, id) => (p.done(), a.event(id))],
  // Test controls: what the hosted page's buttons do, replays, and what was delivered.
  ['POST', /^\/_test\/checkout\/sessions\/([^/]+)\/pay$/, (a, p, _, id) => (p.done(), a.pay(id, null))],
  ['POST', /^\/_test\/checkout\/sessions\/([^/]+)\/fail$/, (a, p, _, id) => (p.done(), a.fail(id, null))],
  ['POST', /^\/_test\/refunds\/([^/]+)\/fail$/, (a, p, _, id) => a.failRefund(id, p, null)],
  ['POST', /^\/_test\/stall$/, (a, p) => a.stall(p)],
  ['POST', /^\/_test\/events\/([^/]+)\/resend$/, (a, p, _, id) => (p.done(), a.resend(id))],
  ['GET', /^\/_test\/deliveries$/, (a, p) => {
    const event = p.string('event');
    const type = p.string('type');
    p.done();
    const data = a.webhooks.deliveries.filter((d) => (event === undefined || d.event === event) && (type === undefined || d.type === type));
    return { object: 'list', endpoint: a.webhooks.url, data };
  }],
];

const MAX_BODY = 1 << 20;

export async function startFakeStripe(options: FakeStripeOptions): Promise<RunningFakeStripe> {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const log = options.log ?? (() => undefined);
  const accounts = new Map<string, FakeStripeAccount>();
  let baseUrl = '';

  const addAccount = (webhookUrl: string | null) => {
    const account = new FakeStripeAccount(`sk_test_${randomToken(32)}`, `whsec_${randomToken(32)}`, webhookUrl, baseUrl, retry, log);
    accounts.set(account.secretKey, account);
    return account;
  };
  const sessionOwner = (id: string) => [...accounts.values()].find((account) => account.sessions.has(id));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = req.method === 'POST' ? await readBody(req) : '';

    const page = /^\/checkout\/([^/]+)(?:\/(pay|fail))?$/.exec(url.pathname);
    if (page) return hostedPage(req, res, decodePath(page[1]), page[2] as 'pay' | 'fail' | undefined, url);

    if (req.method === 'POST' && url.pathname === '/_test/accounts') {
      const p = new Params(parseForm(body));
      const webhookUrl = p.url('webhook_url') ?? null;
      p.done();
      const account = addAccount(webhookUrl);
      return json(res, 200, { secret_key: account.secretKey, webhook_secret: account.webhookSecret });
    }

    const route = API_ROUTES.find(([method, path]) => method === req.method && path.test(url.pathname));
    if (!route) {
      return json(res, 404, new StripeApiError(404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${url.pathname}). This Stripe test server implements only what Karya Ibu calls.`).body());
    }
    const account = authenticate(req.headers.authorization, accounts);
    const id = decodePath(route[1].exec(url.pathname)![1] ?? '');
    const ctx: RequestContext = { requestId: newId('req', 14), idempotencyKey: req.method === 'POST' ? headerValue(req.headers['idempotency-key']) : null };
    res.setHeader('request-id', ctx.requestId);
    res.setHeader('stripe-version', headerValue(req.headers['stripe-version']) ?? STRIPE_API_VERSION);

    const params = parseForm(req.method === 'POST' ? body : url.search.slice(1));
    const endpoint = `${req.method} ${url.pathname}`;
    const stall = account.stalls.get(endpoint);
    // Stalled: the request stays open, unanswered, until the caller gives up or the server stops.
    if (stall === 'before') return;
    const answer = (reply: Reply) => (stall === 'after' ? undefined : send(res, reply));
    if (ctx.idempotencyKey === null) return answer(await run(route[2], account, params, ctx, id));

    // Idempotency-Key: the first response is kept and answered again to the same request; another request with it is refused.
    res.setHeader('idempotency-key', ctx.idempotencyKey);
    const stored = account.idempotency.get(ctx.idempotencyKey);
    if (stored) {
      if (stored.endpoint !== endpoint) {
        throw new StripeApiError(400, 'idempotency_error', `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.endpoint}' vs '${endpoint}'). Try using a key other than '${ctx.idempotencyKey}' if you meant to execute a different request.`);
      }
      if (stored.params !== canonical(params)) {
        throw new StripeApiError(400, 'idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${ctx.idempotencyKey}' if you meant to execute a different request.`);
      }
      res.setHeader('idempotent-replayed', 'true');
      return answer(stored);
    }
    if (ctx.idempotencyKey.length > 255) throw badRequest('Idempotency-Key must be at most 255 characters.', 'idempotency_key_too_long');
    const reply = await run(route[2], account, params, ctx, id);
    if (!reply.validationFailed) account.idempotency.set(ctx.idempotencyKey, { endpoint, params: canonical(params), status: reply.status, body: reply.body });
    return answer(reply);
  }

  /** The buyer's side: GET shows the session, the two forms pay or fail and redirect with 303 (no JavaScript needed). */
  function hostedPage(req: IncomingMessage, res: ServerResponse, id: string, action: 'pay' | 'fail' | undefined, url: URL): void {
    const account = sessionOwner(id);
    if (!account || (action ? req.method !== 'POST' : req.method !== 'GET')) return html(res, 404, notFoundPage());
    const record = account.session(id);
    const pagePath = `/checkout/${encodeURIComponent(id)}`;
    if (action === 'pay') {
      if (record.session.status === 'open') account.pay(id, null);
      const success = record.session.status === 'complete' ? record.session.success_url?.replaceAll('{CHECKOUT_SESSION_ID}', id) : undefined;
      return redirect(res, success ?? pagePath);
    }
    if (action === 'fail') {
      if (record.session.status !== 'open') return redirect(res, pagePath);
      account.fail(id, null);
      return redirect(res, `${pagePath}?ditolak=1`);
    }
    return html(res, 200, record.session.status === 'open' ? checkoutPage(record, url.searchParams.has('ditolak')) : closedPage(record));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof StripeApiError) return json(res, error.status, error.body());
      log(`Stripe test server: ${req.method} ${req.url} failed: ${error instanceof Error ? error.stack : error}`);
      json(res, 500, new StripeApiError(500, 'api_error', 'An unknown error occurred in the Stripe test server.').body());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  baseUrl = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const first = addAccount(options.webhookUrl);
  // Stripe expires sessions on its own at expires_at and says so with checkout.session.expired.
  const sweep = setInterval(() => accounts.forEach((account) => account.expireDue()), 30_000);
  sweep.unref();

  return {
    url: baseUrl,
    port,
    secretKey: first.secretKey,
    webhookSecret: first.webhookSecret,
    async stop() {
      clearInterval(sweep);
      accounts.forEach((account) => account.webhooks.stop());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function run(handler: ApiHandler, account: FakeStripeAccount, params: ReturnType<typeof parseForm>, ctx: RequestContext, id: string): Promise<Reply & { validationFailed?: boolean }> {
  const p = new Params(params);
  try {
    if (p.has('expand')) throw new ParamError('This Stripe test server does not expand objects: retrieve the related object by its id', 'expand');
    return { status: 200, body: await handler(account, p, ctx, id) };
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    // Stripe keeps no idempotent result for a request refused before it ran.
    return { status: error.status, body: error.body(), validationFailed: error instanceof ParamError };
  }
}

function authenticate(header: string | undefined, accounts: Map<string, FakeStripeAccount>): FakeStripeAccount {
  const key = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!key) {
    throw new StripeApiError(
      401,
      'invalid_request_error',
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  const account = accounts.get(key);
  if (!account) throw new StripeApiError(401, 'invalid_request_error', `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`, 'api_key_invalid');
  return account;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(badRequest('The request body is too large.'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A malformed escape is kept as it is: it then names no object (404), rather than failing the server. */
function decodePath(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

function send(res: ServerResponse, reply: Reply): void {
  json(res, reply.status, reply.body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(`${JSON.stringify(body, null, 2)}\n`);
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location }).end();
}

function randomToken(length: number): string {
  return randomBytes(length).toString('base64url').replace(/[-_]/g, '').slice(0, length).padEnd(length, '0');
}
