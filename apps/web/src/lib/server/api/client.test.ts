import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { withRequestId } from '$lib/server/log';
import { query, type TypedDocumentNode } from './client';

const MOTIFS = parse('query Motifs { motifs { id } }') as TypedDocumentNode<{ motifs: { id: string }[] }, Record<string, never>>;

/** A fetch that records the headers of each call and answers like the API. */
function recordingFetch() {
  const sent: Headers[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    sent.push(new Headers(init.headers));
    return new Response(JSON.stringify({ data: { motifs: [] } }), { headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

describe('query', () => {
  it("sends the visitor's request id with each call made while handling her request", async () => {
    const { sent, fetch } = recordingFetch();
    await withRequestId('web-5d1e', () => Promise.all([query(fetch, MOTIFS, {}), query(fetch, MOTIFS, {})]));
    expect(sent.map((headers) => headers.get('x-request-id'))).toEqual(['web-5d1e', 'web-5d1e']);
  });

  it('sends none outside a request (the API then makes one)', async () => {
    const { sent, fetch } = recordingFetch();
    await query(fetch, MOTIFS, {});
    expect(sent[0].has('x-request-id')).toBe(false);
  });
});
