// Every page and form each role can reach, opened with unusual values in its address and sent with
// them in each of its fields (hidden ones too): none may answer a 5xx. Runs last (files run in name
// order): it changes whatever those forms change, and it uses up the search limit.
import { assert, log, RETNO } from './lib.mjs';

const ACCOUNTS = {
  guest: null,
  buyer: { identifier: 'pembeli@karyaibu.demo', password: 'pembeli-demo-2026' },
  seller: RETNO,
  pendamping: { identifier: 'pendamping.karang-jati@karyaibu.demo', password: 'pendamping-demo-2026' },
  admin: { identifier: 'admin@karyaibu.demo', password: 'admin-demo-2026' },
  finance: { identifier: 'keuangan@karyaibu.demo', password: 'keuangan-demo-2026' },
  officer: { identifier: 'petugas@karyaibu.demo', password: 'dinas-demo-2026' }
};
const VALUES = {
  nul: (value) => `${value || 'x'}\u0000y`,
  long: () => 'x'.repeat(20_000),
  empty: () => '',
  hostile: () => "'; DROP TABLE products;--<script>\uD800",
  huge: () => '99999999999999999999999999',
  noSuchDay: () => '2026-02-30'
};
const START_PAGES = ['/', '/produk', '/kampung', '/keranjang', '/checkout', '/pesanan', '/dashboard', '/dashboard/produk/baru', '/dashboard/penjualan', '/dashboard/pesanan',
  '/dashboard/uang', '/dashboard/uang/rekening', '/dashboard/daftar-penjual', '/dashboard/riwayat', '/dinas', '/dinas/kampung', '/dinas/pelatihan', '/dinas/survei',
  '/dinas/verifikasi', '/dinas/dampak', '/admin/komisi', '/admin/pencairan', '/admin/pesanan', '/admin/rekonsiliasi', '/admin/transfer'];
const SKIP_LINKS = /keluar|\/_app\/|\/unduh|\.(png|webp|jpe?g|css|js|svg|ico|csv|xlsx|pdf)(\?|$)/;
const PAGES_PER_ROLE = 80;

const decode = (text) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attributes = (tag) => Object.fromEntries([...tag.matchAll(/([a-zA-Z:-]+)(?:="([^"]*)")?/g)].map((m) => [m[1].toLowerCase(), decode(m[2] ?? '')]));

/** The POST forms of a page: where each of its buttons sends it, and its fields with the values the page gave them. */
function postForms(html, pageUrl) {
  const forms = [];
  for (const [, tag, body] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const form = attributes(tag);
    if ((form.method ?? 'get').toLowerCase() !== 'post') continue;
    const fields = [];
    for (const control of body.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
      const field = attributes(control[2]);
      if (!field.name || ['submit', 'file'].includes(field.type)) continue;
      let value = field.value ?? '';
      if (control[1] === 'select') value = decode(/<option[^>]*value="([^"]*)"/.exec(body.slice(control.index))?.[1] ?? '');
      const optional = ['checkbox', 'radio'].includes(field.type) && !('checked' in field);
      fields.push({ name: field.name, value: ['checkbox', 'radio'].includes(field.type) ? field.value || 'on' : value, optional });
    }
    const buttons = [...body.matchAll(/<button\b([^>]*)>/g)].map((m) => attributes(m[1])).filter((button) => button.formaction || button.name);
    for (const button of buttons.length ? buttons : [{}]) {
      forms.push({ action: new URL(button.formaction || form.action || pageUrl, pageUrl).href, fields, button: button.name ? [button.name, button.value ?? ''] : null });
    }
  }
  return forms;
}

async function send(url, init) {
  try {
    return await fetch(url, { redirect: 'manual', ...init });
  } catch {
    return fetch(url, { redirect: 'manual', ...init }); // a kept-alive connection the server had just closed
  }
}

async function signIn(base, account) {
  if (!account) return '';
  const response = await send(`${base}/masuk`, { method: 'POST', body: new URLSearchParams(account), headers: { origin: base } });
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  assert(cookie.includes('karya_session='), `signing in as ${account.identifier} gave no session`);
  return cookie;
}

/** Products, orders, kampung…: a page's path with its ids and slugs as `*`. */
const kindOf = (pagePath) => pagePath.replace(/\?.*/, '').split('/').map((part) => (part.length > 12 || /\d/.test(part) ? '*' : part)).join('/');

/** Her pages and their forms, from the start pages through their links: at most two of each kind (two products, two orders…). */
async function crawl(base, cookie) {
  const queue = [...START_PAGES];
  const seen = new Set();
  const perKind = new Map();
  const forms = new Map();
  while (queue.length && seen.size < PAGES_PER_ROLE) {
    const pagePath = queue.shift();
    const kind = kindOf(pagePath);
    if (seen.has(pagePath) || (perKind.get(kind) ?? 0) >= 2) continue;
    seen.add(pagePath);
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    const response = await send(base + pagePath, { headers: { cookie } });
    assert(response.status < 500, `GET ${pagePath} answered ${response.status}`);
    if (!(response.headers.get('content-type') ?? '').includes('text/html')) continue;
    const html = await response.text();
    for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g)) if (!SKIP_LINKS.test(href)) queue.push(decode(href));
    for (const form of postForms(html, base + pagePath)) forms.set(`${form.action} ${form.fields.map((field) => field.name)}`, form);
  }
  return { pages: [...seen], forms: [...forms.values()].filter((form) => !/\/keluar/.test(form.action)) };
}

