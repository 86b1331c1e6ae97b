// A buyer browsing the storefront.
import { assert, goto, log, shot, watch } from './lib.mjs';

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
