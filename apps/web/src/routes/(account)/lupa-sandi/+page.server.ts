import { fail, redirect } from '@sveltejs/kit';
import { RequestPasswordResetDocument, RESET_CODE_LENGTH } from '@karya-ibu/types';
import { safeNext, withNext } from '$lib/account/next';
import { query } from '$lib/server/api/client';
import { loginValues, validateResetRequest, type FieldErrors, type ResetRequestField } from '$lib/server/forms/account';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller, RESET_IDENTIFIER_COOKIE, resetIdentifierCookieOptions } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
  next: safeNext(url.searchParams.get('next')),
  codeLength: RESET_CODE_LENGTH
});

export const actions: Actions = {
  default: async (event) => {
    const { request, url, locals, cookies, fetch } = event;
    const form = await request.formData();
    const values = loginValues(form);
    const checked = validateResetRequest(form, locals.lang);
    if (!checked.ok) {
      return fail(400, { fieldErrors: checked.fieldErrors as FieldErrors<ResetRequestField>, formError: undefined, values });
    }
    const sent = await submit(
      event,
      query(fetch, RequestPasswordResetDocument, checked.input, caller(event)).then((data) => data.requestPasswordReset),
      { fields: { identifier: 'identifier' }, values }
    );
    if (isFailure(sent)) return sent;
    // Carries the number/email to the code page without putting it in the address (and so in logs).
    cookies.set(RESET_IDENTIFIER_COOKIE, checked.input.identifier, resetIdentifierCookieOptions(url));
    const next = safeNext(url.searchParams.get('next'));
    redirect(303, `${withNext('/lupa-sandi/kode', next)}${next === '/' ? '?' : '&'}terkirim=1`);
  }
};
