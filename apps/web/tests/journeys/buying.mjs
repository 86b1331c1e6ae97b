// Buying: a cart with pieces of two ibu, checkout to a Balikpapan address, the three ways to pay
// (card on the local Stripe test page, bank transfer confirmed by finance, cash on delivery recorded
// by the pendamping), and fulfilment (the seller ships with a resi, the buyer confirms).
import { ADMIN, assert, goto, log, phoneContext, RETNO, shot, signIn, watch } from './lib.mjs';

const PHONE = { width: 360, height: 740 };
const SITTI = { identifier: '+6281200000002', password: 'karyaibu-demo', name: 'Sitti Aminah', slug: 'sitti-aminah' };
const RETNO_SLUG = 'retno-wulandari';
const BUYER = { identifier: 'pembeli@karyaibu.demo', password: 'pembeli-demo-2026' };
const PENDAMPING = { identifier: 'pendamping.karang-jati@karyaibu.demo', password: 'pendamping-demo-2026', name: 'Pendamping Karang Jati (demo)' };
const BALIKPAPAN = { province: '64', regency: '64.71', district: '64.71.04', village: '64.71.04.1004' };

/** The first product on a seller's page with at least `min` pieces in stock: its path and title. */
async function productWithStock(page, base, sellerSlug, min = 1, skip = []) {
  await goto(page, `${base}/penjual/${sellerSlug}`);
  const hrefs = [...new Set(await page.locator('main a[href^="/produk/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))];
  for (const href of hrefs.filter((h) => !skip.includes(h))) {
    await goto(page, `${base}${href}`);
    const stock = Number(/Stok: (\d+)/.exec(await page.locator('main').innerText())?.[1] ?? 0);
    if (stock >= min) return { href, title: (await page.locator('h1').innerText()).trim() };
  }
  throw new Error(`no product of ${sellerSlug} with ${min} pieces in stock`);
}

/** On a product page: "Tambah ke keranjang", and the header's count after it. */
async function addToCart(page, base, product) {
  if (!page.url().endsWith(product.href)) await goto(page, `${base}${product.href}`);
  await page.waitForLoadState('networkidle');
  await Promise.all([page.waitForURL(/ditambahkan=1/), page.locator('form.add-to-cart button[type=submit]').click()]);
  await page.locator('.cart-added').waitFor();
  return Number(await page.locator('[data-testid=cart-count]').innerText());
}

/** Contact and a Balikpapan address (Karang Jati); with JavaScript the pickers load in place, without it each level is a step. */
async function fillContactAndAddress(page, { javaScript = true, name = 'Dewi Lestari', phone = '0812 5555 0101' } = {}) {
  await page.locator('#name').fill(name);
  await page.locator('#phone').fill(phone);
  // A buyer with saved addresses types a new one under "Alamat lain".
  const another = page.locator('input[name=addressId][value=baru]');
  if (await another.count()) await another.check();
  const next = { province: 'regency', regency: 'district', district: 'village', village: 'pengiriman' };
  for (const level of ['province', 'regency', 'district', 'village']) {
    await page.locator(`#${level}`).selectOption(BALIKPAPAN[level]);
    if (!javaScript) {
      await Promise.all([page.waitForURL(`**/checkout#${next[level]}`), page.locator(`button[name=ke][value=${next[level]}]`).click()]);
    }
    if (level !== 'village') await page.locator(`#${next[level]} option[value="${BALIKPAPAN[next[level]]}"]`).waitFor({ state: 'attached' });
  }
  // Without JavaScript the steps saved what was typed: it is still there.
  assert((await page.locator('#name').inputValue()) === name, 'the name was lost between the address steps');
  await page.locator('fieldset.parcel input[type=radio]').first().waitFor();
  await page.locator('#postalCode').fill('76121');
  await page.locator('#street').fill('Jl. Jenderal Sudirman No. 10, RT 05');
}

/** Chooses a shipping option by its label for the parcel of one seller. */
async function chooseShipping(page, sellerName, label) {
  const parcel = page.locator('fieldset.parcel', { has: page.locator('legend', { hasText: sellerName }) });
  await parcel.locator('label.choice', { hasText: label }).first().locator('input').check();
}

async function placeOrder(page, expectUrl) {
  await Promise.all([page.waitForURL(expectUrl, { timeout: 30_000 }), page.locator('button.place').click()]);
}

const orderCodeOf = (url) => /\/pesanan\/(KI-[0-9A-Z]+)/.exec(url)?.[1];

/** The local Stripe test server's page asks for a favicon it does not have: not the product's fault. */
async function ignoreStripeFavicon(context) {
  await context.route(/127\.0\.0\.1:\d+\/favicon\.ico$/, (route) => route.fulfill({ status: 204, body: '' }));
}

export default [
  {
    name: 'a buyer on a 360 px phone buys from two ibu by card on the Stripe test page and sees PAID; the seller ships with a resi; the buyer confirms',
    async run(page, base) {
      const watcher = watch(page);
      await page.setViewportSize(PHONE);
      await ignoreStripeFavicon(page.context());

      const retnos = await productWithStock(page, base, RETNO_SLUG, 1);
      const sittis = await productWithStock(page, base, SITTI.slug, 1);
      log(`  buying "${retnos.title}" (Retno) and "${sittis.title}" (Sitti)`);
      assert((await addToCart(page, base, retnos)) === 1, 'the header does not count 1 piece');
      assert((await addToCart(page, base, sittis)) === 2, 'the header does not count 2 pieces');

      // The cart, by seller: her name, kampung and subtotal.
      await goto(page, `${base}/keranjang`);
      const groups = page.locator('section.group');
      assert((await groups.count()) === 2, 'the cart does not show two sellers');
      for (const [name, title] of [[RETNO.name, retnos.title], [SITTI.name, sittis.title]]) {
        const group = groups.filter({ hasText: name });
        const text = await group.innerText();
        assert(text.includes('Kampung KB Karang Jati') && text.includes(title) && /Subtotal\s+Rp\s?\d/.test(text), `the cart's group of ${name} lacks kampung, piece or subtotal:\n${text}`);
      }
      await shot(page, 'buy-cart');

      // Checkout: nothing filled in → every problem at once, in a summary that takes the focus.
      await Promise.all([page.waitForURL(`${base}/checkout`), page.locator('a.checkout').click()]);
      await page.waitForLoadState('networkidle');
      await page.locator('button.place').click();
      await page.locator('.error-summary').waitFor();
      await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
      const summary = await page.locator('.error-summary').innerText();
      for (const expected of ['Isi nama Anda', 'Isi nomor WhatsApp', 'Pilih provinsi', 'Pilih cara bayar']) assert(summary.includes(expected), `the error summary lacks "${expected}":\n${summary}`);
      assert((await page.locator('#name').getAttribute('aria-invalid')) === 'true', '#name not marked invalid');
      await shot(page, 'buy-checkout-errors');

      await fillContactAndAddress(page);
      // Each ibu's parcel ships its own way: a courier with a resi for Retno, "Antar oleh pendamping" (Balikpapan) for Sitti.
      await chooseShipping(page, RETNO.name, 'JNE REG');
      await chooseShipping(page, SITTI.name, 'Antar oleh pendamping');
      const sittiOptions = await page.locator('fieldset.parcel', { hasText: SITTI.name }).innerText();
      assert(/Ambil di kampung[\s\S]*Gratis/.test(sittiOptions), `no free "Ambil di kampung" in Balikpapan:\n${sittiOptions}`);
      await page.locator('input[name=paymentMethod][value=CARD]').check();
      const total = (await page.locator('#ringkasan .grand').innerText()).replace(/\s+/g, ' ');
      log(`  checkout ${total}`);
      await shot(page, 'buy-checkout');

      // Stripe Checkout's hosted page (the local test server), then back on the order page.
      await placeOrder(page, /\/checkout\/cs_/);
      await page.getByText('Mode uji — tidak ada uang sungguhan').waitFor();
      await shot(page, 'buy-stripe');
      await Promise.all([page.waitForURL(/\/pesanan\/KI-[0-9A-Z]+\?bayar=selesai/), page.getByRole('button', { name: /^Bayar/ }).click()]);
      const code = orderCodeOf(page.url());
      log(`  order ${code}`);
      // PAID once the webhook arrives; the page looks again by itself.
      await page.locator('.payment[data-payment-status=SUCCEEDED] .paid').waitFor({ timeout: 30_000 });
      assert((await page.locator('.meta [data-status]').getAttribute('data-status')) === 'PAID', 'the order is not PAID');
      const retnoPart = page.locator('section.seller-order', { hasText: RETNO.name });
      const retnoCode = (await retnoPart.locator('[data-seller-order-code]').innerText()).trim();
      assert(/^KI-[0-9A-Z]+-\d$/.test(retnoCode), `no seller order code in "${retnoCode}"`);
      await shot(page, 'buy-order');
      watcher.assertClean('problems while buying');

      // Each ibu sees her part in her dashboard; Retno ships hers with a resi.
      const browser = page.context().browser();
      const sitti = await phoneContext(browser, { viewport: PHONE });
      const sittiPage = await sitti.newPage();
      await signIn(sittiPage, base, SITTI, '/dashboard/pesanan');
      await sittiPage.locator(`li.order[data-code^="${code}-"]`).waitFor();
      await sitti.close();

      const seller = await phoneContext(browser, { viewport: PHONE });
      const sellerPage = await seller.newPage();
      const sellerWatcher = watch(sellerPage);
      await signIn(sellerPage, base, RETNO, '/dashboard/pesanan');
      const card = sellerPage.locator(`li.order[data-code="${retnoCode}"]`);
      await card.waitFor();
      const cardText = await card.innerText();
      for (const expected of ['Dewi Lestari', '+6281255550101', 'Sudirman', 'Karang Jati', retnos.title]) assert(cardText.includes(expected), `her order lacks "${expected}":\n${cardText}`);
      await shot(sellerPage, 'buy-seller-orders');
      await Promise.all([sellerPage.waitForURL(/\/dashboard\/pesanan\/[0-9a-f-]{36}$/), card.locator('a.open').click()]);
      const detailUrl = sellerPage.url();
      await goto(sellerPage, `${detailUrl}/slip`);
      const slip = await sellerPage.locator('article.slip').innerText();
      assert(slip.includes('Dewi Lestari') && slip.includes(retnos.title) && (await sellerPage.locator('.slip .qr-code svg').count()) === 1, 'the packing slip lacks the buyer, the piece or its QR code');
      await goto(sellerPage, detailUrl);
      await sellerPage.locator('#trackingNumber').fill('');
      await sellerPage.locator('form.ship button[type=submit]').click();
      await sellerPage.locator('#trackingNumber-error').waitFor();
      await sellerPage.locator('#trackingNumber').fill('jne 0123 4567 89');
      await Promise.all([sellerPage.waitForURL(/selesai=ship/), sellerPage.locator('form.ship button[type=submit]').click()]);
      await sellerPage.locator('.head [data-status=SHIPPED]').waitFor();
      sellerWatcher.assertClean('problems in the seller dashboard');
      await seller.close();

      // The buyer sees the resi and says it arrived.
      await goto(page, `${base}/pesanan/${code}`);
      const tracking = await retnoPart.locator('.tracking').innerText();
      assert(tracking.includes('JNE0123456789'), `no resi on the order page: "${tracking}"`);
      await Promise.all([page.waitForURL(/diterima=/), retnoPart.getByRole('button', { name: 'Pesanan diterima' }).click()]);
      await page.locator(`section.seller-order[data-status=DELIVERED]`, { hasText: RETNO.name }).waitFor();
      watcher.assertClean('problems after delivery');
    }
  },
  {
    name: 'without JavaScript a guest cart joins the buyer\'s on sign-in; she pays by bank transfer (exact amount, WITA deadline) and finance confirms it',
    javaScriptEnabled: false,
    async run(page, base) {
      const watcher = watch(page, { javaScriptEnabled: false });
      await page.setViewportSize(PHONE);
      const piece = await productWithStock(page, base, SITTI.slug, 1);
      await addToCart(page, base, piece);

      // Signing in keeps the cart (the guest cart joins hers).
      await signIn(page, base, BUYER, '/keranjang');
      await page.locator('section.group', { hasText: piece.title }).waitFor();

      await goto(page, `${base}/checkout`);
      await fillContactAndAddress(page, { javaScript: false, name: 'Pembeli Demo', phone: '0813 4444 0202' });
      await page.locator('input[name=saveAddress]').check();
      await page.locator('input[name=paymentMethod][value=BANK_TRANSFER]').check();
      // The total shown is the one she agrees to; a changed shipping choice without JavaScript is recounted first.
      await placeOrder(page, /\/pesanan\/KI-[0-9A-Z]+\?baru=1$/);
      const code = orderCodeOf(page.url());
      log(`  order ${code}`);
      const transfer = page.locator('dl.transfer');
      const amount = await transfer.locator('[data-amount]').getAttribute('data-amount');
      const text = await transfer.innerText();
      assert(/Nomor rekening[\s\S]*\d/.test(text) && /\d{2}\.\d{2} WITA/.test(text), `no account number or WITA deadline:\n${text}`);
      assert(Number(amount) % 1000 !== 0, `the amount ${amount} has no unique code`);
      await shot(page, 'buy-transfer');
      watcher.assertClean('problems before paying');

      // Finance (the admin here) finds it in the queue; a wrong amount is refused.
      const admin = await phoneContext(page.context().browser(), { viewport: PHONE });
      const adminPage = await admin.newPage();
      await signIn(adminPage, base, ADMIN, '/admin/transfer');
      const row = adminPage.locator(`li.transfer[data-code="${code}"]`);
      await row.waitFor();
      await row.locator('input[name=amount]').fill(String(Number(amount) - 1));
      await row.locator('input[name=reference]').fill('BCA 0012345');
      await row.locator('button[type=submit]').click();
      await row.locator('.field-error', { hasText: 'Tidak cocok' }).waitFor();
      await row.locator('input[name=amount]').fill(amount);
      await row.locator('input[name=reference]').fill('BCA 0012345');
      await Promise.all([adminPage.waitForURL(/dikonfirmasi=/), row.locator('button[type=submit]').click()]);
      await shot(adminPage, 'buy-admin-transfers');
      await goto(adminPage, `${base}/admin/pesanan?status=PAID&kode=${code}`);
      await adminPage.locator(`li[data-code="${code}"]`).waitFor();

      // Its page for staff: a refund above what was paid is refused beside the field; then part of it, once.
      await Promise.all([adminPage.waitForURL(new RegExp(`/admin/pesanan/${code}$`)), adminPage.locator(`li[data-code="${code}"] a`).click()]);
      const part = adminPage.locator('section[data-seller-order]').first();
      await part.locator('details.refund summary').click();
      await part.locator('input[name=amount]').fill('99.000.000');
      await part.locator('textarea[name=reason]').fill('Ongkir lebih bayar');
      await part.locator('button[type=submit]').click();
      await part.locator('.field-error', { hasText: 'Paling banyak' }).waitFor();
      await part.locator('input[name=amount]').fill('5.000');
      await Promise.all([adminPage.waitForURL(/dikembalikan=/), part.locator('button[type=submit]').click()]);
      await adminPage.locator('p.notice[role=status]').waitFor();
      const refunded = await part.innerText();
      assert(/Sudah dikembalikan\s+Rp\s5\.000/.test(refunded) && refunded.includes('Dana dikembalikan') && refunded.includes('Ongkir lebih bayar'), `the refund is not on the staff order page:\n${refunded}`);
      await shot(adminPage, 'buy-admin-order-refund');
      await admin.close();

      await goto(page, `${base}/pesanan/${code}`);
      assert((await page.locator('.meta [data-status]').getAttribute('data-status')) === 'PAID', 'the transfer order is not PAID after finance confirmed it');
      // Her address was kept: the next checkout offers it.
      await addToCart(page, base, await productWithStock(page, base, SITTI.slug, 1));
      await goto(page, `${base}/checkout`);
      assert((await page.locator('input[name=addressId]:checked').count()) === 1, 'the saved address is not offered at the next checkout');
      watcher.assertClean('problems after paying');
    }
  },
  {
    name: 'cash on delivery in Balikpapan: the pendamping delivers for the ibu and records the cash; the order is then PAID',
    async run(page, base) {
      const watcher = watch(page);
      await page.setViewportSize(PHONE);
      const piece = await productWithStock(page, base, RETNO_SLUG, 1);
      await addToCart(page, base, piece);
      await goto(page, `${base}/checkout`);
      await page.waitForLoadState('networkidle');
      await fillContactAndAddress(page, { name: 'Ani Rahma', phone: '0812 7777 0303' });
      await chooseShipping(page, RETNO.name, 'Antar oleh pendamping');
      const cod = page.locator('input[name=paymentMethod][value=COD]');
      assert(await cod.isEnabled(), 'COD is not offered for a Balikpapan address');
      await cod.check();
      await placeOrder(page, /\/pesanan\/KI-[0-9A-Z]+\?baru=1$/);
      const code = orderCodeOf(page.url());
      log(`  order ${code}`);
      assert((await page.locator('.meta [data-status]').getAttribute('data-status')) === 'CASH_ON_DELIVERY', 'the order is not cash on delivery');

      // The pendamping of Karang Jati, for Retno: out for delivery, then the cash.
      const helper = await phoneContext(page.context().browser(), { viewport: PHONE });
      const helperPage = await helper.newPage();
      const helperWatcher = watch(helperPage);
      await signIn(helperPage, base, PENDAMPING, '/dashboard');
      await Promise.all([helperPage.waitForURL(/penjual=/), helperPage.locator('.switcher a', { hasText: RETNO.name }).click()]);
      await Promise.all([helperPage.waitForURL(/\/dashboard\/pesanan\?penjual=/), helperPage.locator('nav.tabs a', { hasText: 'Pesanan' }).click()]);
      const card = helperPage.locator(`li.order[data-code^="${code}-"]`);
      await Promise.all([helperPage.waitForURL(/\/dashboard\/pesanan\/[0-9a-f-]{36}\?penjual=/), card.locator('a.open').click()]);
      await Promise.all([helperPage.waitForURL(/selesai=ship/), helperPage.getByRole('button', { name: 'Tandai sedang diantar pendamping' }).click()]);
      await Promise.all([helperPage.waitForURL(/selesai=cash/), helperPage.locator('form.cash button[type=submit]').click()]);
      await helperPage.locator('.head [data-status=DELIVERED]').waitFor();
      const history = await helperPage.locator('ol.timeline').innerText();
      assert(history.includes(`dibantu oleh ${PENDAMPING.name}`) && history.includes('Uang tunai diterima'), `the history does not show the pendamping's help:\n${history}`);
      await shot(helperPage, 'buy-cod-pendamping');
      helperWatcher.assertClean('problems for the pendamping');
      await helper.close();

      await goto(page, `${base}/pesanan/${code}`);
      assert((await page.locator('.meta [data-status]').getAttribute('data-status')) === 'PAID', 'the COD order is not PAID once the cash is in');
      watcher.assertClean('problems in the COD journey');
    }
  }
];
