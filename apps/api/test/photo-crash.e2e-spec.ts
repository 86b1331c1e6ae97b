import sharp from 'sharp';
import { PhotoSize } from '../src/modules/media/models/photo.enums.js';
import { variantKey } from '../src/modules/media/photo-variants.js';
import { createKampung, createProduct, createSellerAccount } from './factories.js';
import { AttachProductPhotoDocument } from './generated/graphql.js';
import { expectResult } from './harness/results.js';
import { createTestApp, type TestApp } from './harness/test-app.js';
import { photoJobState, putPhoto, waitForActiveJob } from './photo-helpers.js';

const FINISH_DEADLINE_MS = 120_000;

describe('photo jobs when the API is killed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function photoStates(ids: string[]): Promise<Record<string, { status: string; failureReason: string | null }>> {
    const rows: { id: string; status: string; failure_reason: string | null }[] = await t.dataSource.query('SELECT id, status, failure_reason FROM product_photos WHERE id = ANY($1)', [ids]);
    return Object.fromEntries(rows.map((row) => [row.id, { status: row.status, failureReason: row.failure_reason }]));
  }

  it('finishes every photo within two minutes of a kill -9 in the middle of its job', async () => {
    const siti = await createSellerAccount(t, await createKampung(t), 'Siti');
    const product = await createProduct(t, siti.seller, { slug: 'foto-saat-mati' });
    const attach = async (bytes: Buffer) => {
      const response = await t.gql(AttachProductPhotoDocument, { productId: product.id, key: await putPhoto(t, product.id, bytes, siti.login.token), alt: '' }, { token: siti.login.token });
      return expectResult(response.data?.attachProductPhoto, 'ProductPhoto').id;
    };
    // A 24-megapixel photo (its variants take about a second) and one queued behind it: one job at a time.
    const inFlight = await attach(await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#7a4a2a' } }).jpeg().toBuffer());
    const queued = await attach(await sharp({ create: { width: 400, height: 300, channels: 3, background: '#204060' } }).jpeg().toBuffer());
    await waitForActiveJob(t, inFlight);

    await t.killApi();
    const killed = Date.now();
    expect({ inFlight: await photoJobState(t, inFlight), queued: await photoJobState(t, queued) }).toEqual({ inFlight: 'active', queued: 'created' });
    // The queued job as if its last attempt had died too: that photo must end FAILED, with a reason, not PROCESSING for ever.
    await t.dataSource.query(`UPDATE pgboss.job SET state = 'active', started_on = now(), retry_count = retry_limit WHERE name = 'photo.process' AND data->>'photoId' = $1`, [queued]);

    await t.restartApi();
    const restarted = Date.now();
    const finishedAfter: Record<string, string> = {};
    let states = await photoStates([inFlight, queued]);
    while (Object.values(states).some((photo) => photo.status === 'PROCESSING') && Date.now() - restarted < FINISH_DEADLINE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      states = await photoStates([inFlight, queued]);
      for (const [id, photo] of Object.entries(states)) if (photo.status !== 'PROCESSING') finishedAfter[id] ??= `${photo.status} after ${((Date.now() - restarted) / 1000).toFixed(1)} s`;
    }
    const finishedAfterMs = Date.now() - restarted;
    console.log(`Restarted ${((restarted - killed) / 1000).toFixed(1)} s after kill -9; since the restart: photo killed mid-job ${finishedAfter[inFlight] ?? 'PROCESSING'}, photo whose last attempt died ${finishedAfter[queued] ?? 'PROCESSING'}`);

    expect(states).toEqual({
      [inFlight]: { status: 'READY', failureReason: null },
      [queued]: { status: 'FAILED', failureReason: 'NOT_PROCESSED' },
    });
    expect(finishedAfterMs).toBeLessThan(FINISH_DEADLINE_MS);
    // Tried again to the end: the job completed and every variant of the photo killed mid-job is stored.
    expect(await photoJobState(t, inFlight)).toBe('completed');
    for (const size of Object.values(PhotoSize)) expect(await t.storage.stat(variantKey(inFlight, size))).toMatchObject({ contentType: 'image/webp' });
  }, FINISH_DEADLINE_MS + 60_000);
});
