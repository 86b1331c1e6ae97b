import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult } from '../../../common/errors/error-result.js';
import { PageInfo } from '../../../common/graphql/connection.js';
import { RupiahScalar } from '../../../common/graphql/scalars.js';
import { AddressInput } from '../../addresses/dto/address.input.js';
import { PaymentMethod, RefundStage } from '../../payments/models/payment.enums.js';
import { ShippingKind } from '../../shipping/models/shipping.enums.js';
import { ShippingOption } from '../../shipping/models/shipping.model.js';
import type { OrderEntity } from '../entities/order.entity.js';
import type { OrderEventEntity } from '../entities/order-event.entity.js';
import type { OrderLineEntity } from '../entities/order-line.entity.js';
import type { SellerOrderEntity } from '../entities/seller-order.entity.js';
import { OrderStatus, SellerOrderStatus } from '../order-status.js';

@ObjectType('ShippingAddress', { description: 'Where a parcel goes, as given at checkout' })
export class ShippingAddress {
  @Field()
  recipientName: string;

  @Field()
  phone: string;

  @Field()
  villageCode: string;

  @Field({ description: 'Kelurahan/desa' })
  village: string;

  @Field({ description: 'Kecamatan' })
  district: string;

  @Field({ description: 'Kabupaten/kota' })
  regency: string;

  @Field()
  province: string;

  @Field()
  postalCode: string;

  @Field()
  street: string;
}

@ObjectType('OrderEvent', { description: 'A step of an order\'s timeline and who made it' })
export class OrderEvent {
  @Field()
  at: Date;

  @Field({ description: 'PLACED, PAID, PROCESSING, SHIPPED, DELIVERED, COMPLETED, CANCELLED, EXPIRED, CASH_COLLECTED, REFUNDED, REFUND_FAILED, REFUND_RETURNED, FLAGGED, FLAG_RESOLVED' })
  action: string;

  @Field(() => String, { nullable: true })
  fromStatus: string | null;

  @Field()
  toStatus: string;

  @Field()
  actorName: string;

  @Field({ description: 'Made for the seller by someone else: shown as "dibantu oleh <actorName>"' })
  onBehalf: boolean;

  @Field(() => String, { nullable: true })
  note: string | null;

  sellerOrderId: string | null;
}

export const toOrderEvent = (entity: OrderEventEntity): OrderEvent => ({
  at: entity.at,
  action: entity.action,
  fromStatus: entity.fromStatus,
  toStatus: entity.toStatus,
  actorName: entity.actorName,
  onBehalf: entity.onBehalf,
  note: entity.note,
  sellerOrderId: entity.sellerOrderId,
});

@ObjectType('OrderLine', { description: 'A product as bought: title, price and weight frozen at purchase' })
export class OrderLine {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  productId: string;

  @Field()
  title: string;

  @Field(() => RupiahScalar)
  unitPriceIdr: bigint;

  @Field(() => Int)
  quantity: number;

  @Field(() => Int)
  weightGrams: number;

  @Field(() => RupiahScalar)
  lineTotalIdr: bigint;
}

export const toOrderLine = (entity: OrderLineEntity): OrderLine => ({
  id: entity.id,
  productId: entity.productId,
  title: entity.title,
  unitPriceIdr: entity.unitPriceIdr,
  quantity: entity.quantity,
  weightGrams: entity.weightGrams,
  lineTotalIdr: entity.lineTotalIdr,
});

@ObjectType('SellerOrderShipping', { description: 'How her parcel goes, as chosen and priced at checkout' })
export class SellerOrderShipping {
  @Field()
  code: string;

  @Field(() => ShippingKind)
  kind: ShippingKind;

  @Field()
  label: string;

  @Field(() => RupiahScalar)
  priceIdr: bigint;

  @Field(() => Int)
  etaMinDays: number;

  @Field(() => Int)
  etaMaxDays: number;

  @Field(() => Int)
  chargeableWeightGrams: number;
}

@ObjectType('OrderBuyer', { description: 'Who ordered: shown only to the sellers of the order (each for her own part), the buyer and staff' })
export class OrderBuyer {
  @Field()
  name: string;

  @Field()
  phone: string;

  @Field({ description: 'wa.me link with a prefilled message about this seller order' })
  whatsappUrl: string;
}

@ObjectType('SellerOrder', { description: 'One seller\'s part of an order: her pieces, her parcel, her fulfilment' })
export class SellerOrder {
  @Field(() => ID)
  id: string;

