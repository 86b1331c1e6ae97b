import { normalizeEmail, normalizeIndonesianPhone } from '@karya-ibu/types/rules';

/** Sign-in identifiers: an Indonesian mobile number (stored E.164) or an email address. */
export type Identifier = { kind: 'phone'; value: string } | { kind: 'email'; value: string };

export function parseIdentifier(input: string): Identifier | null {
  const trimmed = input.trim();
  if (trimmed.includes('@')) {
    const email = normalizeEmail(trimmed);
    return email ? { kind: 'email', value: email } : null;
  }
  const phone = normalizeIndonesianPhone(trimmed);
  return phone ? { kind: 'phone', value: phone } : null;
}
