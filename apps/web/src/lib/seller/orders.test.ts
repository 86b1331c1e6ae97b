import { describe, expect, it } from 'vitest';
import { orderTab, sellerActions } from './orders';

describe('seller orders', () => {
  it('opens on the orders to pack, and on any tab it knows', () => {
    expect(orderTab(new URL('http://x/dashboard/pesanan'))).toBe('todo');
    expect(orderTab(new URL('http://x/dashboard/pesanan?status=shipped'))).toBe('shipped');
    expect(orderTab(new URL('http://x/dashboard/pesanan?status=toString'))).toBe('todo');
  });

  it('offers her only her own next steps, in the order she takes them', () => {
    expect(sellerActions(['buyer-cancel', 'seller-cancel', 'ship', 'start-processing', 'pay', 'collect-cash'])).toEqual(['start-processing', 'ship', 'collect-cash', 'seller-cancel']);
    expect(sellerActions(['confirm-delivered', 'auto-deliver', 'collect-cash'])).toEqual(['collect-cash']);
  });
});
