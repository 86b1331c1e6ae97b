import { fail, redirect } from '@sveltejs/kit';
import { PASSWORD_LENGTH, RegisterDocument } from '@karya-ibu/types';
import { safeNext } from '$lib/account/next';
import { query } from '$lib/server/api/client';
import { signedIn } from '$lib/server/forms/actions';
import { mergeGuestCart } from '$lib/server/buying/cart';
import { registerValues, validateRegister, type FieldErrors, type RegisterField } from '$lib/server/forms/account';
import { isFailure, submit } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const API_FIELDS: Partial<Record<string, RegisterField>> = {
  'input.displayName': 'displayName',
  'input.phone': 'phone',
  'input.email': 'email',
  'input.password': 'password'
};

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.actor) redirect(303, next);
  return { next, passwordMin: PASSWORD_LENGTH.min };
};

export const actions: Actions = {
  default: async (event) => {
    const { request, url, locals, cookies, fetch } = event;
    const form = await request.formData();
    const values = registerValues(form);
    const checked = validateRegister(form, locals.lang);
    if (!checked.ok) {
      return fail(400, { fieldErrors: checked.fieldErrors as FieldErrors<RegisterField>, formError: undefined, values });
    }

    const session = await submit(event, query(fetch, RegisterDocument, { input: checked.input }, caller(event)).then((data) => data.register), {
      fields: API_FIELDS,
      values
    });
    if (isFailure(session)) return session;
    await mergeGuestCart(event, session.token);
    signedIn(cookies, url, session, safeNext(url.searchParams.get('next')));
  }
};
