import { fail, redirect, type Cookies } from '@sveltejs/kit';
import type { Lang } from '$lib/i18n';
import { ApiError } from '$lib/server/api/client';
import { config } from '$lib/server/env';
import { setSessionCookie } from '$lib/server/session';
import { mapApiError, type FieldErrors } from './account';

/** `fail(400)` with messages beside the fields (or above the form) for an API error the person can fix; rethrows the rest. */
export function failFromApi<F extends string, V>(
  error: unknown,
  fields: Partial<Record<string, F>>,
  values: V,
  lang: Lang
) {
  const mapped = error instanceof ApiError ? mapApiError(error, fields, lang) : null;
  if (!mapped) throw error;
  return fail(error instanceof ApiError && error.code === 'TOO_MANY_REQUESTS' ? 429 : 400, {
    fieldErrors: mapped.fieldErrors as FieldErrors<F>,
    formError: mapped.formError,
    values
  });
}

/** Keeps the new session in the HTTP-only cookie and goes on to `next` (a same-site path). */
export function signedIn(
  cookies: Cookies,
  url: URL,
  session: { token: string; expiresAt: string },
  next: string
): never {
  setSessionCookie(cookies, url, session, config().production);
  redirect(303, next);
}
