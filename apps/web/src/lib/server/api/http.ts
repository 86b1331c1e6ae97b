import { error, type RequestEvent } from '@sveltejs/kit';
import { t, type Lang, type MessageKey } from '$lib/i18n';
import { ApiError } from './client';

function rethrowBadInputAs(lang: Lang, key: MessageKey) {
  return (err: unknown): never => {
    if (err instanceof ApiError && err.isBadUserInput) error(400, t(lang, key));
    throw err;
  };
}

/**
 * For loads driven by URL parameters: the API's BAD_USER_INPUT means the buyer typed or followed a
 * bad address, so answer a friendly 400 page instead of a 500. Anything else is rethrown.
 */
export function rethrowBadInputAs400(lang: Lang) {
  return rethrowBadInputAs(lang, 'error.badRequest');
}

/**
 * Every page's form actions go through this. A form shows the API's refusal of an input beside its
 * field (forms/result.ts); a refusal that escapes an action came from no field she sees (a hidden id
 * edited by hand, a NUL character) and is answered with a 400 page that says so, never a 500.
 */
export function answeringBadInputWith400<A extends Record<string, (event: never) => unknown>>(actions: A): A {
  const answering = (action: A[keyof A]) => (event: RequestEvent) =>
    Promise.resolve()
      .then(() => action(event as never))
      .catch(rethrowBadInputAs(event.locals.lang, 'error.thrown.BAD_USER_INPUT'));
  return Object.fromEntries(Object.entries(actions).map(([name, action]) => [name, answering(action as A[keyof A])])) as unknown as A;
}
