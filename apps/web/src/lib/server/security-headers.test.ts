import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('always forbids MIME sniffing and keeps page paths out of the Referer', () => {
    for (const production of [false, true]) {
      expect(securityHeaders(production)).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' });
    }
  });

  it('asks browsers for HTTPS only in production', () => {
    expect(securityHeaders(true)['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(securityHeaders(false)).not.toHaveProperty('strict-transport-security');
  });
});
