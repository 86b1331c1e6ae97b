// Accounts: registration, sign-in and out, password reset.
import { assert, goto, log, shot, watch } from './lib.mjs';

const ADMIN = { identifier: 'admin@karyaibu.demo', password: 'admin-demo-2026' };

/** The demo admin, in a browser of her own, reads the newest reset code sent to `recipient`. */
async function codeFromOutboxAsAdmin(page, base, recipient) {
  const context = await page.context().browser().newContext({ viewport: page.viewportSize() });
  try {
    const admin = await context.newPage();
    const watcher = watch(admin);
    await goto(admin, `${base}/masuk?next=${encodeURIComponent('/dev/outbox')}`);
    // Typed before the form's script has hydrated, the fields can be cleared: wait for the page to settle.
    await admin.waitForLoadState('networkidle');
    await admin.locator('#identifier').fill(ADMIN.identifier);
    await admin.locator('#password').fill(ADMIN.password);
    await Promise.all([admin.waitForURL(`${base}/dev/outbox`), admin.locator('form.account-form button[type=submit]').click()]);
    const message = admin.locator(`li.message[data-recipient="${recipient}"]`).first();
    await message.waitFor();
    const body = await message.locator('.body').innerText();
    const code = /\b(\d{6})\b/.exec(body)?.[1];
    assert(code, `no 6-digit code in the outbox message "${body}"`);
    assert(/WITA/.test(await message.locator('time').innerText()), 'outbox time not in WITA');
    await shot(admin, '12-outbox');
    watcher.assertClean('problems on the outbox');
    return code;
  } finally {
    await context.close();
  }
}

export default [
  {
    name: 'a buyer registers on a phone, signs out and in, and resets a forgotten password with the code the admin reads in the outbox',
    async run(page, base) {
      const watcher = watch(page);
      const phone = `0812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const name = `Ibu Uji ${phone.slice(-4)}`;
      const password = `sandi-${phone.slice(-6)}`;
      const newPassword = `baru-${phone.slice(-6)}!`;
      log(`  account: ${name}, ${phone}`);
      const header = page.locator('header.site-header');
      const submit = (form) => page.locator(`${form} button[type=submit]`);
      // Signing out lands on `/`, where we may already be: wait for the header to change instead of the URL.
      const signOut = async () => {
        await header.locator('form[action="/keluar"] button').click();
        await header.locator('a[href^="/masuk"]').waitFor();
        await page.waitForURL(`${base}/`);
      };

      // Register: first with mistakes, to see the messages beside the fields.
      await goto(page, `${base}/daftar`);
      await page.locator('#displayName').fill('S');
      await page.locator('#phone').fill('12345');
      await page.locator('#password').fill('pendek');
      await submit('form.account-form').click();
      await page.locator('#phone-error').waitFor();
      for (const id of ['displayName', 'phone', 'password']) {
        assert((await page.locator(`#${id}`).getAttribute('aria-invalid')) === 'true', `#${id} not marked invalid`);
        const describedBy = (await page.locator(`#${id}`).getAttribute('aria-describedby')) ?? '';
        assert(describedBy.split(' ').includes(`${id}-error`), `#${id} not described by its error`);
      }
      await shot(page, '06-register-errors');

      await page.locator('#displayName').fill(name);
      await page.locator('#phone').fill(phone);
      await page.locator('#password').fill(password);
      await page.locator('label.show input').check();
      assert((await page.locator('#password').getAttribute('type')) === 'text', 'show-password did not show it');
      await shot(page, '07-register');
      await Promise.all([page.waitForURL(`${base}/`), submit('form.account-form').click()]);
      await header.getByText(name).waitFor();
      const cookies = await page.context().cookies();
      const session = cookies.find((c) => c.name === 'karya_session');
      assert(session?.httpOnly && session.sameSite === 'Lax' && session.path === '/', 'session cookie not HTTP-only/Lax/path=/');
      assert(!(await page.content()).includes(session.value), 'session token appears in the page');
      await shot(page, '08-signed-in', { fullPage: false }); // the header is what matters

      // Sign out from the header, then sign in again (one wrong password first).
      await signOut();
      assert(!(await page.context().cookies()).some((c) => c.name === 'karya_session'), 'cookie kept after sign-out');

      // The same phone again: the API answers AlreadyExistsError, the storefront words it beside the field.
      await goto(page, `${base}/daftar`);
      await page.locator('#displayName').fill(name);
      await page.locator('#phone').fill(phone);
      await page.locator('#password').fill(password);
      await submit('form.account-form').click();
      await page.locator('#phone-error', { hasText: 'sudah terdaftar' }).waitFor();

      await goto(page, `${base}/masuk?next=${encodeURIComponent('/produk')}`);
      await page.locator('#identifier').fill(phone);
      await page.locator('#password').fill('bukan-sandinya');
      await submit('form.account-form').click();
      await page.locator('.alert[role=alert]', { hasText: 'kata sandi salah' }).waitFor();
      assert((await page.locator('#identifier').inputValue()) === phone, 'identifier not kept after a failed sign-in');
      await shot(page, '09-sign-in-wrong-password');
      await page.locator('#password').fill(password);
      await shot(page, '10-sign-in');
      await Promise.all([page.waitForURL(`${base}/produk`), submit('form.account-form').click()]);
      await header.getByText(name).waitFor();
      await signOut();

      // Forgot the password: ask for a code, read it in the outbox, set a new password.
      await goto(page, `${base}/lupa-sandi`);
      await page.locator('#identifier').fill(phone);
      await shot(page, '11-forgot-password');
      await Promise.all([page.waitForURL(/\/lupa-sandi\/kode/), submit('form.account-form').click()]);
      assert((await page.locator('#identifier').inputValue()) === phone, 'identifier not carried to the code page');

      // A reset code takes over an account: the outbox is not hers to read (she is asked to sign in), only the admin's.
      const codePage = page.url();
      await goto(page, `${base}/dev/outbox`);
      assert(page.url().startsWith(`${base}/masuk?next=`), `the outbox did not send an anonymous visitor to sign in (at ${page.url()})`);
      assert((await page.locator('li.message').count()) === 0, 'the outbox showed messages to an anonymous visitor');
      const code = await codeFromOutboxAsAdmin(page, base, `+62${phone.slice(1)}`);

      await goto(page, codePage);
      await page.locator('#code').fill(code === '000000' ? '111111' : '000000');
      await page.locator('#newPassword').fill(newPassword);
      await submit('form.account-form').click();
      await page.locator('#code-error', { hasText: 'Kode salah atau sudah kedaluwarsa' }).waitFor();
      await shot(page, '13-reset-wrong-code');
      await page.locator('#code').fill(code);
      await page.locator('#newPassword').fill(newPassword);
      await shot(page, '14-reset');
      await Promise.all([page.waitForURL(`${base}/`), submit('form.account-form').click()]);
      await header.getByText(name).waitFor();
      await signOut();

      // The new password works.
      await goto(page, `${base}/masuk`);
      await page.locator('#identifier').fill(phone);
      await page.locator('#password').fill(newPassword);
      await Promise.all([page.waitForURL(`${base}/`), submit('form.account-form').click()]);
      await header.getByText(name).waitFor();
      await shot(page, '15-signed-in-new-password', { fullPage: false });
      watcher.assertClean('problems during the journey');
    }
  }
];
