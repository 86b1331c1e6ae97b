import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isHttpError, isRedirect, redirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { answeringBadInputWith400 } from './http';

const event = { locals: { lang: 'id' as const } } as never;
const ROUTES = path.resolve(import.meta.dirname, '../../../routes');

async function pageServerFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? pageServerFiles(path.join(dir, entry.name)) : entry.name === '+page.server.ts' ? [path.join(dir, entry.name)] : [])));
  return nested.flat();
}

describe('answeringBadInputWith400', () => {
  it('answers an input the API refused, which escaped the action, with a 400 page in her words', async () => {
    const actions = answeringBadInputWith400({
      hidden: async (_event: unknown) => {
        throw new ApiError('BAD_USER_INPUT', 'productId: a NUL character', 400, undefined, { field: 'productId' });
      }
    });
    const thrown = await actions.hidden(event).catch((error: unknown) => error);
    expect(isHttpError(thrown) && { status: thrown.status, body: thrown.body }).toEqual({ status: 400, body: { message: 'Isian ini tidak dapat dibaca. Muat ulang halaman lalu coba lagi.' } });
  });

  it('leaves answers, redirects and other failures as they were', async () => {
    const down = new ApiError('API_UNREACHABLE', 'down');
    const actions = answeringBadInputWith400({
      answers: (_event: unknown) => ({ saved: true }),
      redirects: async (_event: unknown) => redirect(303, '/keranjang'),
      fails: async (_event: unknown) => {
        throw down;
      }
    });
    expect(await actions.answers(event)).toEqual({ saved: true });
    expect(isRedirect(await actions.redirects(event).catch((error: unknown) => error))).toBe(true);
    await expect(actions.fails(event)).rejects.toBe(down);
  });

  it("wraps every page's form actions (a new page with forms is covered the day it is added)", async () => {
    const files = await pageServerFiles(ROUTES);
    const withActions = [];
    for (const file of files) {
      const source = await readFile(file, 'utf8');
      if (/export const actions\b/.test(source)) withActions.push({ file: path.relative(ROUTES, file), wrapped: source.includes('export const actions = answeringBadInputWith400({') });
    }
    expect(withActions.length).toBeGreaterThan(20);
    expect(withActions.filter((page) => !page.wrapped)).toEqual([]);
  });
});
