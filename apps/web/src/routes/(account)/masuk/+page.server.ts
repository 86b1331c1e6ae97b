import { fail, redirect } from '@sveltejs/kit';
import { LoginDocument } from '@karya-ibu/types';
import { query } from '$lib/server/api/client';
import { signedIn } from '$lib/server/forms/actions';
import { isFailure, submit } from '$lib/server/forms/result';
import { mergeGuestCart } from '$lib/server/buying/cart';
import { loginValues, validateLogin, type FieldErrors, type LoginField } from '$lib/server/forms/account';
import { safeNext } from '$lib/account/next';
import { landingAfterSignIn } from '$lib/account/roles';
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
    const login = () => query(fetch, LoginDocument, checked.input, caller(event)).then((data) => data.login);

    // A wrong phone/email or password (InvalidCredentialsError) is told above the form: which of them is not said.
    const session = await submit(event, login(), { values });
    if (isFailure(session)) return session;
    await mergeGuestCart(event, session.token);
    const next = safeNext(url.searchParams.get('next'));
    signedIn(cookies, url, session, landingAfterSignIn({ roles: session.me.roles, hasShop: false }, next));
  }
};
