// Plain ESM on the compiled API: Jest loads global setup outside its module mapper and transforms.
import { chmod, mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../dist/infra/embedded/embedded-postgres.js';
import { startEmbeddedS3 } from '../../dist/infra/embedded/embedded-s3.js';
import { startFakeStripe } from '../../dist/infra/embedded/fake-stripe/fake-stripe-server.js';
import { runMigrations } from '../../dist/migrate.js';

const TEMPLATE_DATABASE = 'karya_template';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Once per test run: a real PostgreSQL with the migrations applied to a template database (each test
 * file clones it, Immich's trick), a real S3-compatible server and the local Stripe test server (each
 * test app gets its own account on it), on free ports in a temp folder.
 */
export default async function globalSetup() {
  const started = Date.now();
  const root = await mkdtemp(path.join(os.tmpdir(), 'karya-ibu-test-'));
  await chmod(root, 0o755); // the postgres user must get through when we run as root
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), port: await freePort(), database: TEMPLATE_DATABASE });
  await runMigrations(postgres.url);
  // A template must have no connections while it is cloned.
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH ALLOW_CONNECTIONS false`);
  await admin.end();

  const s3 = await startEmbeddedS3({ directory: path.join(root, 's3'), port: 0 });
  // Quick retries, so a test sees a webhook redelivered within seconds.
  const stripe = await startFakeStripe({ port: 0, webhookUrl: null, retry: { firstDelayMs: 200, maxDelayMs: 2000, giveUpAfterMs: 60_000 } });

  process.env.TEST_PG_ADMIN_URL = postgres.adminUrl;
  process.env.TEST_S3_ENDPOINT = s3.endpoint;
  process.env.TEST_S3_ACCESS_KEY = s3.accessKey;
  process.env.TEST_S3_SECRET_KEY = s3.secretKey;
  process.env.TEST_STRIPE_API_URL = stripe.url;
  process.env.TEST_STRIPE_SECRET_KEY = stripe.secretKey;
  process.env.TEST_STRIPE_WEBHOOK_SECRET = stripe.webhookSecret;
  globalThis.__KARYA_TEST_INFRA__ = { postgres, s3, stripe, root };
  console.log(`\nTest infrastructure: PostgreSQL + S3 + Stripe test server ready in ${Date.now() - started} ms`);
}
