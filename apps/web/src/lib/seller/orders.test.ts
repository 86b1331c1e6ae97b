import { describe, expect, it } from 'vitest';
import { orderTab, sellerActions } from './orders';

describe('seller orders', () => {
  it('opens on the orders to pack, and on any tab it knows', () => {
    expect(orderTab(new URL('http://x/dashboard/pesanan'))).toBe('todo');
    expect(orderTab(new URL('http://x/dashboard/pesanan?status=shipped'))).toBe('shipped');
    expect(orderTab(new URL('http://x/dashboard/pesanan?status=toString'))).toBe('todo');
  });

  it('offers her only her own next steps, in the order she takes them', () => {
    const cod = { paymentMethod: 'COD', cashCollectedAt: null };
    expect(sellerActions({ ...cod, nextActions: ['buyer-cancel', 'seller-cancel', 'ship', 'start-processing', 'pay', 'collect-cash'] })).toEqual(['start-processing', 'ship', 'collect-cash', 'seller-cancel']);
    expect(sellerActions({ ...cod, nextActions: ['confirm-delivered', 'auto-deliver', 'collect-cash'] })).toEqual(['collect-cash']);
  });

  it('asks for the cash once, and only of a cash-on-delivery order', () => {
    expect(sellerActions({ paymentMethod: 'COD', cashCollectedAt: '2026-12-01T12:04:00Z', nextActions: ['complete', 'collect-cash'] })).toEqual(['complete']);
    expect(sellerActions({ paymentMethod: 'CARD', cashCollectedAt: null, nextActions: ['confirm-delivered', 'collect-cash'] })).toEqual([]);
  });
});
