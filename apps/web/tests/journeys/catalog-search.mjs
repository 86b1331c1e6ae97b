// Searching on a phone: the results start on the first screen, what is in force shows as chips,
// a filter applied after a search keeps the relevance order, and a misspelt search is corrected.
// The storefront ships no JavaScript: all of it works with links and GET forms.
import { assert, goto, shot, watch } from './lib.mjs';

const PHONE = { width: 360, height: 800 };

export default [
  {
    name: 'on a 360 px phone a search shows results on the first screen, chips of what is active, keeps relevance under a filter, and offers "Maksud Anda"',
    javaScriptEnabled: false,
    async run(page, base) {
      const watcher = watch(page, { javaScriptEnabled: false });
      await page.setViewportSize(PHONE);
      await goto(page, `${base}/produk`);
      await page.locator('#f-search').fill('batk tuls');
      await Promise.all([page.waitForURL(/q=batk/), page.locator('.search-row button[type=submit]').click()]);

      const heading = await page.locator('#results-heading').boundingBox();
      assert(heading && heading.y + heading.height < PHONE.height, `the results start below the first screen (heading at y=${heading?.y})`);
      assert(!(await page.locator('details.more').evaluate((d) => d.open)), 'the filter panel is open over the results after a search');
      const chips = page.locator('.chips a.chip');
      assert((await chips.allInnerTexts()).some((text) => text.includes('batk tuls')), 'no chip for the search');
      await shot(page, '4x-search-360', { fullPage: false });

      // "Terapkan" with a category after the search: still sorted by relevance (the form sends no urut).
      await page.locator('details.more summary').click();
      const sort = page.locator('#f-sort');
      assert((await sort.inputValue()) === '' && (await sort.locator('option:checked').innerText()).includes('relevan'), 'the sort menu does not show relevance for a search');
      await page.locator('#f-category').selectOption('KAIN_BATIK');
      await Promise.all([page.waitForURL(/kategori=KAIN_BATIK/), page.locator('.filters .actions button[type=submit]').click()]);
      const url = new URL(page.url());
      assert(['', null].includes(url.searchParams.get('urut')), `applying a filter after a search sent urut=${url.searchParams.get('urut')}`);
      assert((await page.locator('#f-sort').evaluate((s) => s.selectedOptions[0].textContent)).includes('relevan'), 'relevance lost after applying a filter');
      const texts = await chips.allInnerTexts();
      assert(texts.some((t) => t.includes('batk tuls')) && texts.some((t) => t.includes('Kain Batik')), `chips: ${JSON.stringify(texts)}`);
      await shot(page, '4x-search-filter-360', { fullPage: false });

      // A chip is a plain link without its filter.
      await Promise.all([page.waitForURL((u) => !u.searchParams.has('kategori')), chips.filter({ hasText: 'Kain Batik' }).click()]);
      assert(new URL(page.url()).searchParams.get('q') === 'batk tuls', 'removing the category chip dropped the search too');

      // Few results for a misspelt search: "Maksud Anda" links to the corrected one.
      await goto(page, `${base}/produk?q=${encodeURIComponent('daun ulinn selendang')}`);
      const suggestion = page.locator('.suggestion a');
      assert((await suggestion.innerText()) === 'daun ulin selendang', 'no "Maksud Anda" for a misspelt search with few results');
      await shot(page, '4x-suggestion-360', { fullPage: false });
      await Promise.all([page.waitForURL(/q=daun\+ulin\+selendang/), suggestion.click()]);
      watcher.assertClean('search on a phone');
    }
  }
];
