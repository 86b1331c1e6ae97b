import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { EntityKind, ErrorCode, InputProblem, PayoutStatus, PhotoFileProblem, RosterFileProblem } from '@karya-ibu/types';
import { dictionaries, LANGS } from '$lib/i18n';
import { ApiError } from '$lib/server/api/client';
import { errorResultMessage, isFailure, submit, type ErrorResultLike } from './result';

const event = (lang: 'id' | 'en' = 'id') => ({ url: new URL('http://localhost/dashboard/produk/baru?penjual=x'), locals: { lang, actor: null } });
const values = { title: 'Kain' };
const invalid = (field: string, problem: InputProblem, min: number | null = null, max: number | null = null): ErrorResultLike => ({
  __typename: 'InvalidInputError',
  errorCode: ErrorCode.InvalidInput,
  message: 'English for developers',
  field,
  problem,
  min,
  max
});

describe('errorResultMessage', () => {
  it('words every error code in both languages (a new code needs words before it ships)', () => {
    for (const lang of LANGS) {
      for (const code of Object.values(ErrorCode)) expect(dictionaries[lang], code).toHaveProperty([`result.${code}`]);
    }
  });

  it('words a field problem by the field when it has its own words, else by the problem, with the bounds in her notation', () => {
    expect(errorResultMessage('id', invalid('input.phone', InputProblem.BadFormat))).toBe('Tulis nomor HP Indonesia, mis. 0812 3456 7890.');
    expect(errorResultMessage('id', invalid('input.title', InputProblem.TooLong, 3, 120))).toBe('Terlalu panjang: paling banyak 120 huruf.');
    expect(errorResultMessage('id', invalid('input.stock', InputProblem.OutOfRange, 0, 10000))).toBe('Tulis bilangan bulat 0–10.000.');
    expect(errorResultMessage('en', invalid('input.stock', InputProblem.OutOfRange, 0, 10000))).toBe('Enter a whole number from 0 to 10,000.');
    expect(errorResultMessage('id', invalid('input.weightGrams', InputProblem.OutOfRange))).toBe('Di luar batas yang diizinkan.');
    expect(errorResultMessage('id', invalid('input.priceIdr', InputProblem.OutOfRange, 1, 100000000))).toBe('Harga harus lebih dari Rp 0 dan paling banyak Rp 100.000.000.');
  });

  it('words results by their typed fields: what was not found, which limit, which line', () => {
    expect(errorResultMessage('en', { __typename: 'NotFoundError', errorCode: ErrorCode.NotFound, message: '', entity: EntityKind.Photo })).toBe('This photo is gone. Reload the page.');
    expect(errorResultMessage('id', { __typename: 'PhotoFileError', errorCode: ErrorCode.PhotoFileRejected, message: '', photoProblem: PhotoFileProblem.TooLarge, max: 15 * 1024 * 1024 })).toBe('Foto paling besar 15 MB.');
    expect(errorResultMessage('id', { __typename: 'TooManyPhotosError', errorCode: ErrorCode.TooManyPhotos, message: '', maxPhotos: 8 })).toBe('Paling banyak 8 foto per produk.');
    expect(
      errorResultMessage('en', { __typename: 'RosterFileError', errorCode: ErrorCode.RosterFileUnreadable, message: '', fileProblem: RosterFileProblem.UnclosedQuote, line: 4, columns: [], max: null })
    ).toBe('Line 4: a quote (") is opened and never closed.');
    expect(errorResultMessage('id', { __typename: 'InvalidCredentialsError', errorCode: ErrorCode.InvalidCredentials, message: 'Wrong phone/email or password' })).toBe(
      'Nomor HP/email atau kata sandi salah.'
    );
  });

  it('words the money results by their typed fields: the payout’s state, the minimum of a run', () => {
    expect(errorResultMessage('id', { __typename: 'PayoutNotAllowedError', errorCode: ErrorCode.NotAllowedNow, message: '', payoutStatus: PayoutStatus.Returned })).toBe(
      'Pencairan ini sudah dikembalikan bank; uangnya kembali ke saldo untuk pencairan berikutnya.'
    );
    expect(errorResultMessage('en', { __typename: 'NothingToPayError', errorCode: ErrorCode.NotAllowedNow, message: '', minimumIdr: '50000' })).toBe(
      'No seller has Rp 50.000 or more ready to pay out now (payout details changed in the last 24 hours are held).'
    );
    expect(errorResultMessage('id', { __typename: 'PayoutNotFoundError', errorCode: ErrorCode.NotFound, message: '' })).toBe('Pencairan ini tidak ditemukan.');
  });

  it('never shows the API’s English message', () => {
    expect(errorResultMessage('id', invalid('input.somethingNew', InputProblem.Required))).toBe('Wajib diisi.');
  });
});