  @Field({ description: 'e.g. KI-7F3K9Q-2' })
  code: string;

  @Field()
  orderCode: string;

  @Field(() => SellerOrderStatus)
  status: SellerOrderStatus;

  @Field()
  placedAt: Date;

  @Field(() => PaymentMethod)
  paymentMethod: PaymentMethod;

  @Field(() => [OrderLine])
  lines: OrderLine[];

  @Field(() => RupiahScalar)
  itemsTotalIdr: bigint;

  @Field(() => RupiahScalar)
  shippingIdr: bigint;

  @Field(() => RupiahScalar)
  totalIdr: bigint;

  @Field(() => RupiahScalar)
  refundedIdr: bigint;

  @Field(() => SellerOrderShipping)
  shipping: SellerOrderShipping;

  @Field(() => String, { nullable: true })
  courier: string | null;

  @Field(() => String, { nullable: true, description: 'The resi' })
  trackingNumber: string | null;

  @Field(() => Date, { nullable: true })
  shippedAt: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Field(() => Date, { nullable: true, description: 'Cash on delivery: when the cash was received' })
  cashCollectedAt: Date | null;

  @Field(() => OrderBuyer)
  buyer: OrderBuyer;

  @Field(() => ShippingAddress)
  shipTo: ShippingAddress;

  @Field(() => [String], { description: 'What may be done next: start-processing, ship, seller-cancel, confirm-delivered, collect-cash, complete' })
  nextActions: string[];

  orderId: string;
  sellerId: string;
}

@ObjectType('Order', { description: 'A buyer\'s order: one payment, a seller order per seller' })
export class Order {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Short and unambiguous, e.g. KI-7F3K9Q: with the phone, how a guest finds it' })
  code: string;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field()
  placedAt: Date;

  @Field(() => PaymentMethod)
  paymentMethod: PaymentMethod;

  @Field()
  contactName: string;

  @Field()
  contactPhone: string;

  @Field(() => String, { nullable: true })
  contactEmail: string | null;

  @Field(() => ShippingAddress)
  shipTo: ShippingAddress;

  @Field(() => RupiahScalar)
  itemsTotalIdr: bigint;

  @Field(() => RupiahScalar)
  shippingTotalIdr: bigint;

  @Field(() => RupiahScalar, { description: 'A bank transfer\'s unique code (in the amount to transfer); 0 otherwise' })
  uniqueCodeIdr: bigint;

  @Field(() => RupiahScalar, { description: 'What the buyer pays' })
  totalIdr: bigint;

  @Field(() => Date, { nullable: true, description: 'Unpaid by then, it expires (UTC; shown in WITA)' })
  paymentDeadline: Date | null;

  @Field(() => Date, { nullable: true })
  paidAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why an admin must look at it (money that did not fit)' })
  flagReason: string | null;

  @Field()
  isDemo: boolean;

  buyerUserId: string | null;
}

export function toShippingAddress(order: OrderEntity): ShippingAddress {
  return {
    recipientName: order.recipientName,
    phone: order.recipientPhone,
    villageCode: order.villageCode,
    village: order.village,
    district: order.district,
    regency: order.regency,
    province: order.province,
    postalCode: order.postalCode,
    street: order.street,
  };
}

export function toOrderModel(entity: OrderEntity): Order {
  return {
    id: entity.id,
    code: entity.code,
    status: entity.status,
    placedAt: entity.placedAt,
    paymentMethod: entity.paymentMethod,
    contactName: entity.contactName,
    contactPhone: entity.contactPhone,
    contactEmail: entity.contactEmail,
    shipTo: toShippingAddress(entity),
    itemsTotalIdr: entity.itemsTotalIdr,
    shippingTotalIdr: entity.shippingTotalIdr,
    uniqueCodeIdr: entity.uniqueCodeIdr,
    totalIdr: entity.totalIdr,
    paymentDeadline: entity.paymentDeadline,
    paidAt: entity.paidAt,
    flagReason: entity.flagReason,
    isDemo: entity.isDemo,
    buyerUserId: entity.buyerUserId,
  };
}

