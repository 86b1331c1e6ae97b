// Browser journeys against the whole product, started the way the README starts it
// (`node infra/local/start.mjs`), in Debian Chromium through playwright-core.
//
//   node apps/web/tests/run-journeys.mjs
//
// Env: CHROMIUM_PATH (default /usr/bin/chromium); JOURNEY_BASE_URL to test an already running
// storefront instead of starting one; START_SCRIPT to start something other than infra/local/start.mjs.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, chmod, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const SCREENSHOTS = path.join(HERE, 'screenshots');
const GLOBAL_TIMEOUT_MS = 8 * 60_000;
const READY_TIMEOUT_MS = 6 * 60_000; // the first start seeds data and makes photo variants
const STOP_GRACE_MS = 15_000;
const VIEWPORT = { width: 390, height: 844 };

const log = (...args) => console.log('[journeys]', ...args);

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

function startProduct({ dataDir, apiPort, webPort, postgresPort, s3Port }) {
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
      EMBEDDED_S3_PORT: String(s3Port)
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

/** Collects what must never happen on a page: console errors, crashes, failed documents/images. */
function watch(page, { javaScriptEnabled = true } = {}) {
  const problems = [];
  const watched = new Set(['document', 'image', 'stylesheet', 'fetch', 'xhr', 'font']);
  // With JavaScript off, Chromium refuses the module preloads itself (reported as "csp").
  if (javaScriptEnabled) watched.add('script');
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (res.status() >= 400 && watched.has(type)) problems.push(`HTTP ${res.status()} for ${type} ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText ?? 'failed';
    // A lazy image cancelled by the next navigation is not a failure of the product.
    if (watched.has(req.resourceType()) && !failure.includes('ERR_ABORTED')) {
      problems.push(`request failed (${failure}) for ${req.resourceType()} ${req.url()}`);
    }
  });
  return {
    problems,
    assertClean(step) {
      if (problems.length > 0) throw new Error(`${step}:\n  - ${problems.join('\n  - ')}`);
    }
  };
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function shot(page, name, { fullPage = true } = {}) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

async function goto(page, url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert(response && response.ok(), `GET ${url} answered ${response?.status()}`);
  return response;
}

// ---------------------------------------------------------------------------------------------
// Journeys

const journeys = [
  {
    name: 'a buyer on a phone finds a batik from a kampung KB and sees its photo and price',
    async run(page, base) {
      const watcher = watch(page);
      await goto(page, `${base}/`);
      assert((await page.locator('html').getAttribute('lang')) === 'id', 'home is not in Bahasa Indonesia');
      await page.locator('h1').first().waitFor();
      await shot(page, '01-home');

      // A kampung that has products (the TARGET kampung Karang Joang has none yet).
      const kampungs = page.locator('#kampung li[data-product-count]');
      const count = await kampungs.count();
      assert(count > 0, 'no kampung KB listed on the home page');
      let chosen = null;
      for (let i = 0; i < count; i++) {
        const item = kampungs.nth(i);
        if (Number(await item.getAttribute('data-product-count')) > 0) {
          chosen = item;
          break;
        }
      }
      assert(chosen, 'no kampung KB with products on the home page');
      const kampungLink = chosen.locator('a').first();
      const kampungName = (await kampungLink.innerText()).trim();
      log(`  kampung: ${kampungName}`);
      await Promise.all([page.waitForURL(/\/kampung\/[^/]+$/), kampungLink.click()]);
      await page.locator('h1', { hasText: kampungName }).waitFor();
      await shot(page, '02-kampung');

      const productLink = page.locator('main a[href^="/produk/"]').first();
      await productLink.waitFor();
      const title = (await productLink.innerText()).trim();
      log(`  product: ${title}`);
      await Promise.all([page.waitForURL(/\/produk\/[^/?#]+$/), productLink.click()]);
      await page.locator('h1', { hasText: title }).waitFor();

      const price = page.locator('main .price').first();
      await price.waitFor({ state: 'visible' });
      const priceText = (await price.innerText()).trim();
      assert(/^Rp\s?\d{1,3}(\.\d{3})*$/.test(priceText), `price text "${priceText}" is not like "Rp 350.000"`);

      const photo = page.locator('main .gallery img').first();
      await photo.waitFor({ state: 'visible' });
      await page.waitForFunction(
        (img) => img.complete && img.naturalWidth > 0,
        await photo.elementHandle(),
        { timeout: 30_000 }
      );
      const naturalWidth = await photo.evaluate((img) => img.naturalWidth);
      assert(naturalWidth > 0, 'product photo did not load');
      log(`  price ${priceText}, photo naturalWidth ${naturalWidth}`);
      await shot(page, '03-product');
      watcher.assertClean('problems during the journey');
    }
  },
  {
    name: 'the catalog filters by kampung, explains a bad price, and switches to English without JavaScript',
    javaScriptEnabled: false,
    async run(page, base) {
      const watcher = watch(page, { javaScriptEnabled: false });
      await goto(page, `${base}/produk?min=murah`);
      const error = page.locator('#e-min');
      await error.waitFor();
      assert((await page.locator('#f-min').getAttribute('aria-invalid')) === 'true', 'bad price not marked');
      await shot(page, '04-catalog-bad-price');

      await page.locator('#f-min').fill('');
      const options = await page.locator('#f-kampung option').evaluateAll((els) =>
        els.map((o) => o.value).filter(Boolean)
      );
      assert(options.length > 0, 'no kampung in the catalog filter');
      await page.locator('#f-kampung').selectOption(options[0]);
      await Promise.all([page.waitForURL(/kampung=/), page.locator('.filters .actions button[type=submit]').click()]);
      assert(page.url().includes(`kampung=${encodeURIComponent(options[0])}`), 'filter not in the URL');
      await page.locator('#results-heading').waitFor();

      await Promise.all([page.waitForURL(/lang=en/), page.locator('header a[hreflang="en"]').click()]);
      assert((await page.locator('html').getAttribute('lang')) === 'en', '<html lang> did not switch to en');
      await page.locator('h1', { hasText: 'Product catalog' }).waitFor();
      await shot(page, '05-catalog-en');
      watcher.assertClean('problems during the journey');
    }
  },
  {
    name: 'a buyer registers on a phone, signs out and in, and resets a forgotten password with the code from the outbox',
    async run(page, base) {
      const watcher = watch(page);
      const phone = `0812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const name = `Ibu Uji ${phone.slice(-4)}`;
      const password = `sandi-${phone.slice(-6)}`;
      const newPassword = `baru-${phone.slice(-6)}!`;
      log(`  account: ${name}, ${phone}`);
      const header = page.locator('header.site-header');
      const submit = (form) => page.locator(`${form} button[type=submit]`);
      // Signing out lands on `/`, where we may already be: wait for the header to change instead of the URL.
      const signOut = async () => {
        await header.locator('form[action="/keluar"] button').click();
        await header.locator('a[href^="/masuk"]').waitFor();
        await page.waitForURL(`${base}/`);
      };

      // Register: first with mistakes, to see the messages beside the fields.
      await goto(page, `${base}/daftar`);
      await page.locator('#displayName').fill('S');
      await page.locator('#phone').fill('12345');
      await page.locator('#password').fill('pendek');
      await submit('form.account-form').click();
      await page.locator('#phone-error').waitFor();
      for (const id of ['displayName', 'phone', 'password']) {
        assert((await page.locator(`#${id}`).getAttribute('aria-invalid')) === 'true', `#${id} not marked invalid`);
        const describedBy = (await page.locator(`#${id}`).getAttribute('aria-describedby')) ?? '';
        assert(describedBy.split(' ').includes(`${id}-error`), `#${id} not described by its error`);
      }
      await shot(page, '06-register-errors');

      await page.locator('#displayName').fill(name);
      await page.locator('#phone').fill(phone);
      await page.locator('#password').fill(password);
      await page.locator('label.show input').check();
      assert((await page.locator('#password').getAttribute('type')) === 'text', 'show-password did not show it');
      await shot(page, '07-register');
      await Promise.all([page.waitForURL(`${base}/`), submit('form.account-form').click()]);
      await header.getByText(name).waitFor();
      const cookies = await page.context().cookies();
      const session = cookies.find((c) => c.name === 'karya_session');
      assert(session?.httpOnly && session.sameSite === 'Lax' && session.path === '/', 'session cookie not HTTP-only/Lax/path=/');
      assert(!(await page.content()).includes(session.value), 'session token appears in the page');
      await shot(page, '08-signed-in', { fullPage: false }); // the header is what matters

      // Sign out from the header, then sign in again (one wrong password first).
      await signOut();
      assert(!(await page.context().cookies()).some((c) => c.name === 'karya_session'), 'cookie kept after sign-out');

      await goto(page, `${base}/masuk?next=${encodeURIComponent('/produk')}`);
      await page.locator('#identifier').fill(phone);
      await page.locator('#password').fill('bukan-sandinya');
      await submit('form.account-form').click();
      await page.locator('.alert[role=alert]').waitFor();
      assert((await page.locator('#identifier').inputValue()) === phone, 'identifier not kept after a failed sign-in');
      await shot(page, '09-sign-in-wrong-password');
      await page.locator('#password').fill(password);
      await shot(page, '10-sign-in');
      await Promise.all([page.waitForURL(`${base}/produk`), submit('form.account-form').click()]);
      await header.getByText(name).waitFor();
      await signOut();

      // Forgot the password: ask for a code, read it in the outbox, set a new password.
      await goto(page, `${base}/lupa-sandi`);
      await page.locator('#identifier').fill(phone);
      await shot(page, '11-forgot-password');
      await Promise.all([page.waitForURL(/\/lupa-sandi\/kode/), submit('form.account-form').click()]);
      assert((await page.locator('#identifier').inputValue()) === phone, 'identifier not carried to the code page');

      const codePage = page.url();
      await goto(page, `${base}/dev/outbox`);
      const e164 = `+62${phone.slice(1)}`;
      const message = page.locator(`li.message[data-recipient="${e164}"]`).first();
      await message.waitFor();
      const body = await message.locator('.body').innerText();
      const code = /\b(\d{6})\b/.exec(body)?.[1];
      assert(code, `no 6-digit code in the outbox message "${body}"`);
      assert(/WITA/.test(await message.locator('time').innerText()), 'outbox time not in WITA');
      await shot(page, '12-outbox');

      await goto(page, codePage);
      await page.locator('#code').fill(code === '000000' ? '111111' : '000000');
      await page.locator('#newPassword').fill(newPassword);
      await submit('form.account-form').click();
      await page.locator('#code-error').waitFor();
      await shot(page, '13-reset-wrong-code');
      await page.locator('#code').fill(code);
      await page.locator('#newPassword').fill(newPassword);
      await shot(page, '14-reset');
      await Promise.all([page.waitForURL(`${base}/`), submit('form.account-form').click()]);
      await header.getByText(name).waitFor();
      await signOut();

      // The new password works.
      await goto(page, `${base}/masuk`);
      await page.locator('#identifier').fill(phone);
      await page.locator('#password').fill(newPassword);
      await Promise.all([page.waitForURL(`${base}/`), submit('form.account-form').click()]);
      await header.getByText(name).waitFor();
      await shot(page, '15-signed-in-new-password', { fullPage: false });
      watcher.assertClean('problems during the journey');
    }
  }
];

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
      product = startProduct({ dataDir, apiPort, webPort, postgresPort, s3Port });
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
