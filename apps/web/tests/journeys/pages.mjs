// What a cheap phone gets: the bytes of a cold first load of each storefront page, and axe's findings.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { assert, goto, log, phoneContext } from './lib.mjs';

/** The issue's budget for a first load at 360×800, 2× density: everything, and JavaScript alone (compressed, as sent). */
const BUDGET = { total: 250 * 1000, script: 40 * 1000 };
const PHONE = { viewport: { width: 360, height: 800 }, deviceScaleFactor: 2 };

/**
 * The five storefront pages, found as a buyer finds them. The product page is the heaviest of the
 * first catalog page (the most photos), so the budget holds for the worst of them.
 */
async function storefrontPages(page, base) {
  await goto(page, `${base}/produk`);
  const slugs = await page.locator('main a[href^="/produk/"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')))]);
  let product = null;
  let most = -1;
  for (const href of slugs) {
    const html = await (await page.request.get(`${base}${href}`)).text();
    const photos = (html.match(/id="foto-\d+"/g) ?? []).length;
    if (photos > most) [product, most] = [href, photos];
  }
  assert(product, 'no product in the catalog');
  await goto(page, `${base}${product}`);
  const seller = await page.locator('main a[href^="/penjual/"]').first().getAttribute('href');
  const kampung = await page.locator('main a[href^="/kampung/"]').first().getAttribute('href');
  return [
    { name: 'home', path: '/' },
    { name: 'catalog', path: '/produk' },
    { name: `product (${most} photos)`, path: product },
    { name: 'seller', path: seller },
    { name: 'kampung', path: kampung }
  ];
}

/** Bytes on the wire (headers and compressed bodies, as Chromium counts them) of a cold load, by resource type. */
async function coldLoad(browser, url) {
  const context = await phoneContext(browser, PHONE);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const types = new Map();
    const bytes = { total: 0, document: 0, script: 0, stylesheet: 0, image: 0, other: 0 };
    let requests = 0;
    cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type.toLowerCase()));
    cdp.on('Network.loadingFinished', (event) => {
      const type = types.get(event.requestId) ?? 'other';
      requests++;
      bytes.total += event.encodedDataLength;
      bytes[type in bytes ? type : 'other'] += event.encodedDataLength;
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    assert(response?.ok(), `GET ${url} answered ${response?.status()}`);
    await page.waitForLoadState('networkidle');
    const encoding = (await response.allHeaders())['content-encoding'] ?? 'none';
    return { ...bytes, requests, encoding };
  } finally {
    await context.close();
  }
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

async function axeSource() {
  return readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
}

export default [
  {
    name: 'a first load of each storefront page at 360×800 (2×) weighs at most 250 KB, of which at most 40 KB JavaScript, with compressed HTML',
    async run(page, base) {
      const pages = await storefrontPages(page, base);
      const over = [];
      for (const { name, path } of pages) {
        const load = await coldLoad(page.context().browser(), `${base}${path}`);
        log(
          `  ${name} ${path}: ${kb(load.total)} in ${load.requests} requests (HTML ${kb(load.document)} ${load.encoding}, ` +
            `JS ${kb(load.script)}, CSS ${kb(load.stylesheet)}, images ${kb(load.image)}, other ${kb(load.other)})`
        );
        if (load.total > BUDGET.total) over.push(`${name}: ${kb(load.total)} > ${kb(BUDGET.total)}`);
        if (load.script > BUDGET.script) over.push(`${name}: JavaScript ${kb(load.script)} > ${kb(BUDGET.script)}`);
        if (!['br', 'gzip'].includes(load.encoding)) over.push(`${name}: HTML sent with content-encoding ${load.encoding}`);
      }
      assert(over.length === 0, `over budget:\n  - ${over.join('\n  - ')}`);
    }
  },
  {
    name: 'axe finds no serious or critical accessibility violation on the five storefront pages',
    async run(page, base) {
      const pages = await storefrontPages(page, base);
      const source = await axeSource();
      const serious = [];
      for (const { name, path } of pages) {
        await goto(page, `${base}${path}`);
        await page.waitForLoadState('networkidle');
        // Evaluated over the DevTools protocol, so the page's CSP (script-src 'self') does not refuse it.
        await page.evaluate(source);
        const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target.join(' ') })));
        log(`  ${name} ${path}: ${violations.length ? violations.map((v) => `${v.id} (${v.impact}, ${v.nodes}× e.g. ${v.target})`).join('; ') : 'no violations'}`);
        for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') serious.push(`${name}: ${v.id} (${v.impact}) at ${v.target}`);
      }
      assert(serious.length === 0, `axe:\n  - ${serious.join('\n  - ')}`);
    }
  }
];
