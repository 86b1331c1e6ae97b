import { fail } from '@sveltejs/kit';
import { PASSWORD_LENGTH, RESET_CODE_LENGTH, ResetPasswordDocument } from '@karya-ibu/types';
import { safeNext } from '$lib/account/next';
import { query } from '$lib/server/api/client';
import { signedIn } from '$lib/server/forms/actions';
import { resetValues, validateReset, type FieldErrors, type ResetField } from '$lib/server/forms/account';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller, RESET_IDENTIFIER_COOKIE } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const API_FIELDS: Partial<Record<string, ResetField>> = {
  identifier: 'identifier',
  code: 'code',
  newPassword: 'newPassword',
  // A wrong or expired code names no field: it is the code's.
  INVALID_RESET_CODE: 'code'
};

export const load: PageServerLoad = ({ url, cookies }) => ({
  next: safeNext(url.searchParams.get('next')),
  sent: url.searchParams.has('terkirim'),
  identifier: cookies.get(RESET_IDENTIFIER_COOKIE) ?? '',
  codeLength: RESET_CODE_LENGTH,
  passwordMin: PASSWORD_LENGTH.min
});

export const actions: Actions = {
  default: async (event) => {
    const { request, url, locals, cookies, fetch } = event;
    const form = await request.formData();
    const values = resetValues(form);
    const checked = validateReset(form, locals.lang);
    if (!checked.ok) {
      return fail(400, { fieldErrors: checked.fieldErrors as FieldErrors<ResetField>, formError: undefined, values });
    }

    const session = await submit(event, query(fetch, ResetPasswordDocument, checked.input, caller(event)).then((data) => data.resetPassword), {
      fields: API_FIELDS,
      values
    });
    if (isFailure(session)) return session;
    cookies.delete(RESET_IDENTIFIER_COOKIE, { path: '/lupa-sandi' });
    signedIn(cookies, url, session, safeNext(url.searchParams.get('next')));
  }
};
