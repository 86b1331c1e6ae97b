// A buyer browsing the storefront.
import { assert, goto, log, phoneContext, RETNO, shot, signIn, watch } from './lib.mjs';

/** Retno's dashboard, in a context of its own: how many views ("Dilihat N kali") her product has. */
async function sellerViews(browser, base) {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await signIn(page, base, RETNO);
  const row = page.locator('li.product', { has: page.locator('a', { hasText: 'Lihat di toko' }) }).first();
  const slug = (await row.locator('a', { hasText: 'Lihat di toko' }).getAttribute('href')).replace('/produk/', '');
  const title = (await row.locator('a.title').innerText()).trim();
  return {
    slug,
    title,
    async count() {
      await goto(page, `${base}/dashboard`);
      const text = await page.locator('li.product', { has: page.locator(`a[href="/produk/${slug}"]`) }).locator('.views').innerText();
      return Number(/(\d+)/.exec(text)[1]);
    },
    close: () => context.close()
  };
}

export default [
  {
    name: 'a buyer on a phone finds a batik from a kampung KB and sees its photo and price',
    async run(page, base) {
      const watcher = watch(page);
      const home = await goto(page, `${base}/`);
      const headers = home.headers();
      assert(headers['x-content-type-options'] === 'nosniff' && headers['referrer-policy'] === 'strict-origin-when-cross-origin', `home lacks security headers: ${JSON.stringify(headers)}`);
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
    name: 'a product view counts once the page is shown: not when its card is hovered, and the page does not wait for it',
    async run(page, base) {
      const watcher = watch(page);
      const views = await sellerViews(page.context().browser(), base);
      try {
        const before = await views.count();
        log(`  product ${views.slug}: ${before} views`);
        const beacons = [];
        page.on('request', (request) => {
          if (request.url().endsWith(`/produk/${views.slug}/dilihat`)) beacons.push({ at: Date.now(), url: request.url() });
        });

        // Hovering its card in the catalog is not a view (the storefront ships no JavaScript, so nothing is prefetched either).
        await goto(page, `${base}/produk?q=${encodeURIComponent(views.title)}`);
        await page.waitForLoadState('networkidle');
        const card = page.locator(`main a[href="/produk/${views.slug}"]`).first();
        await card.hover();
        await page.waitForTimeout(500);
        assert(beacons.length === 0, `hovering requested the view beacon: ${beacons.map((b) => b.url)}`);
        assert((await views.count()) === before, 'hovering a card counted a view');

        // Opening it shows the page: one view.
        await Promise.all([
          page.waitForResponse((response) => response.url().endsWith(`/produk/${views.slug}/dilihat`) && response.headers()['content-type'] === 'image/gif'),
          card.click()
        ]);
        await page.locator('h1', { hasText: views.title }).waitFor();
        assert(beacons.length === 1, `expected one view beacon, saw ${beacons.length}`);
        assert((await views.count()) === before + 1, 'opening the page did not count one view');

        // A full load: the page is answered before its view is asked for; the same visitor counts once a day.
        let documentAnswered = 0;
        page.on('response', (response) => {
          if (response.request().resourceType() === 'document') documentAnswered = Date.now();
        });
        await Promise.all([
          page.waitForResponse((response) => response.url().endsWith(`/produk/${views.slug}/dilihat`)),
          page.reload()
        ]);
        assert(beacons.length === 2 && documentAnswered > 0 && documentAnswered <= beacons[1].at, 'the page was answered only after its view was counted');
        assert((await views.count()) === before + 1, 'the same visitor counted twice in a day');

        // Without JavaScript the image still loads: another visitor, one more view.
        const noScript = await phoneContext(page.context().browser(), { javaScriptEnabled: false });
        const plain = await noScript.newPage();
        await Promise.all([
          plain.waitForResponse((response) => response.url().endsWith(`/produk/${views.slug}/dilihat`) && response.ok()),
          goto(plain, `${base}/produk/${views.slug}`)
        ]);
        await noScript.close();
        assert((await views.count()) === before + 2, 'a view without JavaScript was not counted');
        watcher.assertClean('problems while counting views');
      } finally {
        await views.close();
      }
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
  }
];
