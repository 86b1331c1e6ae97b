import { isHttpError, type Cookies } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { SESSION_COOKIE } from '$lib/server/session';
import { dashboardContext } from './dashboard.server';

vi.mock('$lib/server/env', () => ({
  config: () => ({ apiUrl: 'http://api.test/graphql', production: false, clientAddressSecret: null })
}));

const RETNO = { id: '0b6d2a4e-8f1c-4c3a-9e2b-7d5f6a1b2c3d', slug: 'retno-wulandari', displayName: 'Retno Wulandari', status: 'VERIFIED', kampung: { id: 'k-1', name: 'Karang Jati' } };
const me = (roles: string[]) => ({ me: { id: 'u-1', displayName: 'Admin', roles, seller: null, pendampingKampungs: [] } });

/** The API: answers the operations it is given, in order; anything else fails the test. */
function api(answers: Record<string, unknown>) {
  const operations: string[] = [];
  const fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    const operation = /^(?:query|mutation) (\w+)/m.exec(body.query)![1];
    operations.push(operation);
    if (!(operation in answers)) throw new Error(`unexpected operation ${operation}`);
    const answer = answers[operation];
    if (answer instanceof Error) {
      return Response.json({ errors: [{ message: answer.message, extensions: { code: answer.name } }] });
    }
    return Response.json({ data: answer });
  }) as typeof globalThis.fetch;
  return { operations, fetch };
}

const event = (fetch: typeof globalThis.fetch, search = `?penjual=${RETNO.id}`) => ({
  fetch,
  url: new URL(`http://localhost:3000/dashboard${search}`),
  cookies: { get: (name: string) => (name === SESSION_COOKIE ? 'token-1' : undefined) } as unknown as Cookies,
  getClientAddress: () => '127.0.0.1',
  locals: { lang: 'id' as const, actor: { id: 'u-1', displayName: 'Admin', roles: [] } }
});

const forbidden = Object.assign(new Error('You do not assist this seller.'), { name: 'FORBIDDEN' });

describe('dashboardContext: whose shop ?penjual= opens', () => {
  it("opens another seller's shop for an ADMIN, because the API says she may", async () => {
    const { operations, fetch } = api({ DashboardMe: me(['BUYER', 'ADMIN']), DashboardManagedSeller: { managedSeller: RETNO } });
    const context = await dashboardContext(event(fetch) as never);
    expect(context).toMatchObject({
      onBehalf: true,
      sellerParam: RETNO.id,
      shop: { id: RETNO.id, displayName: 'Retno Wulandari', kampungName: 'Karang Jati', status: 'VERIFIED' }
    });
    expect(operations).toEqual(['DashboardMe', 'DashboardManagedSeller']);
  });

  it("opens it for her kampung's pendamping the same way", async () => {
    const { fetch } = api({
      DashboardMe: me(['BUYER', 'PENDAMPING']),
      DashboardAssistedSellers: { assistedSellers: [RETNO] },
      DashboardManagedSeller: { managedSeller: RETNO }
    });
    const context = await dashboardContext(event(fetch) as never);
    expect(context).toMatchObject({ isPendamping: true, onBehalf: true, shop: { id: RETNO.id } });
  });

  it('shows the 403 page, in her words, when the API refuses', async () => {
    const { fetch } = api({ DashboardMe: me(['BUYER']), DashboardManagedSeller: forbidden });
    const failure = await dashboardContext(event(fetch) as never).catch((error: unknown) => error);
    expect(isHttpError(failure, 403)).toBe(true);
    // Words of our own: the API's English message is not shown.
    expect((failure as { body: { message: string } }).body.message).toBe('Toko ini tidak Anda kelola: hanya penjualnya, pendamping kampungnya, dan admin.');
  });

  it('asks nothing more for her own dashboard', async () => {
    const { operations, fetch } = api({ DashboardMe: me(['BUYER']) });
    const context = await dashboardContext(event(fetch, '') as never);
    expect(context).toMatchObject({ onBehalf: false, shop: null, sellerParam: null });
    expect(operations).toEqual(['DashboardMe']);
  });
});
