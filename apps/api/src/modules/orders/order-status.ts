import { registerEnumType } from '@nestjs/graphql';

/** The buyer's order as a whole: is it paid? (Fulfilment is each seller order's.) */
export enum OrderStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  /** Cash on delivery: nothing to pay up front, the sellers pack at once. */
  CASH_ON_DELIVERY = 'CASH_ON_DELIVERY',
  PAID = 'PAID',
  /** Not paid by its deadline: its stock went back. */
  EXPIRED = 'EXPIRED',
  /** Cancelled by the buyer before paying: its stock went back. */
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderStatus, { name: 'OrderStatus' });

/** One seller's part of an order, from payment to completion. */
export enum SellerOrderStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  /** Paid: to pack. */
  PAID = 'PAID',
  /** Cash on delivery: to pack, paid in cash when handed over. */
  CASH_ON_DELIVERY = 'CASH_ON_DELIVERY',
  PROCESSING = 'PROCESSING',
  /** With the courier and a tracking number (resi), ready at the kampung, or on its way with the pendamping. */
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(SellerOrderStatus, { name: 'SellerOrderStatus' });

export type OrderAction = 'pay' | 'expire' | 'cancel' | 'collect-all-cash';

/** What happens to a seller order, by whom: the state machine's alphabet. */
export type SellerOrderAction =
  | 'pay'
  | 'expire'
  | 'buyer-cancel'
  | 'start-processing'
  | 'ship'
  | 'seller-cancel'
  | 'confirm-delivered'
  | 'auto-deliver'
  | 'collect-cash'
  | 'complete';

const ORDER_TRANSITIONS: Record<OrderStatus, Partial<Record<OrderAction, OrderStatus>>> = {
  [OrderStatus.PENDING_PAYMENT]: { pay: OrderStatus.PAID, expire: OrderStatus.EXPIRED, cancel: OrderStatus.CANCELLED },
  [OrderStatus.CASH_ON_DELIVERY]: { 'collect-all-cash': OrderStatus.PAID, cancel: OrderStatus.CANCELLED },
  [OrderStatus.PAID]: {},
  [OrderStatus.EXPIRED]: {},
  [OrderStatus.CANCELLED]: {},
};

const TO_PACK = { 'start-processing': SellerOrderStatus.PROCESSING, ship: SellerOrderStatus.SHIPPED, 'seller-cancel': SellerOrderStatus.CANCELLED } as const;

const SELLER_ORDER_TRANSITIONS: Record<SellerOrderStatus, Partial<Record<SellerOrderAction, SellerOrderStatus>>> = {
  [SellerOrderStatus.PENDING_PAYMENT]: { pay: SellerOrderStatus.PAID, expire: SellerOrderStatus.EXPIRED, 'buyer-cancel': SellerOrderStatus.CANCELLED },
  [SellerOrderStatus.PAID]: TO_PACK,
  // Picked up at the kampung and paid there: straight to delivered.
  [SellerOrderStatus.CASH_ON_DELIVERY]: { ...TO_PACK, 'buyer-cancel': SellerOrderStatus.CANCELLED, 'collect-cash': SellerOrderStatus.DELIVERED },
  [SellerOrderStatus.PROCESSING]: { ship: SellerOrderStatus.SHIPPED, 'seller-cancel': SellerOrderStatus.CANCELLED, 'collect-cash': SellerOrderStatus.DELIVERED },
  [SellerOrderStatus.SHIPPED]: { 'confirm-delivered': SellerOrderStatus.DELIVERED, 'auto-deliver': SellerOrderStatus.DELIVERED, 'collect-cash': SellerOrderStatus.DELIVERED },
  [SellerOrderStatus.DELIVERED]: { complete: SellerOrderStatus.COMPLETED, 'collect-cash': SellerOrderStatus.DELIVERED },
  [SellerOrderStatus.COMPLETED]: {},
  [SellerOrderStatus.CANCELLED]: {},
  [SellerOrderStatus.EXPIRED]: {},
};

/** The order's next status after the action, or null when the action is not allowed in this status. Pure. */
export const nextOrderStatus = (from: OrderStatus, action: OrderAction): OrderStatus | null => ORDER_TRANSITIONS[from][action] ?? null;

/**
 * The seller order's next status, or null when not allowed. Pure; the rules that need more than the
 * status (cash must be in before a COD order completes; only the buyer confirms delivery) are the
 * service's, which applies this under the row lock.
 */
export const nextSellerOrderStatus = (from: SellerOrderStatus, action: SellerOrderAction): SellerOrderStatus | null => SELLER_ORDER_TRANSITIONS[from][action] ?? null;

/** The actions open in a status (what the dashboard offers). */
export const sellerOrderActions = (from: SellerOrderStatus): SellerOrderAction[] => Object.keys(SELLER_ORDER_TRANSITIONS[from]) as SellerOrderAction[];

/** Before shipping: still the seller's to cancel (and refund). */
export const cancellableBySeller = (status: SellerOrderStatus) => nextSellerOrderStatus(status, 'seller-cancel') !== null;
