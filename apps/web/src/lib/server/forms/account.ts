import { DISPLAY_NAME_LENGTH, normalizeEmail, normalizeIndonesianPhone, PASSWORD_LENGTH, RESET_CODE_LENGTH, within } from '@karya-ibu/types';
import { t, type Lang } from '$lib/i18n';

/**
 * Account forms (sign in, register, password reset): server-side checks that mirror the API's, so
 * a person sees every problem at once and in their language; the API stays the authority.
 */

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type Validated<F extends string, V> =
  | { ok: true; input: V }
  | { ok: false; fieldErrors: FieldErrors<F> };

export const isEmail = (input: string): boolean => normalizeEmail(input) !== null;

/** A phone number or an email: what the sign-in and reset forms accept. */
export function isIdentifier(input: string): boolean {
  return input.includes('@') ? isEmail(input) : normalizeIndonesianPhone(input) !== null;
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** Passwords are taken as typed (spaces count), never trimmed and never shown back. */
function secret(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

function passwordError(lang: Lang, password: string): string | undefined {
  if (password === '') return t(lang, 'account.error.passwordRequired');
  if (!within(password.length, PASSWORD_LENGTH)) {
    return t(lang, 'account.error.passwordLength', { min: PASSWORD_LENGTH.min });
  }
  return undefined;
}

function identifierError(lang: Lang, identifier: string): string | undefined {
  if (identifier === '') return t(lang, 'account.error.identifierRequired');
  if (!isIdentifier(identifier)) return t(lang, 'account.error.identifierInvalid');
  return undefined;
}

function result<F extends string, V>(fieldErrors: FieldErrors<F>, input: V): Validated<F, V> {
  return Object.values(fieldErrors).some(Boolean) ? { ok: false, fieldErrors } : { ok: true, input };
}

// ---------------------------------------------------------------------------------------------

export type LoginField = 'identifier' | 'password';
export interface LoginValues {
  identifier: string;
}

export function loginValues(form: FormData): LoginValues {
  return { identifier: text(form, 'identifier') };
}

export function validateLogin(form: FormData, lang: Lang): Validated<LoginField, { identifier: string; password: string }> {
  const { identifier } = loginValues(form);
  const password = secret(form, 'password');
  // Only "is it there": a wrong format gets the same answer as a wrong password from the API.
  return result<LoginField, { identifier: string; password: string }>(
    {
      identifier: identifier === '' ? t(lang, 'account.error.identifierRequired') : undefined,
      password: password === '' ? t(lang, 'account.error.passwordRequired') : undefined
    },
    { identifier, password }
  );
}

export type RegisterField = 'displayName' | 'phone' | 'email' | 'password';
export interface RegisterValues {
  displayName: string;
  phone: string;
  email: string;
}

export function registerValues(form: FormData): RegisterValues {
  return {
    displayName: text(form, 'displayName').replace(/\s+/g, ' '),
    phone: text(form, 'phone'),
    email: text(form, 'email')
  };
}

export interface RegisterInputValues {
  displayName: string;
  phone: string | null;
  email: string | null;
  password: string;
}

export function validateRegister(form: FormData, lang: Lang): Validated<RegisterField, RegisterInputValues> {
  const values = registerValues(form);
  const password = secret(form, 'password');
  const errors: FieldErrors<RegisterField> = {};

  if (!within(values.displayName.length, DISPLAY_NAME_LENGTH)) {
    errors.displayName = values.displayName
      ? t(lang, 'account.error.nameLength', DISPLAY_NAME_LENGTH)
      : t(lang, 'account.error.nameRequired');
  }
  if (values.phone && !normalizeIndonesianPhone(values.phone)) errors.phone = t(lang, 'account.error.phoneInvalid');
  if (values.email && !isEmail(values.email)) errors.email = t(lang, 'account.error.emailInvalid');
  if (!values.phone && !values.email) errors.phone = t(lang, 'account.error.phoneRequired');
  errors.password = passwordError(lang, password);

  return result(errors, {
    displayName: values.displayName,
    phone: values.phone || null,
    email: values.email || null,
    password
  });
}

export type ResetRequestField = 'identifier';

export function validateResetRequest(form: FormData, lang: Lang): Validated<ResetRequestField, { identifier: string }> {
  const { identifier } = loginValues(form);
  return result<ResetRequestField, { identifier: string }>(
    { identifier: identifierError(lang, identifier) },
    { identifier }
  );
}

export type ResetField = 'identifier' | 'code' | 'newPassword';
export interface ResetValues {
  identifier: string;
  code: string;
}

export function resetValues(form: FormData): ResetValues {
  // People copy codes as "123 456" from an SMS.
  return { identifier: text(form, 'identifier'), code: text(form, 'code').replace(/[\s-]/g, '') };
}

export function validateReset(
  form: FormData,
  lang: Lang
): Validated<ResetField, { identifier: string; code: string; newPassword: string }> {
  const values = resetValues(form);
  const newPassword = secret(form, 'newPassword');
  const errors: FieldErrors<ResetField> = {
    identifier: identifierError(lang, values.identifier),
    newPassword: passwordError(lang, newPassword)
  };
  if (values.code === '') errors.code = t(lang, 'account.error.codeRequired');
  else if (!new RegExp(`^\\d{${RESET_CODE_LENGTH}}$`).test(values.code)) {
    errors.code = t(lang, 'account.error.codeFormat', { length: RESET_CODE_LENGTH });
  }
  return result(errors, { ...values, newPassword });
}
