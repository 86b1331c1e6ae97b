// Money: the ibu's "Uang saya" after delivered orders, her bank account, a payout run by finance
// with its bank file, the payout marked paid, and the seller seeing it arrive; the admin's
// commission and reconciliation pages.
import { ADMIN, assert, goto, log, makeJpeg, phoneContext, shot, signIn, watch } from './lib.mjs';

const PHONE = { width: 360, height: 740 };
const FINANCE = { identifier: 'keuangan@karyaibu.demo', password: 'keuangan-demo-2026' };

/** `Rp 1.710.000` → 1710000 (a minus sign kept). */
const rupiah = (text) => {
  const match = /(-?)Rp\s?(-?)([\d.]+)/.exec(text);
  assert(match, `no rupiah amount in "${text}"`);
  return Number(match[3].replace(/\./g, '')) * (match[1] || match[2] ? -1 : 1);
};

/** A signed-in page of its own (its own cookies), at phone size. */
async function signedIn(page, base, account, next) {
  const context = await phoneContext(page.context().browser(), { viewport: PHONE, deviceScaleFactor: 2 });
  context.setDefaultTimeout(30_000);
  const other = await context.newPage();
  await signIn(other, base, account, next);
  return other;
}

export default [
  {
    name: 'a seller sees her money on a 360 px phone, sets her bank account; finance runs a payout, downloads the bank file, marks it paid; she sees it arrive',
    async run(page, base) {
      // Finance finds a seller whose last transfer the bank returned: her money is back, ready to pay out.
      const finance = await signedIn(page, base, FINANCE, '/admin/pencairan');
      const financeWatch = watch(finance);
      const returned = finance.locator('li:has(article[data-status=RETURNED][data-method=BANK_TRANSFER])').first();
      await returned.waitFor();
      const phone = await returned.locator('a[data-phone]').getAttribute('data-phone');
      const name = (await returned.locator('.seller strong').innerText()).trim();
      log(`  seller with a returned payout: ${name} (${phone})`);

      // She opens "Uang saya": big figures, the returned payout with its reason, lines linked to their orders.
      await page.setViewportSize(PHONE);
      const watcher = watch(page);
      await signIn(page, base, { identifier: phone, password: 'karyaibu-demo' }, '/dashboard');
      await Promise.all([page.waitForURL(`${base}/dashboard/uang`), page.locator('nav.tabs a', { hasText: 'Uang saya' }).click()]);
      assert((await page.locator('h1').innerText()).trim() === 'Uang saya', 'the page is not "Uang saya"');
      const available = rupiah(await page.locator('[data-figure=available] strong').innerText());
      const paidBefore = rupiah(await page.locator('[data-figure=paid-this-month] strong').innerText());
      assert(available > 0, `nothing is ready to pay out (${available})`);
      for (const label of ['Bisa dicairkan', 'Dalam perjalanan', 'Sudah diterima bulan ini']) assert(await page.locator('.figures', { hasText: label }).count(), `no "${label}"`);
      const returnedHere = page.locator('article[data-status=RETURNED]').first();
      assert((await returnedHere.innerText()).includes('Alasan:'), 'the returned payout does not say why');
      assert(await page.locator('figure.chart-figure svg rect.bar').count(), 'no income chart');
      assert(await page.locator('figure.chart-figure table tbody tr').count(), 'the chart has no table');
      const sale = page.locator('li.line[data-kind=SALE]').first();
      const saleText = await sale.innerText();
      assert(saleText.includes('Harga') && saleText.includes('Komisi') && saleText.includes('Untuk Anda'), `a sale lacks price, commission or net:\n${saleText}`);
      // The chart fits the phone: nothing wider than the screen.
      const wider = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > width + 1).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      });
      assert(wider.length === 0, `wider than a 360 px phone: ${wider.slice(0, 5).join(', ')}`);
      await shot(page, 'money-uang-saya-360');
      await Promise.all([page.waitForURL(/\/dashboard\/pesanan\/[0-9a-f-]{36}$/), sale.locator('a', { hasText: 'Lihat pesanan' }).click()]);
      await page.goBack();

      // Her bank account: a wrong number is refused beside the field, then she saves it right.
      await Promise.all([page.waitForURL(`${base}/dashboard/uang/rekening`), page.locator('a', { hasText: 'Ubah rekening' }).click()]);
      assert((await page.locator('main').innerText()).includes('24 jam'), 'the form does not say a change holds payouts 24 h');
      assert(await page.locator('input[name=method][value=BANK_TRANSFER]').isChecked(), 'her bank transfer is not chosen');
      const account = await page.locator('#accountNumber').inputValue();
      const holder = await page.locator('#accountHolderName').inputValue();
      assert(/^\d+$/.test(account) && holder, `her account is not filled in (${account}, ${holder})`);
      await page.locator('#accountNumber').fill('12-AB');
      await Promise.all([page.waitForLoadState('networkidle'), page.locator('form.payout-form button[type=submit]').click()]);
      await page.locator('#accountNumber[aria-invalid=true]').waitFor();
      assert((await page.locator('form.payout-form').innerText()).includes('Nomor rekening hanya angka'), 'no error beside the account number');
      await shot(page, 'money-rekening-error-360');
      await page.locator('#accountNumber').fill(account);
      await Promise.all([page.waitForURL(/\/dashboard\/uang\?selesai=rekening/), page.locator('form.payout-form button[type=submit]').click()]);
      await page.locator('p.notice', { hasText: 'Data pencairan tersimpan' }).waitFor();

      // Finance runs a payout, downloads the bank file and marks her payout paid.
      await goto(finance, `${base}/admin/pencairan`);
      await finance.locator('#minimum').fill('50.000');
      await Promise.all([finance.waitForURL(/selesai=dibuat/), finance.locator('form.create button[type=submit]').click()]);
      const run = finance.locator('section.run').first();
      const runId = (await run.getAttribute('id')).replace('run-', '');
      const mine = run.locator('li', { has: finance.locator(`a[data-phone="${phone}"]`) });
      assert((await mine.count()) === 1, `the new run has no payout for ${name}`);
      const amount = rupiah(await mine.locator('.price').first().innerText());
      assert(amount === available, `the payout is ${amount}, her available balance was ${available}`);
      const file = await finance.request.get(`${base}/admin/pencairan/${runId}.csv`);
      assert(file.status() === 200 && (file.headers()['content-type'] ?? '').includes('text/csv'), `the bank file answered ${file.status()}`);
      const csv = await file.text();
      assert(csv.includes(account) && csv.includes(String(amount)), `the bank file lacks her account or amount:\n${csv.slice(0, 400)}`);
      await mine.locator('input[name=reference]').fill('JOURNEY-TRF-001');
      await Promise.all([finance.waitForURL(/selesai=dibayar/), mine.locator('button', { hasText: 'Tandai terkirim' }).click()]);
      assert(await finance.locator(`li:has(a[data-phone="${phone}"]) article[data-status=PAID]`).count(), 'her payout is not shown as sent');
      financeWatch.assertClean('finance pages');

      // She sees it arrive.
      await goto(page, `${base}/dashboard/uang`);
      const paidAfter = rupiah(await page.locator('[data-figure=paid-this-month] strong').innerText());
      assert(paidAfter === paidBefore + amount, `received this month went ${paidBefore} → ${paidAfter}, not + ${amount}`);
      assert(rupiah(await page.locator('[data-figure=available] strong').innerText()) === 0, 'her available balance is not 0 after the payout');
      const arrived = page.locator('article[data-status=PAID]').first();
      assert((await arrived.innerText()).includes('JOURNEY-TRF-001'), 'her payout does not show the bank reference');
      await shot(page, 'money-uang-saya-diterima-360');
      watcher.assertClean('seller pages');
      await finance.context().close();
    }
  },
  {
    name: 'a pendamping hands a seller her cash payout with the photo of the signed receipt; she confirms she received it',
    async run(page, base) {
      const finance = await signedIn(page, base, FINANCE, '/admin/pencairan');
      const cash = finance.locator('li:has(article[data-status=PENDING][data-method=CASH_VIA_PENDAMPING])').first();
      await cash.waitFor();
      const sellerId = await cash.getAttribute('data-seller');
      const kampung = await cash.getAttribute('data-kampung');
      const phone = await cash.locator('a[data-phone]').getAttribute('data-phone');
      const reference = await cash.locator('article').getAttribute('data-payout');
      await finance.context().close();
      log(`  cash payout ${reference} of ${phone} (${kampung})`);

      // Her pendamping, acting for her: the payout details are hers to read only; the cash is hers to hand over.
      await page.setViewportSize(PHONE);
      const watcher = watch(page);
      await signIn(page, base, { identifier: `pendamping.${kampung}@karyaibu.demo`, password: 'pendamping-demo-2026' }, '/dashboard');
      await goto(page, `${base}/dashboard/uang/rekening?penjual=${sellerId}`);
      assert((await page.locator('form.payout-form').count()) === 0, 'a pendamping is offered the payout details form');
      assert((await page.locator('main').innerText()).includes('Pendamping hanya dapat melihat'), 'the read-only details do not say why');
      await goto(page, `${base}/dashboard/uang?penjual=${sellerId}`);
      const payout = page.locator(`article[data-payout="${reference}"]`);
      const form = payout.locator('form.handover');
      await Promise.all([page.waitForLoadState('networkidle'), form.locator('button[type=submit]').click()]);
      await form.locator('input[name=receipt][aria-invalid=true]').waitFor();
      await form.locator('input[name=receipt]').setInputFiles([{ name: 'tanda-terima.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, 50, 'Diterima') }]);
      await Promise.all([page.waitForURL(/selesai=diserahkan/), form.locator('button[type=submit]').click()]);
      await page.locator(`article[data-payout="${reference}"][data-status=PAID]`).waitFor();
      assert(await payout.locator('a', { hasText: 'foto tanda terima' }).count(), 'the handed-over payout has no receipt photo');
      await shot(page, 'money-serah-terima-360');
      watcher.assertClean('pendamping pages');

      // She confirms.
      const seller = await signedIn(page, base, { identifier: phone, password: 'karyaibu-demo' }, '/dashboard/uang');
      const hers = seller.locator(`article[data-payout="${reference}"]`);
      assert((await hers.innerText()).includes('Diserahkan pendamping'), 'she does not see the cash as handed over');
      await Promise.all([seller.waitForURL(/selesai=diterima/), hers.locator('button', { hasText: 'Saya sudah terima' }).click()]);
      assert((await seller.locator(`article[data-payout="${reference}"]`).innerText()).includes('Sudah diterima'), 'her confirmation does not show');
      await seller.context().close();
    }
  },
  {
    name: 'the admin reads the commission rules and changes one (field errors beside the fields), and reads a month’s reconciliation',
    async run(page, base) {
      const watcher = watch(page);
      await signIn(page, base, ADMIN, '/admin/pesanan');
      await Promise.all([page.waitForURL(`${base}/admin/komisi`), page.locator('nav.tabs a', { hasText: 'Komisi' }).click()]);
      const rule = page.locator('li.rule[data-scope=DEFAULT]').first();
      await Promise.all([page.waitForURL(/ubah=/), rule.locator('a', { hasText: 'Ubah' }).click()]);
      const rate = await page.locator('#rate').inputValue();
      await page.locator('#rate').fill('sepuluh');
      await Promise.all([page.waitForLoadState('networkidle'), page.locator('form.rule-form button[type=submit]').click()]);
      await page.locator('#rate[aria-invalid=true]').waitFor();
      await page.locator('#rate').fill(rate);
      await Promise.all([page.waitForURL(/tersimpan=1/), page.locator('form.rule-form button[type=submit]').click()]);
      await shot(page, 'money-admin-komisi');
      await Promise.all([page.waitForURL(`${base}/admin/rekonsiliasi`), page.locator('nav.tabs a', { hasText: 'Rekonsiliasi' }).click()]);
      const text = await page.locator('main').innerText();
      assert(text.includes('Selisih') && /Seimbang|Tidak seimbang/.test(text), `the reconciliation lacks its checks:\n${text.slice(0, 400)}`);
      await shot(page, 'money-admin-rekonsiliasi');
      watcher.assertClean('admin money pages');
    }
  }
];