const ADDRESS_VALUES = ['%00', 'x'.repeat(3000), "'%3B--%E0%A4%A", '2026-02-30'];
const QUERY_NAMES = ['q', 'setelah'];
// Their pages cover the others' (an officer's and finance's are the admin's, a buyer's the seller's storefront).
const ADDRESSES_OF = ['guest', 'seller', 'admin'];

/** A page's address with each id-like part of its path, and each of its query parameters, made unusual. */
function unusualAddresses(pagePath) {
  const [pathname, search = ''] = pagePath.split('?');
  const parts = pathname.split('/');
  const params = [...new URLSearchParams(search)];
  const addresses = [];
  for (const value of ADDRESS_VALUES) {
    parts.forEach((part, i) => {
      if (part.length > 12 || /\d/.test(part)) addresses.push([...parts.slice(0, i), value, ...parts.slice(i + 1)].join('/') + (search ? `?${search}` : ''));
    });
    for (const name of new Set([...params.map(([name]) => name), ...QUERY_NAMES])) {
      const others = params.filter(([other]) => other !== name).map(([other, v]) => `${other}=${encodeURIComponent(v)}`);
      addresses.push(`${pathname}?${[...others, `${name}=${value}`].join('&')}`);
    }
  }
  return addresses;
}

export default [
  {
    name: 'every page and form of every role, with unusual values in its address and in each field (hidden ids too), answers no 5xx; a hidden id with a NUL character gets the 400 page, too many searches the 429 page',
    async run(_page, base) {
      const failures = [];
      let sent = 0;
      for (const [role, account] of Object.entries(ACCOUNTS)) {
        const cookie = await signIn(base, account);
        const { pages, forms } = await crawl(base, cookie);
        const onePerKind = [...new Map(pages.map((page) => [kindOf(page), page])).values()];
        for (const address of ADDRESSES_OF.includes(role) ? onePerKind.flatMap(unusualAddresses) : []) {
          const response = await send(base + address, { headers: { cookie } }).catch((error) => error);
          sent++;
          if (response instanceof Error) failures.push(`${role}: GET ${address.slice(0, 120)} got no answer it could read (${response.cause?.code ?? response.message})`);
          else if (response.status >= 500) failures.push(`${role}: GET ${address.slice(0, 120)} answered ${response.status}`);
          else await response.arrayBuffer();
        }
        for (const form of forms) {
          for (const target of form.fields) {
            for (const [kind, unusual] of Object.entries(VALUES)) {
              const body = new FormData();
              for (const field of form.fields) if (!field.optional || field === target) body.append(field.name, field === target ? unusual(field.value) : field.value);
              if (form.button) body.append(...form.button);
              const where = `${role}: ${form.action.replace(base, '')} with ${target.name} = ${kind}`;
              const response = await send(form.action, { method: 'POST', body, headers: { cookie, origin: base, accept: 'text/html' } }).catch((error) => error);
              sent++;
              if (response instanceof Error) failures.push(`${where} got no answer it could read (${response.cause?.code ?? response.message})`);
              else if (response.status >= 500) failures.push(`${where} answered ${response.status}`);
              else await response.arrayBuffer();
            }
          }
        }
        log(`  ${role}: ${pages.length} pages, ${forms.length} forms`);
      }
      log(`  ${sent} requests`);
      assert(sent > 3000, `only ${sent} requests: the pages and their forms were not found`);
      assert(failures.length === 0, `answered 5xx:\n${failures.join('\n')}`);

      // A guest's add-to-cart with its hidden product id edited: the API refuses the NUL, she is told so.
      const catalog = await (await send(`${base}/produk`)).text();
      const slug = /href="\/produk\/([^"?#/]+)"/.exec(catalog)[1];
      const body = new URLSearchParams({ productId: 'a\u0000b', quantity: '1' });
      const response = await send(`${base}/produk/${slug}?/keranjang`, { method: 'POST', body, headers: { origin: base, accept: 'text/html' } });
      const text = await response.text();
      assert(response.status === 400 && text.includes('Isian ini tidak dapat dibaca'), `a NUL in the hidden product id answered ${response.status}`);

      // Searching more than a visitor may in a minute (60 by default).
      let searching;
      for (let i = 0; i < 200; i++) {
        searching = await send(`${base}/produk?q=batik+${i}`);
        if (searching.status !== 200) break;
        await searching.arrayBuffer();
      }
      const searchPage = await searching.text();
      assert(searching.status === 429 && Number(searching.headers.get('retry-after')) > 0 && searchPage.includes('Terlalu banyak percobaan'), `too many searches answered ${searching.status}`);
    }
  }
];