describe('submit', () => {
  const fields = { 'input.title': 'title' } as const;

  it('answers the success member as it is', async () => {
    const product = { __typename: 'Product' as const, id: 'p1' };
    expect(await submit(event(), Promise.resolve(product), { fields, values })).toBe(product);
  });

  it('puts an error result beside its field, in her words, with what she typed', async () => {
    const outcome = await submit(event('en'), Promise.resolve(invalid('input.title', InputProblem.TooShort, 3, 120)), { fields, values });
    expect(isFailure(outcome) && { status: outcome.status, data: outcome.data }).toEqual({
      status: 400,
      data: { fieldErrors: { title: 'Too short: at least 3 characters.' }, formError: undefined, values }
    });
  });

  it('puts an error result the form has no field for above the form, with its status', async () => {
    const notYours = { __typename: 'NotYourSellerError' as const, errorCode: ErrorCode.NotYourSeller, message: 'You do not assist this seller' };
    const outcome = await submit(event(), Promise.resolve(notYours), { fields, values });
    expect(isFailure(outcome) && { status: outcome.status, formError: outcome.data.formError }).toEqual({ status: 403, formError: 'Anda tidak mendampingi penjual ini.' });
  });

  it("uses the form's own words for an error code when it gives them, and the general words otherwise", async () => {
    const notNow = { __typename: 'TransitionNotAllowedError' as const, errorCode: ErrorCode.NotAllowedNow, message: 'This order is not flagged' };
    const own = await submit(event(), Promise.resolve(notNow), { fields, values, messages: { NOT_ALLOWED_NOW: 'staff.order.flag.error.notFlagged' } });
    expect(isFailure(own) && own.data.formError).toBe('Pesanan ini tidak ditandai lagi: mungkin sudah ditangani orang lain. Muat ulang halaman.');
    const general = await submit(event(), Promise.resolve(notNow), { fields, values });
    expect(isFailure(general) && general.data.formError).toBe('Belum dapat dilakukan sekarang.');
  });

  it('words thrown limits and refusals, and sends a session that ended to sign in and back', async () => {
    const limited = await submit(event(), Promise.reject(new ApiError('TOO_MANY_REQUESTS', 'Too many attempts: try again in 2 min.', 429, undefined, { retryAfterSeconds: 90 })), { values });
    expect(isFailure(limited) && [limited.status, limited.data.formError]).toEqual([429, 'Terlalu banyak percobaan. Coba lagi dalam 2 menit.']);
    const forbidden = await submit(event('en'), Promise.reject(new ApiError('FORBIDDEN', 'Your account may not do this.')), { values });
    expect(isFailure(forbidden) && [forbidden.status, forbidden.data.formError]).toEqual([403, 'Your account may not do this.']);
    const malformed = await submit(event('en'), Promise.reject(new ApiError('BAD_USER_INPUT', 'input.title: no', 400, undefined, { field: 'input.title' })), { fields, values });
    expect(isFailure(malformed) && malformed.data.fieldErrors).toEqual({ title: 'This could not be read. Reload the page and try again.' });

    const ended = await submit(event(), Promise.reject(new ApiError('UNAUTHENTICATED', 'Sign in first.')), { values }).catch((thrown: unknown) => thrown);
    expect(isRedirect(ended) && ended.location).toBe(`/masuk?next=${encodeURIComponent('/dashboard/produk/baru?penjual=x')}`);
  });

  it('leaves failures that are not hers to fix to the error page', async () => {
    const broken = new ApiError('INTERNAL_SERVER_ERROR', 'Internal server error');
    await expect(submit(event(), Promise.reject(broken), { values })).rejects.toBe(broken);
  });
});

describe('submit, for a result that names no field', () => {
  it('shows it beside the form field the form gives its code', async () => {
    const wrongCode = { __typename: 'InvalidResetCodeError' as const, errorCode: ErrorCode.InvalidResetCode, message: 'Wrong or expired code' };
    const outcome = await submit(event(), Promise.resolve(wrongCode), { fields: { INVALID_RESET_CODE: 'code' }, values });
    expect(isFailure(outcome) && outcome.data.fieldErrors).toEqual({ code: 'Kode salah atau sudah kedaluwarsa. Minta kode baru.' });
  });
});
