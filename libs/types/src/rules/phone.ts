/** `0812-3456-7890`, `62812…`, `+62 812 …` → `+62812…` (E.164); null when it is not an Indonesian mobile number. */
export function normalizeIndonesianPhone(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '');
  let national: string;
  if (/^\+62\d+$/.test(compact)) national = compact.slice(3);
  else if (/^62\d+$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  // Mobile numbers start with 8 and have 9 to 12 digits after the country code.
  return /^8\d{8,11}$/.test(national) ? `+62${national}` : null;
}
