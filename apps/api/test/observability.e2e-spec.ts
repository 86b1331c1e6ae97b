import pg from 'pg';
import sharp from 'sharp';
import { createKampung, createProduct, createSeller, createSellerAccount } from './factories.js';
import { AttachProductPhotoDocument, LoginDocument, LogoutDocument, MotifListDocument, ProductPageDocument } from './generated/graphql.js';
import { putPhoto } from './photo-helpers.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type LogLine, type TestApp } from './harness/test-app.js';

/** Waits (bounded) until the API has written a log line that matches. */
async function logLine(t: TestApp, match: (line: LogLine) => boolean): Promise<LogLine> {
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 20))) {
    const found = t.logs().find(match);
    if (found) return found;
  }
  throw new Error('no such log line within 5 s');
}

const scrape = async (t: TestApp) => (await fetch(t.metricsUrl)).text();

/** The value of one series in the Prometheus text, e.g. sample(text, 'karya_db_pool_connections'); null when absent. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describe('logs carry the request id', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOG_SQL: 'true' });
    await createProduct(t, await createSeller(t, await createKampung(t)), { slug: 'kain-tercatat' });
  });
  afterAll(() => t.close());

  it("uses the caller's x-request-id in the request line and in every line logged meanwhile, SQL included", async () => {
    const response = await t.gql(ProductPageDocument, { s: 'kain-tercatat' }, { headers: { 'x-request-id': 'web-3f9a1c' } });
    expect(response.errors).toBeUndefined();
    expect(response.headers.get('x-request-id')).toBe('web-3f9a1c');
    const request = await logLine(t, (line) => line.reqId === 'web-3f9a1c' && line.msg === 'request completed');
    expect(request).toMatchObject({ level: 30, name: 'api', req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 }, operation: 'ProductPage', responseTime: expect.any(Number) });
    const sql = t.logs().filter((line) => line.context === 'SQL' && line.reqId === 'web-3f9a1c');
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.every((line) => line.msg.startsWith('query: '))).toBe(true);
    // No headers in the log: the bearer token and the client address secret stay out.
    expect(JSON.stringify(request)).not.toMatch(/authorization|x-client-address/i);
  });

  it('gives a request without a usable id a fresh one, and logs it under that id', async () => {
    // An anonymous operation on purpose: raw.
    const response = await t.rawGql(`{ motifs { id } }`, {}, { headers: { 'x-request-id': 'not an id; DROP TABLE' } });
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await logLine(t, (line) => line.reqId === id && line.msg === 'request completed')).toMatchObject({ operation: 'anonymous' });
  });

  it('logs an INTERNAL_SERVER_ERROR with its request id, without the query parameters', async () => {
    const admin = new pg.Client({ connectionString: t.config.databaseUrl });
    await admin.connect();
    await admin.query('ALTER TABLE products RENAME TO products_hidden');
    try {
      const response = await t.gql(ProductPageDocument, { s: 'rahasia-0812' }, { headers: { 'x-request-id': 'web-err-77' } });
      expect(response.errors![0].extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await admin.query('ALTER TABLE products_hidden RENAME TO products');
      await admin.end();
    }
    const error = await logLine(t, (line) => line.context === 'GraphQL' && line.level === 50);
    expect(error).toMatchObject({ reqId: 'web-err-77', msg: expect.stringMatching(/^\[web-err-77\] relation "products" does not exist at product$/) });
    expect(JSON.stringify(t.logs().filter((line) => line.reqId === 'web-err-77' && line.context !== 'SQL'))).not.toContain('rahasia-0812');
  });
});

describe('metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('are served on their own port only, not on the API port the ingress routes', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
    const response = await fetch(t.metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const family of ['process_cpu_seconds_total', 'nodejs_eventloop_lag_seconds', 'karya_db_statements_total', 'karya_db_pool_connections', 'karya_db_pool_idle_connections', 'karya_db_pool_waiting_clients']) {
      expect(text).toMatch(new RegExp(`^${family} \\d`, 'm'));
    }
    expect(sample(text, 'karya_job_queue_depth{queue="photo.process"}')).toBe(0);
  });

  it('time GraphQL requests by operation and type, and count errors by code', async () => {
    await t.gql(MotifListDocument);
    // A wrong password is an error result, not an error; signing out without a session is UNAUTHENTICATED.
    expect((await t.gql(LoginDocument, { identifier: '+6281299999999', password: 'salah-sandi' })).data!.login.__typename).toBe('InvalidCredentialsError');
    await t.gql(LogoutDocument);
    // Anonymous and invalid on purpose: raw.
    await t.rawGql(`{ motifs { id } }`);
    await t.rawGql(`query Broken { motifs { tidakAda } }`);
    const text = await scrape(t);
    expect(sample(text, 'karya_graphql_request_duration_seconds_count{operation="MotifList",type="query"}')).toBe(1);
    expect(sample(text, 'karya_graphql_request_duration_seconds_count{operation="Login",type="mutation"}')).toBe(1);
    expect(sample(text, 'karya_graphql_request_duration_seconds_count{operation="Logout",type="mutation"}')).toBe(1);
    expect(sample(text, 'karya_graphql_request_duration_seconds_count{operation="anonymous",type="query"}')).toBe(1);
    // A document that did not validate gives no name: invented names cannot add series.
    expect(sample(text, 'karya_graphql_request_duration_seconds_count{operation="invalid",type="unknown"}')).toBe(1);
    expect(text).not.toContain('operation="Broken"');
    expect(sample(text, 'karya_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'karya_graphql_errors_total{code="UNAUTHENTICATED"}')).toBe(1);
  });

  it('time background jobs by queue and outcome', async () => {
    const { seller, login } = await createSellerAccount(t, await createKampung(t));
    const product = await createProduct(t, seller);
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 120, g: 72, b: 40 } } }).jpeg().toBuffer();
    const attached = await t.gql(AttachProductPhotoDocument, { productId: product.id, key: await putPhoto(t, product.id, jpeg, login.token), alt: 'Kain' }, { token: login.token });
    expectResult(attached.data?.attachProductPhoto, 'ProductPhoto');
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
      if (sample(await scrape(t), 'karya_job_duration_seconds_count{queue="photo.process",outcome="completed"}') === 1) return;
    }
    throw new Error(`no completed photo.process job in the metrics:\n${(await scrape(t)).split('\n').filter((l) => l.includes('karya_job')).join('\n')}`);
  });
});

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ JOB_WORKER: 'false' });
  });
  afterAll(() => t.close());

  it('is live and ready while PostgreSQL and S3 answer; /health is readiness', async () => {
    expect(await (await fetch(`${t.url}/health/live`)).json()).toEqual({ status: 'ok' });
    for (const path of ['/health/ready', '/health']) {
      const response = await fetch(`${t.url}${path}`);
      expect([path, response.status, await response.json()]).toEqual([path, 200, { status: 'ok', database: 'up', storage: 'up' }]);
    }
  });

  it('stays live but is not ready once its database is gone', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE "${new URL(t.config.databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
    const ready = await fetch(`${t.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'down', storage: 'up' });
    expect((await fetch(`${t.url}/health`)).status).toBe(503);
    expect((await fetch(`${t.url}/health/live`)).status).toBe(200);
  });
});
