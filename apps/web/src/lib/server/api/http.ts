import { error } from '@sveltejs/kit';
import { t, type Lang } from '$lib/i18n';
import { ApiError } from './client';

/**
 * For loads driven by URL parameters: the API's BAD_USER_INPUT means the buyer typed or followed a
 * bad address, so answer a friendly 400 page instead of a 500. Anything else is rethrown.
 */
export function rethrowBadInputAs400(lang: Lang) {
  return (err: unknown): never => {
    if (err instanceof ApiError && err.isBadUserInput) error(400, t(lang, 'error.badRequest'));
    throw err;
  };
}
