// `npm run bench`: the API's own cost, measured on this machine.
//
//   npm run bench                        5,000 products, 20 connections, 15 s per scenario
//   npm run bench -- --products 100000   the scale run
//   npm run bench -- --scenarios listing,search-common --duration 10 --connections 20
//   npm run bench -- --scenarios checkout            placeOrder + its Stripe webhook per second, p50/p99
//   npm run bench -- --products 100000 --scenarios impact   /dinas/dampak over 1,000,000 order lines (--order-lines N)
//
// Seeds its own database (embedded PostgreSQL, our migrations, products of the demo seed's kind),
// starts the production build as production starts it, and loads it with autocannon using the
// storefront's own GraphQL operations. Per scenario: req/s, p50/p99 under load, p50 unloaded (one
// connection, sequential), CPU ms per request of the API and of PostgreSQL, errors; peak RSS of the
// API. Writes apps/api/bench/results.json. Not a test: CI does not run it. No response cache exists.
import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Kind, parse, print, visit } from 'graphql';
import { startEmbeddedPostgres } from '../dist/infra/embedded/embedded-postgres.js';
import { startEmbeddedS3 } from '../dist/infra/embedded/embedded-s3.js';
import { startFakeStripe } from '../dist/infra/embedded/fake-stripe/fake-stripe-server.js';
import pg from 'pg';
import { runMigrations } from '../dist/migrate.js';
import { API_NODE_OPTIONS } from '../dist/config/node-options.js';
import { cpuMsOfTree, memoryOf, postmasterPid } from './proc-stats.mjs';
import { seedCatalog } from './seed-catalog.mjs';
import { OFFICER, seedOrders } from './seed-orders.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const { values: options } = parseArgs({
  options: {
    products: { type: 'string', default: '5000' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    scenarios: { type: 'string' },
    // A year of paid sales for the impact scenario; by default only at the scale run (seeding takes a while).
    'order-lines': { type: 'string' },
    out: { type: 'string', default: path.join(HERE, 'results.json') },
  },
});
const PRODUCTS = Number(options.products);
const DURATION = Number(options.duration);
const CONNECTIONS = Number(options.connections);
const WARMUP = Number(options.warmup);
const ORDER_LINES = Number(options['order-lines'] ?? (PRODUCTS >= 100_000 ? 1_000_000 : 0));
const started = Date.now();
const log = (line) => console.log(`[bench +${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);

// --- The storefront's operations, as its server sends them.

async function storefrontOperations() {
  const dir = path.join(REPO, 'apps/web/src/lib/server/api');
  const definitions = [];
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.graphql'))) definitions.push(...parse(await readFile(path.join(dir, file), 'utf8')).definitions);
  const fragments = new Map(definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return (name) => {
    const operation = definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
    if (!operation) throw new Error(`The storefront has no operation ${name}`);
    const needed = new Map();
    const collect = (node) =>
      visit(node, {
        FragmentSpread(spread) {
          if (needed.has(spread.name.value)) return;
          needed.set(spread.name.value, fragments.get(spread.name.value));
          collect(fragments.get(spread.name.value));
        },
      });
    collect(operation);
    return [operation, ...needed.values()].map(print).join('\n');
  };
}

// --- Processes.

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

async function startApi(env, port) {
  const child = spawn(process.execPath, [...API_NODE_OPTIONS, path.join(REPO, 'apps/api/dist/main.js')], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited while starting:\n${errors}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`The API did not start in 60 s:\n${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// --- Load.

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function post(url, body, headers = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, json: await response.json() };
}

async function unloaded(url, makeBody, headers, requests = 30) {
  const times = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    await post(url, makeBody(), headers);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p90: round(percentile(times, 90)) };
}

function load(url, makeBody, duration, headers = {}) {
  let graphqlErrors = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration,
        headers: { 'content-type': 'application/json', ...headers },
        requests: [
          {
            setupRequest: (request) => ({ ...request, body: makeBody() }),
            onResponse: (status, body) => {
              if (body?.includes('"errors":')) graphqlErrors++;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, graphqlErrors })),
    );
  });
}

const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

// --- Checkout: placeOrder by card, paid on the Stripe test server, until its signed webhook has made the order PAID.

const PLACE_ORDER = `mutation BenchPlaceOrder($input: PlaceOrderInput!, $key: String!) {
  placeOrder(input: $input, idempotencyKey: $key) { __typename ... on Order { code payment { checkoutUrl } } ... on ErrorResult { message } }
}`;

