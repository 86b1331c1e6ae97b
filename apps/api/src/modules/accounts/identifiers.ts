/** Sign-in identifiers: an Indonesian mobile number (stored E.164) or an email address. */
export type Identifier = { kind: 'phone'; value: string } | { kind: 'email'; value: string };

/** `0812-3456-7890`, `62812…`, `+62 812 …` → `+62812…`; null when it is not an Indonesian mobile number. */
export function normalizeIndonesianPhone(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '');
  let national: string;
  if (/^\+62\d+$/.test(compact)) national = compact.slice(3);
  else if (/^62\d+$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  // Mobile numbers start with 8 and have 9 to 12 digits after the country code.
  if (!/^8\d{8,11}$/.test(national)) return null;
  return `+62${national}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return EMAIL.test(email) && email.length <= 254 ? email : null;
}

export function parseIdentifier(input: string): Identifier | null {
  const trimmed = input.trim();
  if (trimmed.includes('@')) {
    const email = normalizeEmail(trimmed);
    return email ? { kind: 'email', value: email } : null;
  }
  const phone = normalizeIndonesianPhone(trimmed);
  return phone ? { kind: 'phone', value: phone } : null;
}
