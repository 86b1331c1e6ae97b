import { randomBytes } from 'node:crypto';
import { LoginDocument, ProductsSearchCountDocument } from './generated/graphql.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './harness/test-app.js';

const LOGIN = LoginDocument;
const SEARCH = ProductsSearchCountDocument;
/** A thrown code, an error result's code (a wrong password: INVALID_CREDENTIALS), else OK. */
const codeOf = (response: GraphQLResponse<Record<string, unknown>>) =>
  response.errors?.[0]?.extensions?.code ?? (Object.values(response.data ?? {})[0] as { errorCode?: string } | undefined)?.errorCode ?? 'OK';

/** Rate limits count the caller's real address: a direct caller cannot pick one. */
describe('client addresses and rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SEARCH_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  // 100 failures a day per address across accounts: a caller choosing a new address each time would never reach it.
  const stuff = async (headers: (i: number) => Record<string, string>) => {
    const outcomes = [];
    for (let i = 0; i < 101; i++) outcomes.push(codeOf(await t.gql(LOGIN, { identifier: `0812888${String(i).padStart(5, '0')}`, password: 'tebak-tebak' }, { headers: headers(i) })));
    return outcomes;
  };

  it('counts a direct caller by its socket: X-Forwarded-For or a client address without the storefront secret change nothing', async () => {
    // Each sign-in from a "new" address, for a new account: believed, they would never reach the limit.
    expect(await stuff((i) => ({ 'x-forwarded-for': `198.51.100.${i}` }))).toEqual([...Array(100).fill('INVALID_CREDENTIALS'), 'TOO_MANY_REQUESTS']);
    const wrongSecret = randomBytes(32).toString('base64url');
    const unvouched: Record<string, string>[] = [{ 'x-client-address': '198.51.100.200' }, { 'x-client-address': '198.51.100.201', 'x-client-address-secret': wrongSecret }];
    for (const headers of unvouched) {
      expect(codeOf(await t.gql(LOGIN, { identifier: '081288899999', password: 'tebak-tebak' }, { headers }))).toBe('TOO_MANY_REQUESTS');
    }
    // The visitor the storefront vouches for (with the secret) is counted, not the storefront.
    expect(codeOf(await t.gql(LOGIN, { identifier: '081288899999', password: 'tebak-tebak' }, { ip: '198.51.100.7' }))).toBe('INVALID_CREDENTIALS');
  });

  it('limits searches per address with HTTP 429 and Retry-After; browsing without a search is not counted', async () => {
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(codeOf(await t.gql(SEARCH, { q: `batik ${i}` }, { ip: '198.51.100.20' })));
    expect(outcomes).toEqual([...Array(5).fill('OK'), 'TOO_MANY_REQUESTS']);

    const limited = await t.gql(SEARCH, { q: 'tas' }, { ip: '198.51.100.20' });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.errors![0].extensions!.retryAfterSeconds).toBe(retryAfter);

    expect(codeOf(await t.gql(SEARCH, { q: null }, { ip: '198.51.100.20' }))).toBe('OK');
    expect(codeOf(await t.gql(SEARCH, { q: '   ' }, { ip: '198.51.100.20' }))).toBe('OK');
    expect(codeOf(await t.gql(SEARCH, { q: 'tas' }, { ip: '198.51.100.21' }))).toBe('OK');
  });

  it('counts an IPv6 client by its /64, so rotating addresses inside it does not help', async () => {
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(codeOf(await t.gql(SEARCH, { q: 'kain' }, { ip: `2001:db8:7:1::${i + 1}` })));
    expect(outcomes).toEqual([...Array(5).fill('OK'), 'TOO_MANY_REQUESTS']);
    expect(codeOf(await t.gql(SEARCH, { q: 'kain' }, { ip: '2001:db8:7:2::1' }))).toBe('OK');
  });
});

describe('TRUST_PROXY', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'loopback', SEARCH_LIMIT_PER_MINUTE: '1' });
  });
  afterAll(() => t.close());

  it('believes X-Forwarded-For from the proxies it names (an ingress in front of the API)', async () => {
    const search = (forwardedFor: string) => t.gql(SEARCH, { q: 'batik' }, { headers: { 'x-forwarded-for': forwardedFor } }).then(codeOf);
    expect([await search('198.51.100.30'), await search('198.51.100.30'), await search('198.51.100.31')]).toEqual(['OK', 'TOO_MANY_REQUESTS', 'OK']);
  });
});
