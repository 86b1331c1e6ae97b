import { orderMessages, WITA } from './order-messages.js';

describe('messages about orders', () => {
  it('give the deadline in WITA', () => {
    expect(WITA(new Date('2026-12-01T16:30:00Z'))).toMatch(/2 Des 2026.*00[.:]30 WITA/);
    expect(orderMessages.placedToBuyer({ code: 'KI-7F3K9Q', totalIdr: 360_123n, deadline: new Date('2026-12-02T02:00:00Z'), storefront: 'https://karyaibu.id' })).toMatch(
      /^Karya Ibu: pesanan KI-7F3K9Q kami terima, total Rp 360\.123\. Mohon bayar sebelum .*10[.:]00 WITA\. Lihat pesanan: https:\/\/karyaibu\.id\/pesanan\/KI-7F3K9Q$/,
    );
  });

  it('carry a WhatsApp click-to-chat link with a prefilled text', () => {
    const body = orderMessages.paidToSeller({ code: 'KI-7F3K9Q-1', itemsTotalIdr: 350_000n, buyerName: 'Dewi Lestari', buyerPhone: '+6281255550101', storefront: 'https://karyaibu.id' });
    const link = /https:\/\/wa\.me\/(\d+)\?text=(\S+)$/.exec(body)!;
    expect(link[1]).toBe('6281255550101');
    expect(decodeURIComponent(link[2])).toBe('Halo Dewi Lestari, saya penjual pesanan KI-7F3K9Q-1 di Karya Ibu.');
    const shipped = orderMessages.shippedToBuyer({ code: 'KI-7F3K9Q-1', label: 'JNE REG', courier: 'JNE', trackingNumber: 'JNE0123456789', sellerName: 'Retno Wulandari', sellerPhone: '+6281200000001' });
    expect(shipped).toContain('resi JNE JNE0123456789');
    expect(shipped).toContain('https://wa.me/6281200000001?text=');
  });

  it('say when a cash-on-delivery order is to be paid in cash', () => {
    expect(orderMessages.placedToBuyer({ code: 'KI-7F3K9Q', totalIdr: 100_000n, deadline: null, storefront: 'x' })).toContain('Bayar tunai saat barang diterima.');
  });
});
