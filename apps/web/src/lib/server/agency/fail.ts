import { fail } from '@sveltejs/kit';
import type { Lang } from '$lib/i18n';
import { ApiError } from '$lib/server/api/client';
import { apiMessageIn } from '$lib/server/forms/account';
import { failFromApi } from '$lib/server/forms/actions';

/**
 * Like `failFromApi`, and NOT_FOUND / FORBIDDEN (someone else decided first, the kampung was removed,
 * a pendamping outside her kampung) become a message above the form instead of an error page.
 */
export function agencyFail<F extends string, V>(
  error: unknown,
  fields: Partial<Record<string, F>>,
  values: V,
  lang: Lang
) {
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) {
    return fail(error.code === 'NOT_FOUND' ? 404 : 403, {
      fieldErrors: {} as Partial<Record<F, string>>,
      formError: apiMessageIn(lang, error.message),
      values
    });
  }
  return failFromApi<F, V>(error, fields, values, lang);
}
