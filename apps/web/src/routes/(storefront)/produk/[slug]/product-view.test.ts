import type { Cookies } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { VISITOR_COOKIE } from '$lib/server/visitor';
import { SESSION_COOKIE } from '$lib/server/session';
import { load } from './+page.server';
import { GET } from './dilihat/+server';

vi.mock('$lib/server/env', () => ({
  config: () => ({ apiUrl: 'http://api.test/graphql', production: false, clientAddressSecret: null })
}));

const PRODUCT = {
  id: 'p-1',
  slug: 'kain-batik-tulis',
  title: 'Kain Batik Tulis',
  description: 'Kain batik tulis buatan tangan.',
  priceIdr: '350000',
  stock: 2,
  status: 'ACTIVE',
  category: 'KAIN_BATIK',
  technique: 'TULIS',
  material: 'Katun',
  dye: 'NATURAL',
  size: null,
  weightGrams: 300,
  createdAt: '2026-11-01T00:00:00Z',
  motif: null,
  photos: [],
  seller: { id: 's-1', slug: 'retno', displayName: 'Retno Wulandari', isDemo: true, whatsappUrl: 'https://wa.me/6281200000001', kampung: { id: 'k-1', slug: 'karang-jati', name: 'Karang Jati' }, trainings: [] }
};

/** The API as the storefront's server sees it: records each operation, answers only those it knows. */
function api(answers: Record<string, unknown>) {
  const calls: { operation: string; variables: Record<string, unknown>; authorization: string | null }[] = [];
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    const operation = /^(?:query|mutation) (\w+)/m.exec(body.query)![1];
    calls.push({ operation, variables: body.variables, authorization: new Headers(init?.headers).get('authorization') });
    if (!(operation in answers)) throw new Error(`unexpected operation ${operation}`);
    const answer = answers[operation];
    if (answer instanceof Error) return Response.json({ errors: [{ message: answer.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    return Response.json({ data: answer });
  });
  return { calls, fetch: fetch as unknown as typeof globalThis.fetch };
}

function jar(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const set = vi.fn((name: string, value: string) => void values.set(name, value));
  return { set, cookies: { get: (name: string) => values.get(name), set, getAll: () => [], delete: vi.fn(), serialize: vi.fn() } as unknown as Cookies };
}

const url = new URL('http://localhost:3000/produk/kain-batik-tulis');

describe('the product page', () => {
  it('renders from the product alone: no view is counted by its load (a prefetch runs it too)', async () => {
    const { calls, fetch } = api({ ProductDetail: { product: PRODUCT } });
    const cookies = jar();
    const event = { fetch, params: { slug: PRODUCT.slug }, url, locals: { lang: 'id', actor: null }, cookies: cookies.cookies };
    const data = await load(event as never);
    expect(data && 'product' in data && data.product.slug).toBe(PRODUCT.slug);
    expect(calls.map((c) => c.operation)).toEqual(['ProductDetail']);
    expect(cookies.set).not.toHaveBeenCalled();
  });
});

describe('the view beacon /produk/[slug]/dilihat', () => {
  let visitor: string;
  beforeEach(() => {
    visitor = crypto.randomUUID();
  });

  it("counts the view for this browser and her session, and answers an image nobody caches", async () => {
    const { calls, fetch } = api({ RecordProductView: { recordProductView: true } });
    const cookies = jar({ [VISITOR_COOKIE]: visitor, [SESSION_COOKIE]: 'token-1' });
    const response = await GET({ fetch, params: { slug: PRODUCT.slug }, url: new URL(`${url}/dilihat`), cookies: cookies.cookies } as never);

    expect(calls).toEqual([{ operation: 'RecordProductView', variables: { slug: PRODUCT.slug, visitorId: visitor }, authorization: 'Bearer token-1' }]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/gif');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(new TextDecoder().decode((await response.arrayBuffer()).slice(0, 6))).toBe('GIF89a');
  });

  it('gives a first-time visitor her id for the day', async () => {
    const { calls, fetch } = api({ RecordProductView: { recordProductView: true } });
    const cookies = jar();
    await GET({ fetch, params: { slug: PRODUCT.slug }, url: new URL(`${url}/dilihat`), cookies: cookies.cookies } as never);
    expect(cookies.set).toHaveBeenCalledWith(VISITOR_COOKIE, expect.stringMatching(/^[0-9a-f-]{36}$/), expect.objectContaining({ httpOnly: true }));
    expect(calls[0].variables.visitorId).toBe(cookies.set.mock.calls[0][1]);
  });

  it('still answers the image when the API cannot count', async () => {
    const { fetch } = api({ RecordProductView: new Error('database down') });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await GET({ fetch, params: { slug: PRODUCT.slug }, url: new URL(`${url}/dilihat`), cookies: jar({ [VISITOR_COOKIE]: visitor }).cookies } as never);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/gif');
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