export function toSellerOrderModel(entity: SellerOrderEntity, order: OrderEntity, lines: OrderLine[], nextActions: string[]): SellerOrder {
  const text = encodeURIComponent(`Halo ${order.contactName}, saya penjual pesanan ${entity.code} di Karya Ibu.`);
  return {
    id: entity.id,
    code: entity.code,
    orderCode: order.code,
    status: entity.status,
    placedAt: entity.placedAt,
    paymentMethod: order.paymentMethod,
    lines,
    itemsTotalIdr: entity.itemsTotalIdr,
    shippingIdr: entity.shippingIdr,
    totalIdr: entity.totalIdr,
    refundedIdr: entity.refundedIdr,
    shipping: {
      code: entity.shippingCode,
      kind: entity.shippingKind as ShippingKind,
      label: entity.shippingLabel,
      priceIdr: entity.shippingIdr,
      etaMinDays: entity.etaMinDays,
      etaMaxDays: entity.etaMaxDays,
      chargeableWeightGrams: entity.chargeableWeightGrams,
    },
    courier: entity.courier,
    trackingNumber: entity.trackingNumber,
    shippedAt: entity.shippedAt,
    deliveredAt: entity.deliveredAt,
    completedAt: entity.completedAt,
    cancelledAt: entity.cancelledAt,
    cancelReason: entity.cancelReason,
    cashCollectedAt: entity.cashCollectedAt,
    buyer: { name: order.contactName, phone: order.contactPhone, whatsappUrl: `https://wa.me/${order.contactPhone.replace(/\D/g, '')}?text=${text}` },
    shipTo: toShippingAddress(order),
    nextActions,
    orderId: entity.orderId,
    sellerId: entity.sellerId,
  };
}

@ObjectType('OrderEdge')
export class OrderEdge {
  @Field()
  cursor: string;

  @Field(() => Order)
  node: Order;
}

@ObjectType('OrderConnection', { description: 'Newest first, in keyset pages' })
export class OrderConnection {
  @Field(() => [OrderEdge])
  edges: OrderEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType('SellerOrderEdge')
export class SellerOrderEdge {
  @Field()
  cursor: string;

  @Field(() => SellerOrder)
  node: SellerOrder;
}

@ObjectType('SellerOrderConnection', { description: 'Newest first, in keyset pages' })
export class SellerOrderConnection {
  @Field(() => [SellerOrderEdge])
  edges: SellerOrderEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

// --- Checkout input.

@InputType()
export class ContactInput {
  @Field()
  name: string;

  @Field({ description: 'WhatsApp number, e.g. 0812 3456 7890' })
  phone: string;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType()
export class OrderLineInput {
  @Field(() => ID)
  productId: string;

  @Field(() => Int)
  quantity: number;
}

@InputType()
export class ShippingChoiceInput {
  @Field(() => ID)
  sellerId: string;

  @Field({ description: 'A ShippingOption.code quoted for her parcel, e.g. JNE:REG' })
  optionCode: string;
}

@InputType({ description: 'What to buy (the cart, or lines for "buy now"), for whom, where, how it ships and how it is paid. No prices: the server computes them.' })
export class PlaceOrderInput {
  @Field(() => ID, { nullable: true, description: 'Order the cart (a guest\'s by its id; ignored when signed in: her own)' })
  cartId?: string | null;

  @Field(() => [OrderLineInput], { nullable: true, description: 'Instead of the cart: these products' })
  lines?: OrderLineInput[] | null;

  @Field(() => ContactInput)
  contact: ContactInput;

  @Field(() => AddressInput, { nullable: true, description: 'Where it goes (or savedAddressId)' })
  address?: AddressInput | null;

  @Field(() => ID, { nullable: true, description: 'One of her saved addresses (signed in)' })
  savedAddressId?: string | null;

  @Field(() => [ShippingChoiceInput], { description: 'One choice per seller in the order' })
  shipping: ShippingChoiceInput[];

  @Field(() => PaymentMethod)
  paymentMethod: PaymentMethod;

  @Field(() => RupiahScalar, { nullable: true, description: 'The total the buyer saw and agreed to: if the server\'s differs (a price changed), nothing is placed and TotalChangedError says the new one' })
  acceptedTotalIdr?: bigint | null;
}

@InputType()
export class CheckoutQuoteInput {
  @Field(() => ID, { nullable: true })
  cartId?: string | null;

  @Field(() => [OrderLineInput], { nullable: true })
  lines?: OrderLineInput[] | null;

  @Field({ description: 'The destination kelurahan/desa' })
  villageCode: string;
}

@ObjectType('CheckoutQuoteGroup', { description: 'One seller\'s parcel: its pieces and the ways to ship it' })
export class CheckoutQuoteGroup {
  @Field(() => RupiahScalar)
  itemsTotalIdr: bigint;

