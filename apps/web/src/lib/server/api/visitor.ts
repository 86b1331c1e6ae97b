/** Must match the API's common/rate-limit/client-address.ts. */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';
export const CLIENT_ADDRESS_SECRET_HEADER = 'x-client-address-secret';

/**
 * The API limits sign-ins and searches per client address, and every visitor reaches it through this
 * server: without this they would all share the server's one address. Requests to the API carry the
 * visitor's address and the secret shared with the API (CLIENT_ADDRESS_SECRET), which is what makes
 * the API believe it; requests elsewhere get neither.
 */
export function vouchForVisitor(request: Request, apiUrl: string, visitorAddress: () => string, secret: string | null): Request {
  if (!secret || new URL(request.url).origin !== new URL(apiUrl).origin) return request;
  let address: string;
  try {
    address = visitorAddress();
  } catch {
    return request; // no visitor (prerendering): the API counts this server
  }
  const headers = new Headers(request.headers);
  headers.set(CLIENT_ADDRESS_HEADER, address);
  headers.set(CLIENT_ADDRESS_SECRET_HEADER, secret);
  return new Request(request, { headers });
}
