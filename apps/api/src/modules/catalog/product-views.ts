import { createHmac } from 'node:crypto';
import { addressBucket } from '../../common/rate-limit/client-address.js';

/** Who asks to count a product page view, as the API sees the request. */
export interface ViewRequest {
  /** The signed-in account, if any. */
  userId: string | null;
  /** The storefront's random id for the browser (its visitor cookie); the caller's word. */
  visitorId: string | null;
  /** The client's address (through the trusted proxies). */
  address: string | null;
  userAgent: string | null;
}

/** One address makes up at most this many visitors of a product a day (a household, an office, a carrier's NAT). */
export const MAX_VISITORS_PER_ADDRESS = 20;

export const MAX_VISITOR_ID_LENGTH = 100;

/** Who counts as one visitor: her account; else the storefront's visitor id; else her address and browser. */
export function visitorKey(request: ViewRequest): string {
  if (request.userId) return `user:${request.userId}`;
  if (request.visitorId) return `visitor:${request.visitorId}`;
  return `address:${request.address ?? ''} ${request.userAgent ?? ''}`;
}

/** What the per-address limit counts by: the address, an IPv6 one by its /64 (a home or a phone may use any address in it). */
export const addressKey = (request: ViewRequest): string => `network:${addressBucket(request.address ?? '')}`;

/** Keyed with the day's salt: once the salt is deleted, nobody can tell whose hash it was. */
export const saltedHash = (salt: Buffer, key: string): Buffer => createHmac('sha256', salt).update(key).digest().subarray(0, 16);