  @Field(() => Int)
  chargeableWeightGrams: number;

  @Field(() => [ShippingOption], { description: 'Cheapest first' })
  shippingOptions: ShippingOption[];

  @Field({ description: 'Whether she takes cash on delivery for all these pieces' })
  codAllowed: boolean;

  sellerId: string;
}

@ObjectType('CheckoutQuote', { description: 'Shipping options per seller and whether COD is open, for a destination' })
export class CheckoutQuote {
  @Field(() => [CheckoutQuoteGroup])
  groups: CheckoutQuoteGroup[];

  @Field(() => RupiahScalar)
  itemsTotalIdr: bigint;

  @Field(() => String, { nullable: true, description: 'Why cash on delivery is not open (NOT_IN_BALIKPAPAN, SELLER_DOES_NOT_ALLOW, OVER_LIMIT); null when it is, at the cheapest shipping' })
  codUnavailableReason: string | null;

  @Field(() => RupiahScalar, { description: 'The most a COD order may total' })
  codMaxTotalIdr: bigint;
}

// --- Expected outcomes.

/** The server's total differs from the one the buyer agreed to: nothing was placed. */
@ObjectType({ implements: () => [ErrorResult] })
export class TotalChangedError extends ErrorResult {
  @Field(() => RupiahScalar)
  totalIdr: bigint;

  constructor(totalIdr: bigint) {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_ALLOWED_NOW, message: 'The total changed: show the new one and ask again', totalIdr });
  }
}

/** Cash on delivery is not open for this order. */
@ObjectType({ implements: () => [ErrorResult] })
export class CodNotAvailableError extends ErrorResult {
  @Field({ description: 'NOT_IN_BALIKPAPAN, SELLER_DOES_NOT_ALLOW or OVER_LIMIT' })
  reason: string;

  constructor(reason: string) {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_ALLOWED_NOW, message: `Cash on delivery is not available: ${reason}`, reason });
  }
}

/** This idempotency key was used for something else (another buyer's order, another confirmation). */
@ObjectType({ implements: () => [ErrorResult] })
export class IdempotencyKeyReusedError extends ErrorResult {
  constructor() {
    super();
    Object.assign(this, { errorCode: ErrorCode.ALREADY_EXISTS, message: 'This idempotency key was used for something else: make a new one' });
  }
}

/** The order or seller order is not in a status that allows this. */
@ObjectType({ implements: () => [ErrorResult] })
export class TransitionNotAllowedError extends ErrorResult {
  @Field()
  status: string;

  constructor(status: string, message = `Not allowed while ${status}`) {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_ALLOWED_NOW, message, status });
  }
}

/** The amount entered is not what the order expects. */
@ObjectType({ implements: () => [ErrorResult] })
export class AmountMismatchError extends ErrorResult {
  @Field(() => RupiahScalar)
  expectedIdr: bigint;

  constructor(expectedIdr: bigint) {
    super();
    Object.assign(this, { errorCode: ErrorCode.INVALID_INPUT, message: `The amount must be exactly ${expectedIdr}`, expectedIdr });
  }
}

/** What staff's lists of refunds show of each: the refund and the part of the order it gives back. */
@ObjectType({ isAbstract: true })
abstract class RefundOfSellerOrder {
  @Field(() => ID)
  refundId: string;

  @Field(() => RupiahScalar)
  amountIdr: bigint;

  @Field({ description: 'Why it was refunded' })
  reason: string;

  @Field(() => SellerOrder, { description: 'The part refunded, with its buyer' })
  sellerOrder: SellerOrder;
}

@ObjectType({ description: 'A refund not finished yet: staff see it until it is, and the order is flagged if its job gives up' })
export class RefundInProgress extends RefundOfSellerOrder {
  @Field(() => PaymentMethod)
  method: PaymentMethod;

  @Field(() => RefundStage)
  stage: RefundStage;

  @Field({ description: 'When it was asked for' })
  requestedAt: Date;

  @Field({ description: 'Who asked for it (a staff member, or the seller who cancelled)' })
  requestedBy: string;
}

@ObjectType({ description: "A card refund the card's bank turned down: the buyer is owed it by hand (a bank transfer finance sends)" })
export class OwedRefund extends RefundOfSellerOrder {
  @Field({ description: "Stripe's failure_reason: lost_or_stolen_card, expired_or_canceled_card or unknown" })
  failureReason: string;

  @Field()
  failedAt: Date;
}
