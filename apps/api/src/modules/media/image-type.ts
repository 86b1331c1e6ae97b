/** What a file really is, from its first bytes (the name and the declared type can lie). */
export type DetectedImageType = 'jpeg' | 'png' | 'webp' | 'heic' | 'unknown';

export const MAGIC_BYTES_NEEDED = 16;

export function detectImageType(head: Buffer): DetectedImageType {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  // ISO-BMFF "ftyp" box with a HEIF brand: what iPhones save by default.
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp' && /^(heic|heix|hevc|heim|heis|mif1|msf1|avif)$/.test(head.toString('latin1', 8, 12))) return 'heic';
  return 'unknown';
}

export const CONTENT_TYPES: Record<'jpeg' | 'png' | 'webp', string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
