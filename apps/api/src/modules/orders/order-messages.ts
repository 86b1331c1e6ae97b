import { formatRupiah } from '@karya-ibu/types/money';

/** Messages to buyers and sellers, in Bahasa Indonesia, each with a WhatsApp click-to-chat link carrying a prefilled text. */
const wa = (phone: string, text: string) => `https://wa.me/${phone.replace(/\D/g, '')}?text=${encodeURIComponent(text)}`;

export const WITA = (at: Date) =>
  `${new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Makassar' }).format(at)} WITA`;

/** Stripe's failure_reason of a refund, as a buyer and staff read it. */
export const refundFailureReason = (code: string) =>
  ({ lost_or_stolen_card: 'kartu dilaporkan hilang atau dicuri', expired_or_canceled_card: 'kartu kedaluwarsa atau sudah ditutup' })[code] ?? 'alasan dari bank tidak disebutkan';

export const orderMessages = {
  placedToBuyer: (o: { code: string; totalIdr: bigint; deadline: Date | null; storefront: string }) =>
    `Karya Ibu: pesanan ${o.code} kami terima, total ${formatRupiah(o.totalIdr)}.${o.deadline ? ` Mohon bayar sebelum ${WITA(o.deadline)}.` : ' Bayar tunai saat barang diterima.'} Lihat pesanan: ${o.storefront}/pesanan/${o.code}`,
  newToSeller: (s: { code: string; itemsTotalIdr: bigint; buyerName: string; buyerPhone: string; storefront: string; cod: boolean }) =>
    `Karya Ibu: pesanan baru ${s.code} (${formatRupiah(s.itemsTotalIdr)}) dari ${s.buyerName}${s.cod ? ', bayar tunai di tempat' : ''}. Kemas di ${s.storefront}/dashboard/pesanan. Chat pembeli: ${wa(s.buyerPhone, `Halo ${s.buyerName}, saya penjual pesanan ${s.code} di Karya Ibu.`)}`,
  paidToBuyer: (o: { code: string; storefront: string }) => `Karya Ibu: pembayaran pesanan ${o.code} sudah kami terima. Terima kasih! Penjual segera mengemas pesanan Anda: ${o.storefront}/pesanan/${o.code}`,
  paidToSeller: (s: { code: string; itemsTotalIdr: bigint; buyerName: string; buyerPhone: string; storefront: string }) =>
    `Karya Ibu: pesanan baru ${s.code} (${formatRupiah(s.itemsTotalIdr)}) dari ${s.buyerName} sudah dibayar. Silakan kemas dan kirim: ${s.storefront}/dashboard/pesanan. Chat pembeli: ${wa(s.buyerPhone, `Halo ${s.buyerName}, saya penjual pesanan ${s.code} di Karya Ibu.`)}`,
  shippedToBuyer: (s: { code: string; label: string; courier: string | null; trackingNumber: string | null; sellerName: string; sellerPhone: string }) =>
    `Karya Ibu: pesanan ${s.code} dari ${s.sellerName} sudah dikirim (${s.label}${s.trackingNumber ? `, resi ${s.courier ?? ''} ${s.trackingNumber}`.replace('  ', ' ') : ''}). Tanya penjual: ${wa(s.sellerPhone, `Halo Ibu ${s.sellerName}, saya menanyakan pesanan ${s.code}.`)}`,
  deliveredToSeller: (s: { code: string }) => `Karya Ibu: pesanan ${s.code} sudah diterima pembeli. Terima kasih, Ibu!`,
  expiredToBuyer: (o: { code: string }) => `Karya Ibu: pesanan ${o.code} dibatalkan karena belum dibayar sampai batas waktu. Barangnya kami kembalikan ke stok; silakan pesan lagi bila masih berminat.`,
  cancelledToBuyer: (o: { code: string }) => `Karya Ibu: pesanan ${o.code} sudah dibatalkan sesuai permintaan Anda.`,
  cancelledToSeller: (s: { code: string }) => `Karya Ibu: pesanan ${s.code} dibatalkan pembeli sebelum dibayar. Tidak perlu dikirim.`,
  sellerCancelledToBuyer: (s: { code: string; sellerName: string; reason: string; refund: boolean }) =>
    `Karya Ibu: maaf, ${s.sellerName} membatalkan pesanan ${s.code}: ${s.reason}.${s.refund ? ' Uangnya kami kembalikan.' : ''}`,
  refundedToBuyer: (s: { code: string; amountIdr: bigint }) => `Karya Ibu: ${formatRupiah(s.amountIdr)} untuk pesanan ${s.code} kami kembalikan ke cara bayar Anda.`,
  refundReturnedToBuyer: (s: { code: string; amountIdr: bigint; reference: string }) =>
    `Karya Ibu: ${formatRupiah(s.amountIdr)} untuk pesanan ${s.code} sudah kami kirim lewat transfer bank (referensi ${s.reference}).`,
  refundFailedToBuyer: (s: { code: string; amountIdr: bigint }) =>
    `Karya Ibu: pengembalian ${formatRupiah(s.amountIdr)} untuk pesanan ${s.code} ditolak oleh bank kartu Anda. Dana tetap hak Anda: tim kami akan menghubungi Anda untuk mengembalikannya dengan cara lain.`,
};
