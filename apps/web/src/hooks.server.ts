import type { Handle, HandleFetch, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { CurrentAccountDocument } from '@karya-ibu/types';
import { DEFAULT_LANG, isLang, t, type Lang } from '$lib/i18n';
import { ApiError, query } from '$lib/server/api/client';
import { vouchForVisitor } from '$lib/server/api/visitor';
import { config } from '$lib/server/env';
import { currentRequestId, log, requestIdFrom, withRequestId } from '$lib/server/log';
import { securityHeaders } from '$lib/server/security-headers';
import { thrownErrorMessage } from '$lib/server/forms/result';
import { caller, clearSessionCookie, SESSION_COOKIE } from '$lib/server/session';

const LANG_COOKIE = 'lang';
const ONE_YEAR = 60 * 60 * 24 * 365;

/** Fail at start, naming the bad variable, rather than on the first buyer's request. */
export const init: ServerInit = () => {
  if (!config().clientAddressSecret) log().warn('CLIENT_ADDRESS_SECRET is not set: the API counts every visitor as this server (one rate-limit bucket for all)');
};

/** Every API call made for a visitor tells the API her address, so its per-address limits count her, not us. */
export const handleFetch: HandleFetch = ({ event, request, fetch }) => {
  const { apiUrl, clientAddressSecret } = config();
  return fetch(vouchForVisitor(request, apiUrl, () => event.getClientAddress(), clientAddressSecret));
};

/**
 * Each request gets an id (a proxy's well-formed `x-request-id`, else a new one): it is on every log
 * line of the request, sent to the API with each call (api/client.ts), shown on the error page and
 * returned in `x-request-id`, so one id finds a visit in the web's log and the API's.
 */
export const handle: Handle = ({ event, resolve }) => {
  const requestId = requestIdFrom(event.request.headers);
  return withRequestId(requestId, async () => {
    const started = performance.now();
    const response = await respond({ event, resolve });
    response.headers.set('x-request-id', requestId);
    log().info(
      { req: { method: event.request.method, url: event.url.pathname }, res: { statusCode: response.status }, responseTime: Math.round(performance.now() - started) },
      'request completed'
    );
    return response;
  });
};

const respond: Handle = async ({ event, resolve }) => {
  const requested = event.url.searchParams.get('lang');
  let lang: Lang = DEFAULT_LANG;
  if (isLang(requested)) {
    lang = requested;
    // A plain link (`?lang=en`) switches language: works without JavaScript.
    event.cookies.set(LANG_COOKIE, lang, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax', httpOnly: true });
  } else {
    const fromCookie = event.cookies.get(LANG_COOKIE);
    if (isLang(fromCookie)) lang = fromCookie;
  }
  event.locals.lang = lang;
  event.locals.actor = await actorOf(event);

  const resolved = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', lang)
  });
  const answer = visitorsFault.get(event.locals);
  const response = answer && resolved.status === 500 ? new Response(resolved.body, { status: answer.status, headers: resolved.headers }) : resolved;
  if (answer?.retryAfterSeconds && response !== resolved) response.headers.set('retry-after', String(answer.retryAfterSeconds));
  // The same URL renders in two languages depending on the cookie.
  response.headers.append('vary', 'Cookie');
  for (const [name, value] of Object.entries(securityHeaders(config().production))) response.headers.set(name, value);
  return response;
};

/** One `me` per request, and only when there is a session cookie: anonymous browsing costs nothing. */
async function actorOf(event: RequestEvent): Promise<App.Locals['actor']> {
  if (!event.cookies.get(SESSION_COOKIE)) return null;
  try {
    const { me, cart } = await query(event.fetch, CurrentAccountDocument, {}, caller(event));
    event.locals.cartCount = cart?.itemCount ?? 0;
    if (me) return { id: me.id, displayName: me.displayName, roles: me.roles, hasShop: me.seller !== null };
    // Expired, revoked or unknown: forget it so we stop asking.
    clearSessionCookie(event.cookies);
    return null;
  } catch (error) {
    // The API being down must not take the catalog down with it: browse anonymously, keep the cookie.
    log().warn({ path: event.url.pathname }, `session check failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Requests that reached the error page through a refusal of the API that was the visitor's doing. */
const visitorsFault = new WeakMap<App.Locals, { status: number; retryAfterSeconds?: number }>();

/**
 * The error page shows the request id, which is in this log line and in the API's lines of the same request.
 * A refusal of the API that was the visitor's doing and that no page or form answered itself (an address
 * or a hidden field edited by hand, a NUL character, too many searches) is answered with its own status
 * and words (400, 403, 404, 429), never a 500.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  const id = currentRequestId() ?? crypto.randomUUID();
  const lang = isLang(event.locals.lang) ? event.locals.lang : DEFAULT_LANG;
  const thrown = thrownErrorMessage(lang, error);
  if (thrown && error instanceof ApiError) {
    visitorsFault.set(event.locals, { status: thrown.status, retryAfterSeconds: error.retryAfterSeconds });
    log().warn({ code: error.code, field: error.field, status: thrown.status, req: { method: event.request.method, url: event.url.pathname } }, error.message);
    // An address she followed is not "reload and try again".
    const words = thrown.status === 400 && event.request.method === 'GET' ? t(lang, 'error.badRequest') : thrown.message;
    return { message: words, id, status: thrown.status };
  }
  if (status !== 404) {
    log().error(
      { err: error instanceof Error ? error : undefined, code: (error as { code?: unknown })?.code, status, req: { method: event.request.method, url: event.url.pathname } },
      error instanceof Error ? error.message : message
    );
  }
  return { message: status === 404 ? t(lang, 'error.notFound') : t(lang, 'error.generic'), id };
};
