// DP3AKB sees the income that training produced: /dinas/dampak, its downloads, and the public /dampak.
import { assert, goto, log, shot, signIn, watch } from './lib.mjs';

const OFFICER = { identifier: 'petugas@karyaibu.demo', password: 'dinas-demo-2026' };
const PENDAMPING = { identifier: 'pendamping.teritip@karyaibu.demo', password: 'pendamping-demo-2026' };
const NARROW = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 900 };

async function shotBoth(page, name) {
  await page.setViewportSize(NARROW);
  await shot(page, `${name}-390`);
  await page.setViewportSize(WIDE);
  await shot(page, `${name}-1280`);
  await page.setViewportSize(NARROW);
}

/** Follows a download link (the file comes through a redirect to its private, presigned address). */
async function download(page, link) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), link.click()]);
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

export default [
  {
    name: 'the officer opens /dinas/dampak, filters to the batik cohort and Teritip, downloads the PDF and the XLSX',
    async run(page, base) {
      const watcher = watch(page);
      await signIn(page, base, OFFICER, '/dinas/dampak');
      await page.getByRole('heading', { level: 1, name: 'Dampak pelatihan' }).waitFor();
      await shotBoth(page, '9x-impact-all');

      // Filter with the plain GET form: the filters land in the URL.
      const cohort = page.getByLabel('Angkatan pelatihan');
      await cohort.selectOption((await cohort.locator('option', { hasText: 'Pelatihan Membatik' }).getAttribute('value')) ?? '');
      await page.locator('select[name=kampung]').selectOption({ label: 'Teritip' });
      await Promise.all([page.waitForURL(/pelatihan=.*kampung=/), page.getByRole('button', { name: 'Tampilkan' }).click()]);
      const text = await page.locator('main').innerText();
      // The seed's 11 batik participants of Teritip; the officer's roster-import journey, when it ran first, adds its own.
      const participants = Number(/Peserta\s*\n?\s*(\d+)\b/.exec(text)?.[1] ?? 0);
      assert(participants >= 11, `Teritip should show at least its 11 batik participants, not ${participants}`);
      // The demo orders were paid through the order service: the marketplace column has the ledger's figures.
      assert(text.includes('Marketplace (terverifikasi)') && !text.includes('belum ada data'), 'marketplace figures missing, or still labelled "belum ada data"');
      assert(text.includes('Offline (dilaporkan sendiri)'), 'offline sales are not labelled self-reported');
      for (const title of ['Pendapatan per bulan dibanding sebelum pelatihan', 'Pendapatan tambahan per kampung KB', 'Masih berjualan setelah pelatihan', 'Sebaran pendapatan dari penjualan']) {
        const figure = page.locator('figure', { has: page.getByRole('heading', { name: title }) });
        assert((await figure.locator('svg[role=img]').count()) === 1, `${title}: no SVG chart`);
        assert((await figure.locator('table').count()) === 1, `${title}: no data table beside the chart`);
      }
      await shotBoth(page, '9x-impact-teritip');

      const pdf = await download(page, page.getByRole('link', { name: 'PDF', exact: true }));
      assert(pdf.name.endsWith('.pdf'), `PDF named ${pdf.name}`);
      // Its text and pages are checked in the API's export tests; here: a real PDF came down.
      assert(pdf.bytes.subarray(0, 5).toString() === '%PDF-' && pdf.bytes.length > 10_000, `${pdf.name} is not a PDF`);
      const xlsx = await download(page, page.getByRole('link', { name: 'Excel (XLSX)', exact: true }));
      assert(xlsx.name.endsWith('.xlsx') && xlsx.bytes.subarray(0, 2).toString() === 'PK', `XLSX ${xlsx.name} is not a workbook`);
      log(`downloaded ${pdf.name} (${pdf.bytes.length} bytes) and ${xlsx.name} (${xlsx.bytes.length} bytes)`);

      // A participant's own page, from the table.
      await Promise.all([page.waitForURL(/\/dinas\/dampak\/peserta\//), page.locator('section', { has: page.getByRole('heading', { name: /Peserta \(data pribadi\)/ }) }).locator('tbody a').first().click()]);
      await page.getByRole('heading', { name: /Pendapatan per bulan/ }).waitFor();
      await shotBoth(page, '9x-impact-participant');
      watcher.assertClean('impact pages');
    }
  },
  {
    name: 'the public /dampak shows aggregates only, without JavaScript',
    javaScriptEnabled: false,
    async run(page, base) {
      const watcher = watch(page, { javaScriptEnabled: false });
      await goto(page, `${base}/dampak`);
      const text = await page.locator('main').innerText();
      assert(text.includes('Dampak pelatihan DP3AKB'), 'no heading');
      assert(text.includes('Teritip') && text.includes('Pelatihan Membatik'), 'no kampung or cohort rows');
      assert(!/Ibu |Retno Wulandari/.test(text.replace('ibu-ibu', '')), 'a name appears on the public page');
      await shotBoth(page, '9x-impact-public');
      watcher.assertClean('public impact');
    }
  },
  {
    name: 'a pendamping answers a follow-up survey of her kampung without JavaScript',
    javaScriptEnabled: false,
    async run(page, base) {
      const watcher = watch(page, { javaScriptEnabled: false });
      await signIn(page, base, PENDAMPING, '/dinas/survei');
      const task = page.locator('li.panel').first();
      const name = await task.getByRole('heading').innerText();
      await task.getByLabel('Penghasilan per bulan sekarang (Rp)').fill('1.250.000');
      await Promise.all([page.waitForURL(`${base}/dinas/survei`), task.getByRole('button', { name: 'Simpan jawaban' }).click()]);
      await page.getByRole('status').filter({ hasText: `Jawaban untuk ${name} tersimpan` }).waitFor();
      await shotBoth(page, '9x-impact-surveys');
      const response = await page.goto(`${base}/dinas/dampak`);
      assert(response.status() === 403, `a pendamping opened the officers' impact report (HTTP ${response.status()})`);
      watcher.problems.length = 0;
    }
  }
];
