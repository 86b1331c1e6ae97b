import type { RequestContext } from '../../common/context/request-context.js';
import type { ShippingKind } from './models/shipping.enums.js';

/**
 * What a provider of shipping prices is asked: the shape of a courier aggregator's API (RajaOngkir,
 * Biteship: origin, destination, weight, couriers), so an adapter for one fits beside the rate table.
 */
export interface ShippingRequest {
  /** Kemendagri code of the seller's kelurahan (her kampung KB). */
  originVillageCode: string;
  destinationVillageCode: string;
  /** Chargeable weight: the greater of real and volumetric weight, per piece. */
  weightGrams: number;
  /** Only these couriers; all when left out. */
  couriers?: readonly string[];
}

export interface ShippingQuote {
  /** Stable for the buyer's choice, e.g. JNE:REG. */
  code: string;
  kind: ShippingKind;
  courier: string;
  service: string;
  label: string;
  priceIdr: bigint;
  etaMinDays: number;
  etaMaxDays: number;
}

export interface ShippingRateProvider {
  /** For logs and for telling the buyer where a price came from. */
  readonly name: string;
  quote(ctx: RequestContext, request: ShippingRequest): Promise<ShippingQuote[]>;
}

/** The providers asked for every quote, in order (the rate table; an aggregator adapter would join it). */
export const SHIPPING_RATE_PROVIDERS = Symbol('SHIPPING_RATE_PROVIDERS');

export const shippingCode = (courier: string, service: string) => `${courier}:${service}`;