async function checkoutScenario(url, databaseUrl, stripe, apiPid, pgPid) {
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  try {
    // Pieces enough for every order of the run; the products of one seller each time keep it one seller order.
    await db.query('UPDATE products SET stock = 1000000');
    const { rows: products } = await db.query('SELECT id, seller_id FROM products WHERE on_sale ORDER BY created_at DESC LIMIT 500');
    const iteration = async (i) => {
      const product = products[i % products.length];
      const t0 = performance.now();
      const { json } = await post(url, JSON.stringify({
        query: PLACE_ORDER,
        variables: {
          key: `bench-${process.pid}-${i}-${Math.random().toString(36).slice(2)}`,
          input: {
            lines: [{ productId: product.id, quantity: 1 }],
            contact: { name: 'Pembeli Uji', phone: '081255550101' },
            address: { recipientName: 'Pembeli Uji', phone: '081255550101', villageCode: '64.71.04.1004', postalCode: '76121', street: 'Jl. Jenderal Sudirman No. 1' },
            shipping: [{ sellerId: product.seller_id, optionCode: 'KAMPUNG:AMBIL' }],
            paymentMethod: 'CARD',
          },
        },
      }));
      const placed = performance.now() - t0;
      const order = json.data?.placeOrder;
      const session = order?.payment?.checkoutUrl?.split('/checkout/')[1];
      if (!session) throw new Error(`placeOrder: ${JSON.stringify(json).slice(0, 300)}`);
      const paid = await fetch(`${stripe.url}/_test/checkout/sessions/${session}/pay`, { method: 'POST', headers: { authorization: `Bearer ${stripe.secretKey}` } });
      if (!paid.ok) throw new Error(`pay: ${paid.status}`);
      for (;;) {
        const { rows } = await db.query('SELECT status FROM orders WHERE code = $1', [order.code]);
        if (rows[0]?.status === 'PAID') break;
        if (performance.now() - t0 > 30_000) throw new Error(`${order.code} not paid in 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return { total: performance.now() - t0, placed };
    };
    for (let i = 0; i < 20; i++) await iteration(1_000_000 + i); // warm up
    const before = { api: cpuMsOfTree(apiPid), pg: cpuMsOfTree(pgPid) };
    const totals = [];
    const places = [];
    let errors = 0;
    let next = 0;
    const deadline = performance.now() + DURATION * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) {
          try {
            const { total, placed } = await iteration(next++);
            totals.push(total);
            places.push(placed);
          } catch (error) {
            errors++;
            if (errors < 3) log(`checkout: ${error.message}`);
          }
        }
      }),
    );
    const done = totals.length;
    totals.sort((a, b) => a - b);
    places.sort((a, b) => a - b);
    return {
      what: `placeOrder by card + paying on the Stripe test server until the signed webhook made it PAID, ${CONNECTIONS} buyers at once`,
      reqPerSec: round(done / DURATION),
      p50Ms: round(percentile(totals, 50)),
      p99Ms: round(percentile(totals, 99)),
      placeP50Ms: round(percentile(places, 50)),
      placeP99Ms: round(percentile(places, 99)),
      apiCpuMsPerRequest: round((cpuMsOfTree(apiPid) - before.api) / done, 2),
      pgCpuMsPerRequest: round((cpuMsOfTree(pgPid) - before.pg) / done, 2),
      errors,
      rssMbAfter: memoryOf(apiPid).rssMb,
    };
  } finally {
    await db.end();
  }
}

// --- Main.

const tmp = await mkdtemp(path.join(os.tmpdir(), 'karya-bench-'));
await chmod(tmp, 0o755); // the postgres user must get through when we run as root
const stops = [];
try {
  const operation = await storefrontOperations();
  log(`starting embedded PostgreSQL and S3 in ${tmp}`);
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'postgres'), port: await freePort(), database: 'karya_bench' });
  stops.push(() => postgres.stop());
  const s3 = await startEmbeddedS3({ directory: path.join(tmp, 's3'), port: 0 });
  stops.push(() => s3.stop());
  await runMigrations(postgres.url);
  log(`seeding ${PRODUCTS.toLocaleString('en')} products`);
  await seedCatalog(postgres.url, PRODUCTS, (line) => log(`  ${line}`));
  // The impact report's period: the last 12 whole WITA months, as an officer picks them on /dinas/dampak.
  const witaNow = new Date(Date.now() + 8 * 3_600_000);
  const lastMonth = new Date(Date.UTC(witaNow.getUTCFullYear(), witaNow.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const firstMonth = new Date(Date.UTC(witaNow.getUTCFullYear(), witaNow.getUTCMonth() - 12, 1)).toISOString().slice(0, 7);
  let cohortId = null;
  let seedingSeconds = null;
  if (ORDER_LINES > 0) {
    const t0 = Date.now();
    log(`seeding ${ORDER_LINES.toLocaleString('en')} order lines paid ${firstMonth}..${lastMonth}`);
    cohortId = await seedOrders(postgres.url, ORDER_LINES, lastMonth, (line) => log(`  ${line}`));
    seedingSeconds = round((Date.now() - t0) / 1000);
    log(`  order seeding took ${seedingSeconds} s`);
  }

  const port = await freePort();
  // The local Stripe test server, its webhooks to this API: the checkout scenario pays through it.
  const stripe = await startFakeStripe({ port: 0, webhookUrl: `http://127.0.0.1:${port}/webhooks/stripe` });
  stops.push(() => stripe.stop());
  const api = await startApi(
    {
      NODE_ENV: 'production',
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      DATABASE_URL: postgres.url,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: 'karya-bench',
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_URL: stripe.url,
      LOG_SQL: 'false',
      JOB_WORKER: 'false',
      SEED_DEMO_DATA: 'false',
      // One load generator is one client address: lift the per-address search limit while measuring.
      SEARCH_LIMIT_PER_MINUTE: '100000',
    },
    port,
  );
  stops.unshift(() => new Promise((resolve) => (api.once('exit', resolve), api.kill('SIGTERM'))));
  const url = `http://127.0.0.1:${port}/graphql`;
  const idle = memoryOf(api.pid);
  log(`API pid ${api.pid} on ${url}, RSS ${idle.rssMb} MB idle`);

  // Every product's slug and cursor, read through the API as a storefront would page.
  const listingDocument = operation('CatalogProducts');
  const cursors = [null];
  const slugs = [];
  for (let after = null; ; ) {
    const { json } = await post(url, JSON.stringify({ query: listingDocument, variables: { first: 100, after, sort: 'NEWEST', filter: {} } }));
    if (json.errors) throw new Error(`listing failed: ${JSON.stringify(json.errors)}`);
    for (const edge of json.data.products.edges) {
      cursors.push(edge.cursor);
      slugs.push(edge.node.slug);
    }
    if (!json.data.products.pageInfo.hasNextPage) break;
    after = json.data.products.pageInfo.endCursor;
  }
  if (slugs.length !== PRODUCTS) throw new Error(`the listing shows ${slugs.length} products, expected ${PRODUCTS}`);
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const search = (term) => () => JSON.stringify({ query: listingDocument, variables: { first: 20, filter: { search: term }, sort: 'RELEVANCE' } });

  const SCENARIOS = {
    listing: {
      what: '20 newest-first at a random depth (random cursor), with seller, kampung and CARD photo',
      body: () => JSON.stringify({ query: listingDocument, variables: { first: 20, after: pick(cursors.slice(0, -20)), sort: 'NEWEST', filter: {} } }),
      check: (json) => json.data?.products?.edges?.length === 20 && json.data.products.totalCount === PRODUCTS,
    },
    detail: {
      what: 'product page by a random slug (ProductDetail)',
      body: () => JSON.stringify({ query: operation('ProductDetail'), variables: { slug: pick(slugs) } }),
      check: (json) => !!json.data?.product?.seller,
    },
    'search-common': { what: '"batik": matches nearly everything', body: search('batik'), check: (json) => json.data?.products?.edges?.length === 20 },
    'search-rare': { what: '"wulandari": one maker of 60', body: search('wulandari'), check: (json) => json.data?.products?.edges?.length > 0 },
    'search-typo': { what: '"batk tuls": typos of batik tulis', body: search('batk tuls'), check: (json) => !json.errors },
    'search-typo-mangrove': { what: '"mangrov": a typo, and the pieces are named after mangrove roots', body: search('mangrov'), check: (json) => !json.errors },
  };
  if (cohortId) {
    // The officer signs in as the web's login page does; her session token rides as the web's server sends it.
    const { json } = await post(url, JSON.stringify({ query: operation('Login'), variables: { identifier: OFFICER.email, password: OFFICER.password } }));
    if (!json.data?.login?.token) throw new Error(`officer login failed: ${JSON.stringify(json).slice(0, 300)}`);
    const filter = { trainingProgramId: cohortId, from: `${firstMonth}-01`, to: `${lastMonth}-01` };
    SCENARIOS.impact = {
      what: `/dinas/dampak as an officer (ImpactReportPage): the batik cohort over ${firstMonth}..${lastMonth}, ${ORDER_LINES.toLocaleString('en')} order lines`,
      headers: { authorization: `Bearer ${json.data.login.token}` },
      body: () => JSON.stringify({ query: operation('ImpactReportPage'), variables: { filter } }),
      check: (answer) => answer.data?.impactReport?.participants > 0 && answer.data.impactReport.orders > 0,
    };
  }
  const chosen = options.scenarios ? options.scenarios.split(',') : Object.keys(SCENARIOS);
  const autocannonScenarios = chosen.filter((name) => name !== 'checkout');
  const pgPid = postmasterPid(postgres.dataDir);
  const results = {};
  for (const name of autocannonScenarios) {
    const scenario = SCENARIOS[name];
    if (!scenario && name === 'impact') throw new Error('the impact scenario needs order lines: --products 100000, or --order-lines N');
    if (!scenario) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
    const sample = await post(url, scenario.body(), scenario.headers);
    if (sample.status !== 200 || sample.json.errors || !scenario.check(sample.json)) throw new Error(`${name}: the answer is not complete: ${JSON.stringify(sample.json).slice(0, 400)}`);
    const hits = sample.json.data.products?.totalCount;
    const quiet = await unloaded(url, scenario.body, scenario.headers);
    await load(url, scenario.body, WARMUP, scenario.headers);
    const before = { api: cpuMsOfTree(api.pid), pg: cpuMsOfTree(pgPid) };
    const { result, graphqlErrors } = await load(url, scenario.body, DURATION, scenario.headers);
    const requests = result.requests.total;
    results[name] = {
      what: scenario.what,
      ...(hits === undefined ? {} : { hits }),
      reqPerSec: round(requests / DURATION),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      unloadedP50Ms: quiet.p50,
      unloadedP90Ms: quiet.p90,
      apiCpuMsPerRequest: round((cpuMsOfTree(api.pid) - before.api) / requests, 2),
      pgCpuMsPerRequest: round((cpuMsOfTree(pgPid) - before.pg) / requests, 2),
      errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
      rssMbAfter: memoryOf(api.pid).rssMb,
    };
    log(`${name}: ${results[name].reqPerSec} req/s, p50 ${results[name].p50Ms} ms, p99 ${results[name].p99Ms} ms, unloaded p50 ${quiet.p50} ms, CPU ${results[name].apiCpuMsPerRequest} + ${results[name].pgCpuMsPerRequest} ms/req`);
  }

  if (!options.scenarios || chosen.includes('checkout')) {
    results.checkout = await checkoutScenario(url, postgres.url, stripe, api.pid, pgPid);
    const r = results.checkout;
    log(`checkout: ${r.reqPerSec} paid orders/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms (placeOrder ${r.placeP50Ms}/${r.placeP99Ms} ms), CPU ${r.apiCpuMsPerRequest} + ${r.pgCpuMsPerRequest} ms/order, ${r.errors} errors`);
  }

  const memory = memoryOf(api.pid);
  const report = {
    date: new Date().toISOString(),
    commit: execFileSync('git', ['-C', REPO, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    settings: { products: PRODUCTS, orderLines: ORDER_LINES, orderSeedingSeconds: seedingSeconds, connections: CONNECTIONS, durationSeconds: DURATION, warmupSeconds: WARMUP, loadGenerator: 'autocannon (in the bench process, on the same machine)' },
    apiRssMb: { idle: idle.rssMb, peak: memory.peakRssMb, afterLoad: memory.rssMb },
    scenarios: results,
  };
  await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${PRODUCTS.toLocaleString('en')} products${ORDER_LINES ? `, ${ORDER_LINES.toLocaleString('en')} order lines (seeded in ${seedingSeconds} s)` : ''}, ${CONNECTIONS} connections, ${DURATION} s each (results in ${path.relative(process.cwd(), options.out)})\n`);
  console.log('| scenario | req/s | p50 ms | p99 ms | unloaded p50 ms | CPU ms/req API + PostgreSQL | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [name, r] of Object.entries(results)) {
    console.log(`| ${name}${r.hits === undefined ? '' : ` (${r.hits} hits)`} | ${r.reqPerSec} | ${r.p50Ms} | ${r.p99Ms} | ${r.unloadedP50Ms ?? '—'} | ${r.apiCpuMsPerRequest} + ${r.pgCpuMsPerRequest} | ${r.errors} |`);
  }
  console.log(`\nAPI RSS: ${idle.rssMb} MB idle, ${memory.peakRssMb} MB peak, ${memory.rssMb} MB after the load`);
} finally {
  for (const stop of stops) await stop().catch((error) => console.error(`stop failed: ${error.message}`));
  await rm(tmp, { recursive: true, force: true });
}
