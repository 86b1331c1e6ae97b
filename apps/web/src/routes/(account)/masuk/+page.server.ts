import { fail, redirect } from '@sveltejs/kit';
import { LoginDocument } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import { mergeGuestCart } from '$lib/server/buying/cart';
import { failFromApi, signedIn } from '$lib/server/forms/actions';
import { loginValues, validateLogin, type FieldErrors, type LoginField } from '$lib/server/forms/account';
import { safeNext } from '$lib/account/next';
import { caller } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.actor) redirect(303, next);
  return { next };
};

export const actions: Actions = {
  default: async (event) => {
    const { request, url, locals, cookies, fetch } = event;
    const form = await request.formData();
    const values = loginValues(form);
    const checked = validateLogin(form, locals.lang);
    if (!checked.ok) {
      return fail(400, { fieldErrors: checked.fieldErrors as FieldErrors<LoginField>, formError: undefined, values });
    }

    let session;
    try {
      ({ login: session } = await query(fetch, LoginDocument, checked.input, caller(event)));
    } catch (error) {
      return failFromApi<LoginField, typeof values>(
        error,
        { identifier: 'identifier', password: 'password' },
        values,
        locals.lang
      );
    }
    await mergeGuestCart(event, session.token);
    signedIn(cookies, url, session, safeNext(url.searchParams.get('next')));
  }
};
