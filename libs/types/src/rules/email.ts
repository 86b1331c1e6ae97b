import { EMAIL_MAX_LENGTH } from './limits.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Trimmed and lowercased, as accounts store it; null when it does not look like an email address. */
export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return EMAIL.test(email) && email.length <= EMAIL_MAX_LENGTH ? email : null;
}
