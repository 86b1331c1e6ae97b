import { cancellableBySeller, nextOrderStatus, nextSellerOrderStatus, OrderStatus, SellerOrderStatus, sellerOrderActions } from './order-status.js';

describe('order state machine', () => {
  it('an unpaid order is paid, expires or is cancelled, and then stays', () => {
    expect(nextOrderStatus(OrderStatus.PENDING_PAYMENT, 'pay')).toBe(OrderStatus.PAID);
    expect(nextOrderStatus(OrderStatus.PENDING_PAYMENT, 'expire')).toBe(OrderStatus.EXPIRED);
    expect(nextOrderStatus(OrderStatus.PENDING_PAYMENT, 'cancel')).toBe(OrderStatus.CANCELLED);
    for (const closed of [OrderStatus.PAID, OrderStatus.EXPIRED, OrderStatus.CANCELLED]) {
      for (const action of ['pay', 'expire', 'cancel', 'collect-all-cash'] as const) expect(nextOrderStatus(closed, action)).toBeNull();
    }
  });

  it('a paid order never expires, and an expired one is never paid', () => {
    expect(nextOrderStatus(OrderStatus.PAID, 'expire')).toBeNull();
    expect(nextOrderStatus(OrderStatus.EXPIRED, 'pay')).toBeNull();
  });

  it('a COD order is paid when all its cash is in', () => {
    expect(nextOrderStatus(OrderStatus.CASH_ON_DELIVERY, 'collect-all-cash')).toBe(OrderStatus.PAID);
    expect(nextOrderStatus(OrderStatus.CASH_ON_DELIVERY, 'expire')).toBeNull();
  });
});

describe('seller order state machine', () => {
  const walk = (from: SellerOrderStatus, ...actions: Parameters<typeof nextSellerOrderStatus>[1][]) =>
    actions.reduce<SellerOrderStatus | null>((status, action) => (status === null ? null : nextSellerOrderStatus(status, action)), from);

  it('goes paid → processing → shipped → delivered → completed', () => {
    expect(walk(SellerOrderStatus.PENDING_PAYMENT, 'pay', 'start-processing', 'ship', 'confirm-delivered', 'complete')).toBe(SellerOrderStatus.COMPLETED);
    expect(walk(SellerOrderStatus.PAID, 'ship', 'auto-deliver')).toBe(SellerOrderStatus.DELIVERED);
  });

  it('is cancelled by the seller only before shipping', () => {
    expect(cancellableBySeller(SellerOrderStatus.PAID)).toBe(true);
    expect(cancellableBySeller(SellerOrderStatus.PROCESSING)).toBe(true);
    expect(cancellableBySeller(SellerOrderStatus.CASH_ON_DELIVERY)).toBe(true);
    for (const late of [SellerOrderStatus.SHIPPED, SellerOrderStatus.DELIVERED, SellerOrderStatus.COMPLETED, SellerOrderStatus.PENDING_PAYMENT]) expect(cancellableBySeller(late)).toBe(false);
  });

  it('is not packed, shipped or delivered before it is paid', () => {
    for (const action of ['start-processing', 'ship', 'confirm-delivered', 'complete', 'collect-cash'] as const) expect(nextSellerOrderStatus(SellerOrderStatus.PENDING_PAYMENT, action)).toBeNull();
  });

  it('takes cash on delivery, or at pickup straight from packing', () => {
    expect(walk(SellerOrderStatus.CASH_ON_DELIVERY, 'ship', 'collect-cash', 'complete')).toBe(SellerOrderStatus.COMPLETED);
    expect(walk(SellerOrderStatus.CASH_ON_DELIVERY, 'collect-cash')).toBe(SellerOrderStatus.DELIVERED);
    expect(nextSellerOrderStatus(SellerOrderStatus.PAID, 'collect-cash')).toBeNull();
  });

  it('ends in completed, cancelled or expired with nothing more to do', () => {
    for (const end of [SellerOrderStatus.COMPLETED, SellerOrderStatus.CANCELLED, SellerOrderStatus.EXPIRED]) expect(sellerOrderActions(end)).toEqual([]);
  });

  it('cannot skip back: a delivered order is not shipped again, a completed one not delivered', () => {
    expect(nextSellerOrderStatus(SellerOrderStatus.DELIVERED, 'ship')).toBeNull();
    expect(nextSellerOrderStatus(SellerOrderStatus.COMPLETED, 'confirm-delivered')).toBeNull();
    expect(nextSellerOrderStatus(SellerOrderStatus.SHIPPED, 'seller-cancel')).toBeNull();
  });
});
