// Sellers: a verified seller lists a batik with two photos from her phone; her pendamping adds one for her.
import { ADMIN, assert, goto, log, makeJpeg, RETNO, shot, signIn, watch } from './lib.mjs';

const PHONE_VIEWPORT = { width: 360, height: 740 };
const PENDAMPING = {
  identifier: 'pendamping.karang-jati@karyaibu.demo',
  password: 'pendamping-demo-2026',
  name: 'Pendamping Karang Jati (demo)'
};

async function signOut(page) {
  const header = page.locator('header.site-header');
  await header.locator('form[action="/keluar"] button').click();
  await header.locator('a[href^="/masuk"]').waitFor();
}

/** Fills the quick-add form (photos are set separately). */
async function fillProduct(page, { title, category = 'KAIN_BATIK', technique = 'TULIS', price, stock, weight }) {
  await page.locator('#title').fill(title);
  await page.locator('#category').selectOption(category);
  await page.locator('#material').fill('Katun primisima');
  await page.locator('#description').fill('Kain batik tulis buatan tangan, diwarnai dengan pewarna alami dari kayu tingi.');
  await page.locator('#priceIdr').fill(price);
  await page.locator('#stock').fill(stock);
  await page.locator('#weightGrams').fill(weight);
  if (technique) {
    // How it was made is folded away under the required fields.
    const details = page.locator('details.provenance');
    if (!(await details.evaluate((el) => el.open))) await details.locator('summary').click();
    await page.locator('#technique').selectOption(technique);
    // Provenance for the hang-tag: the first motif of the list, natural dye.
    await page.locator('#motifId').selectOption({ index: 1 });
    await page.locator('#dye').selectOption('NATURAL');
  }
}

/** Waits, reloading now and then, until every photo of the product is READY. */
async function waitForReadyPhotos(page, count) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const ready = await page.locator('li.photo[data-status="READY"]').count();
    const failed = await page.locator('li.photo[data-status="FAILED"]').count();
    assert(failed === 0, 'a photo FAILED processing');
    if (ready >= count) return;
    await page.waitForTimeout(1500);
    if ((await page.locator('li.photo[data-status="PROCESSING"]').count()) > 0 && Date.now() % 3 === 0) await page.reload();
  }
  throw new Error(`photos not READY after 90 s`);
}

