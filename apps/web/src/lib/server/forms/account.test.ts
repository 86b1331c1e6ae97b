import { describe, expect, it } from 'vitest';
import {
  isIdentifier,
  validateLogin,
  validateRegister,
  validateReset,
  validateResetRequest
} from './account';

const formData = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(entries)) form.set(key, value);
  return form;
};

describe('isIdentifier', () => {
  it('accepts a phone or an email', () => {
    expect(isIdentifier('0812 3456 7890')).toBe(true);
    expect(isIdentifier('ibu.sari@contoh.id')).toBe(true);
    expect(isIdentifier('ibu.sari@contoh')).toBe(false);
    expect(isIdentifier('sari')).toBe(false);
  });
});

describe('validateRegister', () => {
  it('accepts a phone-only registration and trims the name', () => {
    const result = validateRegister(
      formData({ displayName: '  Ibu   Sari ', phone: '0812 3456 7890', email: '', password: 'rahasia123' }),
      'id'
    );
    expect(result).toEqual({
      ok: true,
      input: { displayName: 'Ibu Sari', phone: '0812 3456 7890', email: null, password: 'rahasia123' }
    });
  });

  it('reports every problem at once, in the chosen language', () => {
    const result = validateRegister(formData({ displayName: 'S', phone: '12345', email: 'sari@', password: 'pendek' }), 'en');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      displayName: 'The name needs 2–80 characters.',
      phone: 'Enter an Indonesian mobile number, e.g. 0812 3456 7890.',
      email: 'The email address is not valid, e.g. name@email.com.',
      password: 'The password needs at least 8 characters.'
    });
  });

  it('asks for a phone when neither phone nor email is given', () => {
    const result = validateRegister(formData({ displayName: 'Ibu Sari', password: 'rahasia123' }), 'id');
    expect(result.ok ? {} : result.fieldErrors).toEqual({ phone: 'Isi nomor HP (atau email di bawah).' });
  });

  it('does not trim the password', () => {
    const result = validateRegister(formData({ displayName: 'Ibu Sari', phone: '081234567890', password: ' 8 chars ' }), 'id');
    expect(result.ok && result.input.password).toBe(' 8 chars ');
  });
});

describe('validateLogin', () => {
  it('only checks that both fields are there', () => {
    expect(validateLogin(formData({ identifier: 'apa saja', password: 'x' }), 'id').ok).toBe(true);
    const result = validateLogin(formData({ identifier: ' ', password: '' }), 'id');
    expect(result.ok ? {} : result.fieldErrors).toEqual({
      identifier: 'Isi nomor HP atau email.',
      password: 'Isi kata sandi.'
    });
  });
});

describe('validateResetRequest and validateReset', () => {
  it('needs a phone or email to send a code to', () => {
    expect(validateResetRequest(formData({ identifier: '08123456789' }), 'id').ok).toBe(true);
    const result = validateResetRequest(formData({ identifier: 'sari' }), 'id');
    expect(result.ok ? {} : result.fieldErrors.identifier).toBe(
      'Tulis nomor HP (mis. 0812 3456 7890) atau alamat email.'
    );
  });

  it('accepts a 6-digit code typed with a space', () => {
    const result = validateReset(
      formData({ identifier: '08123456789', code: '123 456', newPassword: 'sandibaru1' }),
      'id'
    );
    expect(result).toEqual({
      ok: true,
      input: { identifier: '08123456789', code: '123456', newPassword: 'sandibaru1' }
    });
  });

  it('rejects a code that is not 6 digits and a short password', () => {
    const result = validateReset(formData({ identifier: '08123456789', code: '12a45', newPassword: 'short' }), 'id');
    expect(result.ok ? {} : result.fieldErrors).toEqual({
      code: 'Kode terdiri dari 6 angka.',
      newPassword: 'Kata sandi minimal 8 karakter.'
    });
  });
});
