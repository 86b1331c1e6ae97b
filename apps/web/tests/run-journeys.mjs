// Browser journeys against the whole product, started the way the README starts it
// (`node infra/local/start.mjs`), in Debian Chromium through playwright-core.
//
//   node apps/web/tests/run-journeys.mjs
//
// Env: CHROMIUM_PATH (default /usr/bin/chromium); JOURNEY_BASE_URL to test an already running
// storefront instead of starting one; START_SCRIPT to start something other than infra/local/start.mjs;
// JOURNEY_GREP to run only the journeys whose name contains it.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, chmod, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { log, SCREENSHOTS, shot } from './journeys/lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const GLOBAL_TIMEOUT_MS = 12 * 60_000;
const READY_TIMEOUT_MS = 6 * 60_000; // the first start seeds data and makes photo variants
const STOP_GRACE_MS = 15_000;
const VIEWPORT = { width: 390, height: 844 };


// ---------------------------------------------------------------------------------------------
// Starting and stopping the product

async function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0' }, () => server.close(() => resolve(true)));
  });
}

/** First free port from `start`, so a dev copy on 3000/4000 keeps running undisturbed. */
async function freePort(start, taken = []) {
  for (let port = start; port < start + 100; port++) {
    if (!taken.includes(port) && (await isFree(port))) return port;
  }
  throw new Error(`No free port in ${start}..${start + 99}`);
}

function startProduct({ dataDir, apiPort, webPort, postgresPort, s3Port, metricsPort, stripePort }) {
  const script = process.env.START_SCRIPT ?? 'infra/local/start.mjs';
  log(`starting: node ${script} (DATA_DIR=${dataDir}, API_PORT=${apiPort}, WEB_PORT=${webPort})`);
  const child = spawn(process.execPath, [script], {
    cwd: REPO,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      EMBEDDED_S3_PORT: String(s3Port),
      METRICS_PORT: String(metricsPort),
      EMBEDDED_STRIPE_PORT: String(stripePort)
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true // its own process group, so a stuck child's children can be killed too
  });

  let storefront = null;
  let exited = null;
  const waiters = new Set();
  const onLine = (line) => {
    console.log(`[product] ${line}`);
    const url = /Storefront:\s*(http:\/\/localhost:\d+)/.exec(line);
    if (url) storefront = url[1];
    if (line.includes('Karya Ibu is ready')) for (const w of waiters) w.ready();
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split(/\r?\n/);
      buffer = lines.pop();
      lines.forEach(onLine);
    });
  }
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      for (const w of waiters) w.exit();
      resolve(exited);
    });
  });

  return {
    child,
    ready() {
      return new Promise((resolve, reject) => {
        if (exited) return reject(new Error(`product exited early (${JSON.stringify(exited)})`));
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`product not ready after ${READY_TIMEOUT_MS / 1000}s`));
        }, READY_TIMEOUT_MS);
        const w = {
          ready: () => {
            clearTimeout(timer);
            waiters.delete(w);
            resolve(storefront ?? `http://localhost:${webPort}`);
          },
          exit: () => {
            clearTimeout(timer);
            waiters.delete(w);
            reject(new Error(`product exited before it was ready (${JSON.stringify(exited)})`));
          }
        };
        waiters.add(w);
      });
    },
    async stop() {
      if (exited) return;
      log('stopping the product (SIGINT)');
      try {
        process.kill(child.pid, 'SIGINT');
      } catch {
        /* already gone */
      }
      const timedOut = await Promise.race([
        exitPromise.then(() => false),
        new Promise((r) => setTimeout(() => r(true), STOP_GRACE_MS).unref())
      ]);
      if (timedOut && !exited) {
        log(`still running after ${STOP_GRACE_MS / 1000}s: SIGKILL to its process group`);
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
        await exitPromise;
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Journey helpers

// ---------------------------------------------------------------------------------------------
// Journeys: every file in ./journeys (except lib.mjs) exports an array of { name, run(page, base), javaScriptEnabled? }.

const journeys = [];
for (const file of (await readdir(path.join(HERE, 'journeys'))).filter((f) => f.endsWith('.mjs') && f !== 'lib.mjs').sort()) {
  journeys.push(...(await import(path.join(HERE, 'journeys', file))).default);
}
if (process.env.JOURNEY_GREP) journeys.splice(0, journeys.length, ...journeys.filter((j) => j.name.includes(process.env.JOURNEY_GREP)));


// ---------------------------------------------------------------------------------------------

async function main() {
  await mkdir(SCREENSHOTS, { recursive: true });
  let product = null;
  let browser = null;
  let dataDir = null;
  let passed = 0;
  let failed = 0;

  const globalTimer = setTimeout(() => {
    console.error(`[journeys] global timeout after ${GLOBAL_TIMEOUT_MS / 60_000} minutes`);
    cleanup().finally(() => {
      console.log(`${passed} passed, ${journeys.length - passed} failed`);
      process.exit(1);
    });
  }, GLOBAL_TIMEOUT_MS);

  let cleaning = null;
  function cleanup() {
    cleaning ??= (async () => {
      await browser?.close().catch(() => {});
      await product?.stop().catch((err) => console.error('[journeys] stop failed:', err));
      if (dataDir) await rm(dataDir, { recursive: true, force: true }).catch(() => {});
    })();
    return cleaning;
  }
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      cleanup().finally(() => process.exit(130));
    });
  }

  try {
    let base = process.env.JOURNEY_BASE_URL?.replace(/\/$/, '');
    if (!base) {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'karya-ibu-journeys-'));
      await chmod(dataDir, 0o755); // embedded PostgreSQL runs as another user and must traverse it
      const apiPort = await freePort(4100);
      const webPort = await freePort(3100, [apiPort]);
      const postgresPort = await freePort(54400);
      const s3Port = await freePort(4600);
      const metricsPort = await freePort(9500);
      const stripePort = await freePort(12111);
      product = startProduct({ dataDir, apiPort, webPort, postgresPort, s3Port, metricsPort, stripePort });
      base = await product.ready();
    }
    log(`storefront at ${base}`);

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    });

    for (const journey of journeys) {
      const context = await browser.newContext({
        viewport: VIEWPORT,
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'id-ID',
        timezoneId: 'Asia/Makassar',
        javaScriptEnabled: journey.javaScriptEnabled ?? true
      });
      context.setDefaultTimeout(30_000);
      const page = await context.newPage();
      const started = Date.now();
      try {
        await journey.run(page, base);
        passed++;
        log(`✔ ${journey.name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
      } catch (err) {
        failed++;
        log(`✘ ${journey.name}\n${err?.stack ?? err}`);
        await shot(page, `failure-${passed + failed}`).catch(() => {});
      } finally {
        await context.close().catch(() => {});
      }
    }
  } catch (err) {
    console.error('[journeys] could not run:', err?.stack ?? err);
    failed = journeys.length - passed;
  } finally {
    clearTimeout(globalTimer);
    await cleanup();
  }

  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main();
