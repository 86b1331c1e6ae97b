// After signing in each role lands on what is hers, and the header shows her own links only.
import { assert, goto, RETNO, shot, watch } from './lib.mjs';

const ACCOUNTS = [
  { who: 'officer', identifier: 'petugas@karyaibu.demo', password: 'dinas-demo-2026', lands: '/dinas', links: ['Dinas'] },
  { who: 'admin', identifier: 'admin@karyaibu.demo', password: 'admin-demo-2026', lands: '/dinas', links: ['Dinas'] },
  { who: 'seller', identifier: RETNO.identifier, password: RETNO.password, lands: '/dashboard', links: ['Toko saya'] },
  { who: 'pendamping', identifier: 'pendamping.karang-jati@karyaibu.demo', password: 'pendamping-demo-2026', lands: '/dashboard', links: ['Toko dampingan', 'Verifikasi penjual'] },
  { who: 'buyer', identifier: 'pembeli@karyaibu.demo', password: 'pembeli-demo-2026', lands: '/', links: ['Jual di Karya Ibu'] }
];
const OWN_LINKS = ['Toko saya', 'Toko dampingan', 'Dinas', 'Verifikasi penjual', 'Jual di Karya Ibu'];

export default [
  {
    name: 'signing in from the header of the home page, each role lands on what is hers and sees only her own links',
    async run(page, base) {
      const watcher = watch(page);
      for (const account of ACCOUNTS) {
        await page.context().clearCookies();
        await goto(page, `${base}/`);
        await Promise.all([page.waitForURL(`${base}/masuk`), page.locator('header a', { hasText: 'Masuk' }).click()]);
        await page.waitForLoadState('networkidle');
        await page.locator('#identifier').fill(account.identifier);
        await page.locator('#password').fill(account.password);
        await Promise.all([page.waitForURL(`${base}${account.lands}`), page.locator('form.account-form button[type=submit]').click()]);
        const nav = (await page.locator('header nav.nav').innerText()).split('\n').map((line) => line.trim());
        const own = OWN_LINKS.filter((label) => nav.includes(label));
        assert(JSON.stringify(own) === JSON.stringify(account.links), `${account.who}: header shows ${JSON.stringify(own)}, expected ${JSON.stringify(account.links)}`);
        if (account.who === 'buyer') await shot(page, '4x-header-buyer');
      }
      watcher.assertClean('signing in as each role');
    }
  }
];
