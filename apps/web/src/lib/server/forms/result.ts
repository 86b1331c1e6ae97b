import { fail, isActionFailure, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { ErrorResultFieldsFragment } from '@karya-ibu/types';
import { safeNext, withNext } from '$lib/account/next';
import { formatRupiah } from '$lib/format/money';
import { dictionaries, localeOf, t, type Lang, type MessageKey } from '$lib/i18n';
import { ApiError } from '$lib/server/api/client';
import type { FieldErrors } from './account';

/**
 * The one way a form action turns what a mutation answers into what the person sees. A mutation
 * answers its success type or an error result (`...ErrorResultFields` in every operation); some
 * failures are thrown (sign in again, not allowed, too many tries). Every word comes from the i18n
 * files, keyed by `errorCode` and the result's typed fields; the API's English `message` is never shown.
 */

/** What every error result of the web's operations carries (the ErrorResultFields fragment). */
export type ErrorResultLike = ErrorResultFieldsFragment;

type Typed = { __typename: string };
/** The success member of a mutation's result union. */
export type SuccessOf<R> = Exclude<R, { errorCode: unknown }>;

export const isErrorResult = <R extends Typed>(result: R): result is Extract<R, { errorCode: unknown }> => 'errorCode' in result;

/** The standard failure of a form: messages beside the fields, one above the form, what she typed. */
export interface FormFailure<F extends string, V> {
  fieldErrors: FieldErrors<F>;
  formError: string | undefined;
  values: V;
}

export interface FormOptions<F extends string, V> {
  /**
   * Which form field what the API names belongs to: an input path (`input.phone` → `phone`), or the
   * code of a result that names no field (`INVALID_RESET_CODE` → `code`). Its message goes beside it.
   */
  fields?: Partial<Record<string, F>>;
  /** What to show in the form again. */
  values: V;
  /** This form's own words for an error code, where the general ones would not say enough (NOT_ALLOWED_NOW: why, here). */
  messages?: Partial<Record<string, MessageKey>>;
}

type Event = Pick<RequestEvent, 'url' | 'locals'>;

const isMessageKey = (key: string): key is MessageKey => key in dictionaries.id;
/** The first of these keys that has words; the code's own key otherwise (every code has one: i18n test). */
const pick = (code: string, ...keys: string[]): MessageKey => keys.find(isMessageKey) ?? (`result.${code}` as MessageKey);

/** Her words for an error result: its code, refined by its typed fields; numbers written her way (10.000). */
export function errorResultMessage(lang: Lang, error: ErrorResultLike): string {
  const number = (value: number | null | undefined) => (value == null ? '' : value.toLocaleString(localeOf(lang)));
  const code = error.errorCode;
  switch (error.__typename) {
    case 'InvalidInputError': {
      const bounded = error.min != null && error.max != null;
      const key = pick(
        code,
        `result.INVALID_INPUT.${error.field}.${error.problem}`,
        bounded ? `result.INVALID_INPUT.${error.problem}.bounded` : '',
        `result.INVALID_INPUT.${error.problem}`
      );
      return t(lang, key, { min: number(error.min), max: number(error.max) });
    }
    case 'AlreadyExistsError':
      return t(lang, pick(code, `result.ALREADY_EXISTS.${error.field}`));
    case 'NotFoundError':
      return t(lang, pick(code, `result.NOT_FOUND.${error.entity}`));
    case 'PhotoFileError': {
      // Bytes and pixels as she counts them: MB and megapixels.
      const max = error.max == null ? null : error.photoProblem === 'TOO_LARGE' ? error.max / 1024 / 1024 : Math.round(error.max / 1e6);
      return t(lang, pick(code, `result.PHOTO_FILE_REJECTED.${error.photoProblem}`), { max: number(max) });
    }
    case 'TooManyPhotosError':
      return t(lang, pick(code), { max: number(error.maxPhotos) });
    case 'PayoutNotAllowedError':
      return t(lang, pick(code, `result.NOT_ALLOWED_NOW.payout.${error.payoutStatus}`));
    case 'NothingToPayError':
      return t(lang, pick(code, 'result.NOT_ALLOWED_NOW.nothingToPay'), { minimum: formatRupiah(error.minimumIdr) });
    case 'PayoutNotFoundError':
      return t(lang, pick(code, 'result.NOT_FOUND.PAYOUT'));
    case 'RosterFileError':
      return t(lang, pick(code, `result.ROSTER_FILE_UNREADABLE.${error.fileProblem}`), {
        line: number(error.line),
        columns: error.columns.join(', '),
        max: number(error.max)
      });
    default:
      return t(lang, pick(code));
  }
}

/** The HTTP status of a form failure for an error result: the thing is gone, or not hers to act on; else 400. */
const RESULT_STATUS: Partial<Record<string, 403 | 404>> = { NOT_FOUND: 404, NOT_YOUR_SELLER: 403, SELLER_NOT_VERIFIED: 403 };

/** A thrown error she can act on, in her words, with its status (null: not hers to fix, let it reach the error page). */
export function thrownErrorMessage(lang: Lang, error: unknown): { status: 400 | 403 | 404 | 429; message: string; field?: string } | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'TOO_MANY_REQUESTS': {
      const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
      return { status: 429, message: t(lang, 'error.thrown.TOO_MANY_REQUESTS', { minutes }) };
    }
    case 'FORBIDDEN':
      return { status: 403, message: t(lang, 'error.thrown.FORBIDDEN') };
    case 'NOT_FOUND':
      return { status: 404, message: t(lang, 'error.thrown.NOT_FOUND') };
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED':
      return { status: 400, message: t(lang, 'error.thrown.BAD_USER_INPUT'), field: error.field };
    default:
      return null;
  }
}

