import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { nextWitaMidnight, VISITOR_COOKIE, visitorId } from './visitor';

function jar(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const set: { name: string; value: string; options: Parameters<Cookies['set']>[2] }[] = [];
  return {
    set,
    cookies: {
      get: (name: string) => values.get(name),
      set: (name: string, value: string, options: Parameters<Cookies['set']>[2]) => {
        values.set(name, value);
        set.push({ name, value, options });
      }
    }
  };
}

describe('nextWitaMidnight', () => {
  it('is 16:00 UTC of the same UTC day before then, of the next one after', () => {
    expect(nextWitaMidnight(new Date('2026-11-28T10:00:00Z'))).toEqual(new Date('2026-11-28T16:00:00Z'));
    expect(nextWitaMidnight(new Date('2026-11-28T15:59:59Z'))).toEqual(new Date('2026-11-28T16:00:00Z'));
    expect(nextWitaMidnight(new Date('2026-11-28T16:00:00Z'))).toEqual(new Date('2026-11-29T16:00:00Z'));
  });
});

describe('visitorId', () => {
  const site = new URL('https://karya-ibu.example.id/produk/kain');
  const now = new Date('2026-11-28T10:00:00Z');

  it('makes a random id on the first visit, HTTP-only until midnight WITA', () => {
    const { cookies, set } = jar();
    const id = visitorId(cookies, site, now);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(set).toEqual([
      { name: VISITOR_COOKIE, value: id, options: { path: '/', httpOnly: true, sameSite: 'lax', secure: true, expires: new Date('2026-11-28T16:00:00Z') } }
    ]);
    expect(visitorId(cookies, site, now)).toBe(id);
    expect(set).toHaveLength(1);
  });

  it('gives every new browser its own id', () => {
    expect(visitorId(jar().cookies, site, now)).not.toBe(visitorId(jar().cookies, site, now));
  });

  it('keeps the id it made, and replaces anything else', () => {
    const ours = '0b6f3f4e-8d1c-4f0e-9a51-2f4d8f3c9a10';
    expect(visitorId(jar({ [VISITOR_COOKIE]: ours }).cookies, site, now)).toBe(ours);
    expect(visitorId(jar({ [VISITOR_COOKIE]: 'x'.repeat(500) }).cookies, site, now)).not.toBe('x'.repeat(500));
  });
});
