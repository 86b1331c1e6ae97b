import pg from 'pg';
import { createKampung, createProduct, createSeller } from './factories.js';
import { print } from 'graphql';
import { CheapestAndMotifsDocument, ListingDocument } from './generated/graphql.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

/**
 * Statements that run long. The catalogue's own reads are quick (kept counts, bounded searches), so
 * the test makes one long the way production meets it: another session holds a lock on products
 * (a long migration, a bulk edit), and the API's statement waits in PostgreSQL until it is released.
 */
async function seedCatalogue(t: TestApp): Promise<void> {
  const kampung = await createKampung(t);
  const seller = await createSeller(t, kampung);
  for (let p = 0; p < 30; p++) await createProduct(t, seller, { title: `Kain Batik Tulis Parang ${p}` });
}

/** A session of the test's own that locks the products table until released. */
async function lockProducts(t: TestApp): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: t.config.databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE products IN ACCESS EXCLUSIVE MODE');
  return {
    async release() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

const LISTING = ListingDocument;

describe('work for a client that has hung up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalogue(t);
  });
  afterAll(() => t.close());

  /** The API's statements on products running in PostgreSQL now (waiting or working). */
  const runningOnProducts = async () => {
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND state = 'active' AND query LIKE '%FROM products p%' AND pid <> pg_backend_pid()`,
    );
    return n as number;
  };

  it('is stopped in PostgreSQL within moments, and nothing more starts', async () => {
    const lock = await lockProducts(t);
    const client = new AbortController();
    const request = fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: print(LISTING) }), signal: client.signal }).catch(
      (error: Error) => error.name,
    );
    try {
      await until(async () => (await runningOnProducts()) > 0, 5000);
      client.abort();
      expect(await request).toBe('AbortError');
      const stoppedMs = await until(async () => (await runningOnProducts()) === 0, 5000);
      console.log(`a listing waiting on a lock: after its client hung up, nothing ran in PostgreSQL ${stoppedMs.toFixed(0)} ms later`);
      expect(stoppedMs).toBeLessThan(300);
    } finally {
      // Once the lock goes, a request that went on would load its sellers and photos: it sends nothing.
      const statements = await t.countQueries(async () => {
        await lock.release();
        await new Promise((resolve) => setTimeout(resolve, 500));
      });
      expect(statements).toBe(0);
    }
    // The API is in order afterwards: its pool was not left with closed connections.
    const after = await t.gql(LISTING);
    expect(after.errors).toBeUndefined();
    expect(after.data!.products.totalCount).toBe(30);
  });

  it("never stops another request's statement: abandoned reads in their last moments leave the next requests alone", async () => {
    // Quick listings abandoned at random moments, many just as their statements end; then ordinary requests on the same pool.
    const listing = JSON.stringify({ query: print(LISTING) });
    const abandoned = Array.from({ length: 40 }, async (_, i) => {
      const client = new AbortController();
      setTimeout(() => client.abort(), 5 + (i % 20) * 3);
      await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: listing, signal: client.signal }).then((r) => r.text()).catch(() => undefined);
    });
    await Promise.all(abandoned);
    const failures: string[] = [];
    for (let i = 0; i < 60; i++) {
      const response = await t.gql(CheapestAndMotifsDocument);
      if (response.errors) failures.push(response.errors.map((error) => error.extensions?.code).join(','));
    }
    expect(failures).toEqual([]);
  });
});

describe('a statement that runs longer than DB_STATEMENT_TIMEOUT_MS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_STATEMENT_TIMEOUT_MS: '100' });
    await seedCatalogue(t);
  });
  afterAll(() => t.close());

  it('is stopped by PostgreSQL and answered as QUERY_TIMEOUT, without SQL or a stack trace', async () => {
    const lock = await lockProducts(t);
    try {
      const started = performance.now();
      const response = await t.gql(LISTING);
      const ms = performance.now() - started;
      console.log(`a listing waiting on a lock with a 100 ms statement timeout: answered in ${ms.toFixed(0)} ms`);
      expect(response.status).toBeLessThan(500);
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TIMEOUT']);
      expect(response.errors![0].message).toMatch(/^The query took too long and was stopped/);
      expect(JSON.stringify(response)).not.toMatch(/stack|QueryFailedError|SELECT|canceling/i);
      expect(ms).toBeLessThan(2000);
    } finally {
      await lock.release();
    }
    // Quick statements are not affected.
    expect((await t.gql(LISTING)).errors).toBeUndefined();
  });
});
