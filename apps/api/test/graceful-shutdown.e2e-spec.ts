import { createKampung, createPhoto, createProduct, createSeller } from './factories.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

const LISTING = JSON.stringify({ query: '{ products(first: 100) { totalCount edges { node { id title seller { displayName kampung { name } } primaryPhoto { id } } } } }' });

/**
 * A deploy stops the API with SIGTERM while buyers are browsing: every request it has accepted must
 * still be answered in full before the database pool closes; new ones are refused at the door.
 */
describe('SIGTERM under load', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const kampung = await createKampung(t);
    const seller = await createSeller(t, kampung);
    for (let i = 0; i < 25; i++) {
      const product = await createProduct(t, seller, { slug: `tutup-${i}` });
      if (i < 5) await createPhoto(t, product, { width: 40, height: 30 });
    }
  });
  afterAll(() => t.close());

  it('answers every accepted request, with no "Connection terminated" and no server error', async () => {
    const answered: { status: number; errors?: unknown }[] = [];
    let refused = 0;
    let stopping = false;
    const loops = Array.from({ length: 50 }, async () => {
      for (;;) {
        try {
          const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: LISTING });
          const body = (await response.json()) as { errors?: unknown };
          answered.push({ status: response.status, errors: body.errors });
        } catch {
          // Refused or reset before anything was accepted: the door is closed.
          refused++;
          if (stopping) return;
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = answered.length;
    stopping = true;
    process.kill(t.pid, 'SIGTERM');
    await Promise.all(loops);

    const failed = answered.filter((response) => response.status >= 500 || response.errors);
    console.log(`${before} answered before SIGTERM, ${answered.length - before} during the drain, ${failed.length} failed, ${refused} refused at the door`);
    // Under load: 50 requests in flight at once, and answers coming (about 19 in the first 1.5 s on a busy 2-core machine, 60 on a quiet one).
    expect(before).toBeGreaterThan(10);
    expect(failed).toEqual([]);
    expect(refused).toBeGreaterThan(0);
  });
});
