import { SellerOrderStatus } from '@karya-ibu/types';

/** The tabs of her orders, new work first: what each shows. */
export const ORDER_TABS = {
  todo: [SellerOrderStatus.Paid, SellerOrderStatus.CashOnDelivery, SellerOrderStatus.Processing],
  shipped: [SellerOrderStatus.Shipped],
  done: [SellerOrderStatus.Delivered, SellerOrderStatus.Completed],
  unpaid: [SellerOrderStatus.PendingPayment],
  cancelled: [SellerOrderStatus.Cancelled, SellerOrderStatus.Expired],
  all: null
} as const satisfies Record<string, readonly SellerOrderStatus[] | null>;

export type OrderTab = keyof typeof ORDER_TABS;
export const TAB_PARAM = 'status';

export function orderTab(url: URL): OrderTab {
  const value = url.searchParams.get(TAB_PARAM);
  return value && Object.hasOwn(ORDER_TABS, value) ? (value as OrderTab) : 'todo';
}

/** What the dashboard offers of the API's next actions (the buyer's and the timers' are not hers). */
export const SELLER_ACTIONS = ['start-processing', 'ship', 'collect-cash', 'complete', 'seller-cancel'] as const;
export type SellerAction = (typeof SELLER_ACTIONS)[number];

/** Cash is taken once, and only for cash on delivery (the API allows the step, refusing it for other orders). */
export function sellerActions(order: { nextActions: readonly string[]; paymentMethod: string; cashCollectedAt: string | null }): SellerAction[] {
  return SELLER_ACTIONS.filter((action) => order.nextActions.includes(action) && (action !== 'collect-cash' || (order.paymentMethod === 'COD' && !order.cashCollectedAt)));
}
