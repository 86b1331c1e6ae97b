import { describe, expect, it } from 'vitest';
import { vouchForVisitor } from './visitor';

const API = 'http://127.0.0.1:4000/graphql';
const SECRET = 's'.repeat(32);
const post = (url: string) => new Request(url, { method: 'POST', headers: { authorization: 'Bearer tok' }, body: '{"query":"{ me { id } }"}' });

describe('vouchForVisitor', () => {
  it("sends the API the visitor's address with the shared secret, keeping the request as it was", async () => {
    const request = vouchForVisitor(post(API), API, () => '203.0.113.7', SECRET);
    expect(request.headers.get('x-client-address')).toBe('203.0.113.7');
    expect(request.headers.get('x-client-address-secret')).toBe(SECRET);
    expect(request.headers.get('authorization')).toBe('Bearer tok');
    expect(request.method).toBe('POST');
    expect(await request.text()).toBe('{"query":"{ me { id } }"}');
  });

  it('tells nothing to anyone else, nothing without a secret, nothing when there is no visitor', () => {
    const untouched = (request: Request) => !request.headers.has('x-client-address') && !request.headers.has('x-client-address-secret');
    expect(untouched(vouchForVisitor(post('http://127.0.0.1:4569/karya-ibu/x'), API, () => '203.0.113.7', SECRET))).toBe(true);
    expect(untouched(vouchForVisitor(post(API), API, () => '203.0.113.7', null))).toBe(true);
    const prerendering = () => {
      throw new Error('no client address while prerendering');
    };
    expect(untouched(vouchForVisitor(post(API), API, prerendering, SECRET))).toBe(true);
  });
});