function failure<F extends string, V>(options: FormOptions<F, V>, field: string | undefined, message: string): FormFailure<F, V> {
  const formField = field ? options.fields?.[field] : undefined;
  return formField
    ? { fieldErrors: { [formField]: message } as FieldErrors<F>, formError: undefined, values: options.values }
    : { fieldErrors: {}, formError: message, values: options.values };
}

/** `fail()` for an error result: beside its field when the form has that field, else above the form. */
export function failWithResult<F extends string, V>(event: Event, error: ErrorResultLike, options: FormOptions<F, V>): ActionFailure<FormFailure<F, V>> {
  const own = options.messages?.[error.errorCode];
  const message = own ? t(event.locals.lang, own) : errorResultMessage(event.locals.lang, error);
  return fail(RESULT_STATUS[error.errorCode] ?? 400, failure(options, 'field' in error ? error.field : error.errorCode, message));
}

/**
 * `fail()` for a thrown error she can act on. A session that ended meanwhile goes to sign in and back
 * here; anything else (INTERNAL_SERVER_ERROR, the API unreachable) is rethrown to the error page,
 * which words it and shows the request id.
 */
export function failWithThrown<F extends string, V>(event: Event, error: unknown, options: FormOptions<F, V>): ActionFailure<FormFailure<F, V>> {
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
    redirect(303, withNext('/masuk', safeNext(`${event.url.pathname}${event.url.search}`)));
  }
  const thrown = thrownErrorMessage(event.locals.lang, error);
  if (!thrown) throw error;
  return fail(thrown.status, failure(options, thrown.field, thrown.message));
}

/**
 * Runs a mutation for a form action: its success member, or the `fail()` to return.
 *
 *   const session = await submit(event, query(fetch, LoginDocument, input, caller(event)).then((d) => d.login), { values });
 *   if (isFailure(session)) return session;
 */
export async function submit<R extends Typed, F extends string, V>(
  event: Event,
  call: Promise<R>,
  options: FormOptions<F, V>
): Promise<SuccessOf<R> | ActionFailure<FormFailure<F, V>>> {
  let result: R;
  try {
    result = await call;
  } catch (error) {
    return failWithThrown(event, error, options);
  }
  // Every operation selects the same fragment, so an error member is one of its types.
  return isErrorResult(result) ? failWithResult(event, result as unknown as ErrorResultLike, options) : (result as SuccessOf<R>);
}

/** Tells what `submit` answered apart (SvelteKit's own guard does not narrow a typed failure away). */
export const isFailure = <S, T>(outcome: S | ActionFailure<T>): outcome is ActionFailure<T> => isActionFailure(outcome);
