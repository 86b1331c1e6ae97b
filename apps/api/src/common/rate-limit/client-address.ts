import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Whose address a request counts against in the rate limits. Three cases, from most to least trusted:
 *
 * - The storefront's server calls the API for every visitor, so its own address says nothing. It sends
 *   the visitor's address in `x-client-address` together with the secret it shares with the API
 *   (`x-client-address-secret`, CLIENT_ADDRESS_SECRET). Without the secret that header is ignored, so a
 *   second process on the same machine, or anything that reaches the API port, cannot pick its address:
 *   being on loopback proves nothing (port forwards and container proxies arrive from loopback too).
 * - Network proxies listed in TRUST_PROXY (an ingress routing /graphql) tell it in X-Forwarded-For,
 *   which Express resolves into `req.ip`.
 * - Otherwise the socket's peer.
 */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';
export const CLIENT_ADDRESS_SECRET_HEADER = 'x-client-address-secret';

export interface AddressedRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  socket?: { remoteAddress?: string };
  /** Set by clientAddressMiddleware. */
  clientAddress?: string;
}

export function clientAddressMiddleware(secret: string | null) {
  return (req: AddressedRequest, _res: unknown, next: () => void): void => {
    req.clientAddress = clientAddressOf(req, secret);
    next();
  };
}

export function clientAddressOf(req: AddressedRequest, secret: string | null): string {
  const vouched = secret !== null && sameSecret(req.headers[CLIENT_ADDRESS_SECRET_HEADER], secret) ? req.headers[CLIENT_ADDRESS_HEADER] : undefined;
  const address = typeof vouched === 'string' && isIP(vouched.trim()) ? vouched.trim() : (req.ip ?? req.socket?.remoteAddress ?? 'unknown');
  return unmapIPv4(address);
}

/** True only for a request made on this machine: the socket's peer is loopback and nobody vouched for another address. */
export function isFromThisMachine(req: AddressedRequest): boolean {
  const peer = unmapIPv4(req.socket?.remoteAddress ?? '');
  return isLoopback(peer) && isLoopback(req.clientAddress ?? peer);
}

/**
 * What a limit counts an address as: an IPv4 address itself (an IPv4-mapped IPv6 one too), an IPv6
 * address by its /64, which one subscriber usually holds whole (counting single IPv6 addresses would let
 * her rotate through 2^64). Anything that is not an address stays as it is.
 */
export function addressBucket(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  return ip.kind() === 'ipv4' ? ip.toString() : `${new ipaddr.IPv6([...(ip as ipaddr.IPv6).parts.slice(0, 4), 0, 0, 0, 0]).toString()}/64`;
}

const isLoopback = (address: string) => address === '::1' || (isIP(address) === 4 && address.startsWith('127.'));
const unmapIPv4 = (address: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address);

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