export default [
  {
    name: 'without JavaScript, a failed save lands on the focused error summary, links to each marked field, and opens the folded details',
    javaScriptEnabled: false,
    async run(page, base) {
      const watcher = watch(page, { javaScriptEnabled: false });
      await page.setViewportSize(PHONE_VIEWPORT);
      await signIn(page, base, RETNO);
      await goto(page, `${base}/dashboard/produk/baru`);
      // The optional details are folded away under the required fields.
      const details = page.locator('details.provenance');
      assert(!(await details.evaluate((el) => el.open)), 'the provenance details start open');
      await page.locator('#title').fill('Ba');
      await page.locator('#priceIdr').fill('12.5');
      await details.locator('summary').click();
      await page.locator('#hoursOfWork').fill('99999999');
      await details.locator('summary').click(); // folded again before sending
      await Promise.all([page.waitForLoadState('load'), page.locator('form.seller-form button[type=submit]').click()]);

      const summary = page.locator('#error-summary');
      await summary.waitFor();
      assert((await summary.getAttribute('role')) === 'alert', 'the summary is not an alert');
      await page.waitForFunction(() => document.activeElement?.id === 'error-summary', null, { timeout: 5000 });
      const top = await summary.evaluate((el) => el.getBoundingClientRect().top);
      assert(top >= 0 && top < 740, `the page did not move to the summary (its top at ${top}px)`);
      const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const id of ['title', 'category', 'priceIdr', 'weightGrams', 'material', 'description', 'hoursOfWork']) {
        assert(links.includes(`#${id}`), `the summary has no link to #${id}: ${links.join(' ')}`);
        assert((await page.locator(`#${id}`).getAttribute('aria-invalid')) === 'true', `#${id} not marked invalid`);
        const describedBy = (await page.locator(`#${id}`).getAttribute('aria-describedby')) ?? '';
        assert(describedBy.split(' ').includes(`${id}-error`), `#${id} not described by its error`);
      }
      assert((await page.locator('#priceIdr-error').innerText()).includes('tanpa sen'), '12.5 is not refused as sen');
      assert(await details.evaluate((el) => el.open), 'the details holding an invalid field stay folded');
      await shot(page, '2x-add-summary');
      await summary.locator('a[href="#hoursOfWork"]').click();
      await page.waitForFunction(() => location.hash === '#hoursOfWork');
      // The 400 answer with the summary is the expected one (Chromium logs it as a failed load).
      watcher.problems.splice(0, watcher.problems.length, ...watcher.problems.filter((p) => !p.includes('400')));
      watcher.assertClean('failed save without JavaScript');
    }
  },
  {
    name: 'a seller on a 360 px phone adds a batik with two photos, sees them READY, and finds it in the storefront',
    async run(page, base) {
      const watcher = watch(page);
      await page.setViewportSize(PHONE_VIEWPORT);
      const title = `Batik Tulis Uji ${Math.floor(Math.random() * 1e6)}`;
      log(`  product: ${title}`);

      await signIn(page, base, RETNO);
      await page.getByRole('heading', { level: 1, name: new RegExp(RETNO.name) }).waitFor();
      await shot(page, '2x-dashboard');

      // Quick add: first with mistakes, to see the messages beside the fields.
      await page.locator('a.add').click();
      await page.waitForURL(`${base}/dashboard/produk/baru`);
      await page.locator('#title').fill('Ba');
      await page.locator('#priceIdr').fill('tiga ratus');
      await page.locator('form.seller-form button[type=submit]').click();
      await page.locator('#priceIdr-error').waitFor();
      for (const id of ['title', 'category', 'priceIdr', 'weightGrams', 'material', 'description']) {
        assert((await page.locator(`#${id}`).getAttribute('aria-invalid')) === 'true', `#${id} not marked invalid`);
        const describedBy = (await page.locator(`#${id}`).getAttribute('aria-describedby')) ?? '';
        assert(describedBy.split(' ').includes(`${id}-error`), `#${id} not described by its error`);
      }
      await shot(page, '2x-add-errors');

      const photos = [
        { name: 'batik-depan.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, 20, 'Depan') },
        { name: 'batik-detail.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, 200, 'Detail') }
      ];
      await page.locator('#photos').setInputFiles(photos);
      await fillProduct(page, { title, price: 'Rp 275.000', stock: '3', weight: '300' });
      await shot(page, '2x-add');
      await page.locator('form.seller-form button[type=submit]').click();
      // The progress bars show while the photos go straight to storage, then the edit page opens.
      await page.waitForURL(/\/dashboard\/produk\/[0-9a-f-]{36}\?baru=1$/, { timeout: 60_000 });
      assert(!page.url().includes('gagal'), `an upload failed: ${page.url()}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      assert((await page.locator('li.photo').count()) === 2, 'the edit page does not list two photos');
      await waitForReadyPhotos(page, 2);
      await shot(page, '2x-edit');

      // The hang-tag, with its QR code to the product page.
      const productPath = page.url().replace(base, '').split('?')[0];
      await goto(page, `${base}${productPath}/label`);
      await page.locator('.tag .qr-code svg').waitFor();
      const tagText = await page.locator('article.tag').innerText();
      for (const expected of ['KARYA IBU', title, 'Retno Wulandari', 'Karang Jati', 'Peserta Pelatihan Membatik DP3AKB', 'Pewarna alami', 'Rp 275.000']) {
        assert(tagText.toUpperCase().includes(expected.toUpperCase()), `hang-tag lacks "${expected}"`);
      }
      await shot(page, '2x-label');

      // Stock + on the dashboard.
      await goto(page, `${base}/dashboard`);
      const row = page.locator('li.product', { hasText: title });
      await row.locator('output.count').filter({ hasText: '3' }).waitFor();
      await row.getByRole('button', { name: /Tambah stok/ }).click();
      await row.locator('output.count').filter({ hasText: '4' }).waitFor();

      // On sale in the storefront, with its photo.
      const slugHref = await row.locator('a', { hasText: 'Lihat di toko' }).getAttribute('href');
      assert(slugHref?.startsWith('/produk/'), 'no storefront link');
      await goto(page, `${base}${slugHref}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const photo = page.locator('main img').first();
      await photo.waitFor();
      await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await photo.elementHandle());
      watcher.assertClean('seller adds a product with photos');
    }
  },
  {
    name: 'the pendamping of Karang Jati picks Retno, adds a product for her, and Retno sees "dibantu oleh" in her history',
    async run(page, base) {
      const watcher = watch(page);
      await page.setViewportSize(PHONE_VIEWPORT);
      const title = `Tas Goni Bantuan ${Math.floor(Math.random() * 1e6)}`;

      await signIn(page, base, PENDAMPING);
      await page.locator('#switcher-heading').waitFor();
      await shot(page, '2x-switcher');
      await Promise.all([
        page.waitForURL(/\/dashboard\?penjual=/),
        page.locator('ul.sellers a', { hasText: RETNO.name }).click()
      ]);
      await page.locator('.helping', { hasText: `Anda membantu ${RETNO.name}` }).waitFor();

      await page.locator('a.add').click();
      await page.waitForURL(/\/dashboard\/produk\/baru\?penjual=/);
      await page.locator('.helping').waitFor();
      await fillProduct(page, { title, category: 'TAS', technique: null, price: '85.000', stock: '5', weight: '250' });
      assert((await page.locator('#technique').count()) === 0, 'technique shown for a bag');
      // No photo yet: a draft, so it does not appear in the storefront.
      await page.locator('input[name=status][value=DRAFT]').check();
      await page.locator('form.seller-form button[type=submit]').click();
      await page.waitForURL(/\/dashboard\/produk\/[0-9a-f-]{36}\?baru=1&penjual=/);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await signOut(page);

      await signIn(page, base, RETNO, '/dashboard/riwayat');
      const entry = page.locator('ol.activity li', { hasText: title }).first();
      await entry.waitFor();
      const text = await entry.innerText();
      assert(text.includes(`dibantu oleh ${PENDAMPING.name}`), `history entry lacks "dibantu oleh": ${text}`);
      await shot(page, '2x-history');
      watcher.assertClean('pendamping adds a product for Retno');
    }
  },
  {
    name: "an ADMIN opens Retno's dashboard with ?penjual= (the API decides) and changes a stock for her; a seller may not",
    async run(page, base) {
      const watcher = watch(page);
      // Her seller id, as her pendamping's switcher links it.
      await signIn(page, base, PENDAMPING);
      const retnoId = await page.locator('ul.sellers a', { hasText: RETNO.name }).getAttribute('data-seller');
      await signOut(page);

      await signIn(page, base, ADMIN, `/dashboard?penjual=${retnoId}`);
      await page.locator('.helping', { hasText: `Anda membantu ${RETNO.name}` }).waitFor();
      await page.getByRole('heading', { level: 1, name: `Toko ${RETNO.name}` }).waitFor();
      const row = page.locator('li.product', { has: page.getByRole('button', { name: /Tambah stok/ }) }).first();
      const stock = Number(await row.locator('output.count').innerText());
      await row.getByRole('button', { name: /Tambah stok/ }).click();
      await row.locator('output.count').filter({ hasText: String(stock + 1) }).waitFor();
      await shot(page, '2x-admin-acting');
      await signOut(page);

      // Another seller asking for Retno's shop gets the API's refusal (FORBIDDEN) as the 403 page, in the storefront's words.
      await signIn(page, base, { identifier: '+6281200000002', password: RETNO.password });
      const refused = await page.goto(`${base}/dashboard?penjual=${retnoId}`);
      assert(refused?.status() === 403, `a seller opening another seller's dashboard got HTTP ${refused?.status()}`);
      await page.getByText('Toko ini tidak Anda kelola').waitFor();
      // The 403 page itself is the expected answer (and Chromium logs it as a failed load).
      watcher.problems.splice(0, watcher.problems.length, ...watcher.problems.filter((p) => !p.includes('403')));
      watcher.assertClean('admin acting for Retno');
    }
  },
  {
    name: 'without JavaScript, a seller adds a product with a photo (sent by the server) and changes its stock',
    javaScriptEnabled: false,
    async run(page, base) {
      const watcher = watch(page, { javaScriptEnabled: false });
      await page.setViewportSize(PHONE_VIEWPORT);
      const title = `Selendang Tanpa JS ${Math.floor(Math.random() * 1e6)}`;
      // No canvas without JavaScript: draw the photo in a separate page that has it.
      const helper = await page.context().browser().newPage();
      const jpeg = await makeJpeg(helper, 120, 'Selendang');
      await helper.close();
      await signIn(page, base, RETNO);
      await goto(page, `${base}/dashboard/produk/baru`);
      await page.locator('#photos').setInputFiles([{ name: 'selendang.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
      await fillProduct(page, { title, category: 'SELENDANG', technique: 'CAP', price: '150000', stock: '2', weight: '200' });
      await Promise.all([page.waitForURL(/\/dashboard\/produk\/[0-9a-f-]{36}\?baru=1/), page.locator('form.seller-form button[type=submit]').click()]);
      assert(!page.url().includes('gagal'), `the server-side upload failed: ${page.url()}`);
      assert((await page.locator('li.photo').count()) === 1, 'the photo is not listed');

      await goto(page, `${base}/dashboard`);
      const row = page.locator('li.product', { hasText: title });
      const count = () => page.locator('li.product', { hasText: title }).locator('output.count');
      await Promise.all([page.waitForURL(/\/dashboard#produk-/), row.getByRole('button', { name: /Kurangi stok/ }).click()]);
      await count().filter({ hasText: /^1$/ }).waitFor();
      // Post/Redirect/Get: she ends on a GET URL (no `?/stock`), told once what changed.
      assert(!page.url().includes('?/'), `the stock form left the URL at ${page.url()}`);
      const flash = page.locator('.flash', { hasText: `Stok ${title} sekarang 1.` });
      await flash.waitFor();
      await page.reload({ waitUntil: 'load' });
      await count().filter({ hasText: /^1$/ }).waitFor(); // a reload did not post the stock again
      assert((await page.locator('.flash').count()) === 0, 'the confirmation shows again after a reload');

      // Archive, with its confirmation step (a page of its own, so it works without JavaScript).
      await Promise.all([page.waitForURL(/\/arsip$/), page.locator('li.product', { hasText: title }).locator('a', { hasText: 'Arsipkan' }).click()]);
      await Promise.all([page.waitForURL(/\/dashboard$/), page.getByRole('button', { name: 'Ya, arsipkan' }).click()]);
      await page.locator('.flash', { hasText: `${title} diarsipkan.` }).waitFor();
      await page.locator('li.product', { hasText: title }).getByText('Diarsipkan').waitFor();
      watcher.assertClean('seller without JavaScript');
    }
  }
];
