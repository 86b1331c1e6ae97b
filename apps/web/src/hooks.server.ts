import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { DEFAULT_LANG, isLang, t, type Lang } from '$lib/i18n';
import { config } from '$lib/server/env';

const LANG_COOKIE = 'lang';
const ONE_YEAR = 60 * 60 * 24 * 365;

/** Fail at start, naming the bad variable, rather than on the first buyer's request. */
export const init: ServerInit = () => {
  config();
};

export const handle: Handle = async ({ event, resolve }) => {
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

  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', lang)
  });
  // The same URL renders in two languages depending on the cookie.
  response.headers.append('vary', 'Cookie');
  return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  const id = crypto.randomUUID();
  const lang = isLang(event.locals.lang) ? event.locals.lang : DEFAULT_LANG;
  if (status !== 404) {
    console.error(
      JSON.stringify({
        level: 'error',
        id,
        status,
        method: event.request.method,
        path: event.url.pathname,
        message: error instanceof Error ? error.message : message,
        code: (error as { code?: unknown })?.code,
        stack: error instanceof Error ? error.stack : undefined
      })
    );
  }
  return { message: status === 404 ? t(lang, 'error.notFound') : t(lang, 'error.generic'), id };
};
