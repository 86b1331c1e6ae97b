import { formatRupiah, fromStripeAmount } from '@karya-ibu/types/money';
import type { SessionRecord } from './fake-stripe-account.js';

/**
 * The test server's stand-in for Stripe's hosted checkout page: server-rendered, two plain forms, no
 * JavaScript, phone-sized, and unmistakably a test.
 */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const rupiah = (amount: number) => formatRupiah(fromStripeAmount(amount));
const wita = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Makassar', dateStyle: 'long', timeStyle: 'short' });

export function checkoutPage({ session, lines }: SessionRecord, declined: boolean): string {
  const id = encodeURIComponent(session.id);
  const total = rupiah(session.amount_total!);
  const body = `
    <h1>Pembayaran</h1>
    ${declined ? '<p class="notice" role="alert">Pembayaran ditolak: kartu uji ditolak. Tidak ada uang yang berpindah. Anda bisa mencoba lagi.</p>' : ''}
    <table>
      <caption>Rincian belanja</caption>
      <tbody>
        ${lines
          .map(
            (line) => `<tr><td>${escape(line.name)}<br><small>${line.quantity} × ${rupiah(line.unitAmount)}</small></td><td class="amount">${rupiah(line.amount)}</td></tr>`,
          )
          .join('')}
      </tbody>
      <tfoot><tr><th scope="row">Total</th><td class="amount">${total}</td></tr></tfoot>
    </table>
    ${session.customer_email ? `<p>Email: ${escape(session.customer_email)}</p>` : ''}
    <p class="card">Kartu uji: 4242 4242 4242 4242</p>
    <form method="post" action="/checkout/${id}/pay"><button type="submit" class="pay">Bayar ${total}</button></form>
    <form method="post" action="/checkout/${id}/fail"><button type="submit" class="fail">Gagalkan pembayaran</button></form>
    ${session.cancel_url ? `<p><a href="${escape(session.cancel_url)}">Batal dan kembali ke toko</a></p>` : ''}
    <p><small>Berlaku sampai ${escape(wita.format(new Date(session.expires_at * 1000)))} WITA</small></p>`;
  return page('Pembayaran (mode uji)', body);
}

/** A session that can no longer be paid: say why, and where to go. */
export function closedPage({ session }: SessionRecord): string {
  const complete = session.status === 'complete';
  const back = complete ? session.success_url?.replaceAll('{CHECKOUT_SESSION_ID}', session.id) : session.cancel_url;
  const body = complete
    ? `<h1>Pembayaran berhasil</h1><p>Pembayaran ${rupiah(session.amount_total!)} ini sudah selesai.</p>`
    : '<h1>Sesi pembayaran kedaluwarsa</h1><p>Sesi ini sudah tidak berlaku dan tidak bisa dibayar lagi. Mulai pembayaran baru dari toko.</p>';
  return page(complete ? 'Pembayaran berhasil' : 'Sesi kedaluwarsa', `${body}${back ? `<p><a href="${escape(back)}">Kembali ke toko</a></p>` : ''}`);
}

export function notFoundPage(): string {
  return page('Tidak ditemukan', '<h1>Sesi pembayaran tidak ditemukan</h1><p>Tautan ini tidak dikenal. Server uji Stripe mulai kosong setiap kali dijalankan ulang.</p>');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #f6f4ef; }
  .test { margin: 0; padding: .75rem 1rem; background: #ffd54f; color: #3e2c00; font-weight: 700; text-align: center; border-bottom: 3px solid #c79a00; }
  main { max-width: 28rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.4rem; margin: .5rem 0 1rem; }
  table { width: 100%; border-collapse: collapse; background: #fff; border-radius: .5rem; }
  caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
  td, th { padding: .6rem .75rem; border-bottom: 1px solid #e4e0d6; text-align: left; vertical-align: top; }
  tfoot th, tfoot td { font-weight: 700; font-size: 1.1rem; border-bottom: 0; }
  .amount { text-align: right; white-space: nowrap; }
  small { color: #57606a; }
  .notice { padding: .75rem; background: #ffebe9; border: 1px solid #cf222e; border-radius: .5rem; color: #82071e; }
  .card { font-family: ui-monospace, monospace; color: #57606a; }
  form { margin: .75rem 0; }
  button { width: 100%; min-height: 3rem; font: inherit; font-weight: 700; border-radius: .5rem; cursor: pointer; }
  .pay { background: #1a7f37; color: #fff; border: 0; }
  .fail { background: #fff; color: #cf222e; border: 2px solid #cf222e; }
  a { color: #0550ae; }
</style>
</head>
<body>
<p class="test" role="note">Mode uji — tidak ada uang sungguhan</p>
<main>${body}
</main>
</body>
</html>
`;
}
