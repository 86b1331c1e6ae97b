import { describe, expect, it } from 'vitest';
import { caller, resetIdentifierCookieOptions, SESSION_COOKIE, sessionCookieOptions } from './session';

const expiresAt = '2026-12-28T01:00:00.000Z';

describe('sessionCookieOptions', () => {
  it('is HTTP-only, SameSite=Lax, whole site, and expires with the session', () => {
    const options = sessionCookieOptions(new URL('http://localhost:3000/masuk'), expiresAt);
    expect(options).toEqual({
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
      expires: new Date(expiresAt)
    });
  });

  it('is Secure over https', () => {
    expect(sessionCookieOptions(new URL('https://karya-ibu.example.id/masuk'), expiresAt).secure).toBe(true);
  });

  it('is Secure in production on a real host even behind plain http, but not on localhost', () => {
    expect(sessionCookieOptions(new URL('http://karya-ibu.example.id/'), expiresAt, { production: true }).secure).toBe(true);
    expect(sessionCookieOptions(new URL('http://localhost:3000/'), expiresAt, { production: true }).secure).toBe(false);
    expect(sessionCookieOptions(new URL('http://127.0.0.1:3000/'), expiresAt, { production: true }).secure).toBe(false);
  });

  it('refuses an expiry that is not a date', () => {
    expect(() => sessionCookieOptions(new URL('http://localhost/'), 'soon')).toThrow(RangeError);
  });
});

describe('resetIdentifierCookieOptions', () => {
  it('is HTTP-only, limited to the reset pages and to the life of a code', () => {
    expect(resetIdentifierCookieOptions(new URL('https://karya-ibu.example.id/lupa-sandi'))).toEqual({
      path: '/lupa-sandi',
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      maxAge: 900
    });
  });
});

describe('caller', () => {
  const cookies = (value?: string) =>
    ({ get: (name: string) => (name === SESSION_COOKIE ? value : undefined) }) as Parameters<typeof caller>[0]['cookies'];

  it('sends the session token, none when anonymous', () => {
    expect(caller({ cookies: cookies('tok_123') })).toEqual({ token: 'tok_123' });
    expect(caller({ cookies: cookies(undefined) })).toEqual({ token: null });
  });
});
