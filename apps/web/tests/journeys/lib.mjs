// Helpers shared by the journeys: what a page must never do, assertions, screenshots.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const log = (...args) => console.log('[journeys]', ...args);

export const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

/** Collects what must never happen on a page: console errors, crashes, failed documents/images. */
export function watch(page, { javaScriptEnabled = true } = {}) {
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

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export async function shot(page, name, { fullPage = true } = {}) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Signs in on /masuk and waits to land on `next`. */
export async function signIn(page, base, account, next = '/dashboard') {
  await goto(page, `${base}/masuk?next=${encodeURIComponent(next)}`);
  // Typing before hydration finishes can be undone by it: wait until the page is quiet.
  await page.waitForLoadState('networkidle');
  await page.locator('#identifier').fill(account.identifier);
  await page.locator('#password').fill(account.password);
  await Promise.all([page.waitForURL(`${base}${next}`), page.locator('form.account-form button[type=submit]').click()]);
}

/** Demo accounts of the seed (README). */
export const RETNO = { identifier: '+6281200000001', password: 'karyaibu-demo', name: 'Retno Wulandari' };
export const ADMIN = { identifier: 'admin@karyaibu.demo', password: 'admin-demo-2026' };

/** A browser context like the runner's (a phone in Balikpapan). */
export function phoneContext(browser, options = {}) {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    ...options
  });
}

export async function goto(page, url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert(response && response.ok(), `GET ${url} answered ${response?.status()}`);
  return response;
}

/** A small JPEG drawn on an in-page canvas: a real photo for the pipeline, made without fixtures. */
export async function makeJpeg(page, hue, label) {
  const base64 = await page.evaluate(
    ([h, text]) => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 800;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = `hsl(${h} 55% 40%)`;
      ctx.fillRect(0, 0, 640, 800);
      ctx.fillStyle = `hsl(${(h + 40) % 360} 70% 75%)`;
      for (let y = 0; y < 800; y += 80) for (let x = (y / 80) % 2 ? 40 : 0; x < 640; x += 80) ctx.fillRect(x, y, 40, 40);
      ctx.fillStyle = '#fff';
      ctx.font = 'bold 48px sans-serif';
      ctx.fillText(text, 40, 420);
      return canvas.toDataURL('image/jpeg', 0.85).split(',')[1];
    },
    [hue, label]
  );
  return Buffer.from(base64, 'base64');
}
