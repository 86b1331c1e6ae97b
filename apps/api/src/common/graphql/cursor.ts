import { isUuid } from './ids.js';

/** Opaque keyset cursors: the sort they belong to, the sort key of the row, and its id as tie-breaker. */
export interface CursorPayload {
  sort: string;
  key: string;
  id: string;
}

export class InvalidCursorError extends Error {}


export function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify([payload.sort, payload.key, payload.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedSort: string): CursorPayload {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('is not a cursor returned by this API');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) {
    throw new InvalidCursorError('is not a cursor returned by this API');
  }
  const [sort, key, id] = parsed as [string, string, string];
  if (!isUuid(id)) throw new InvalidCursorError('is not a cursor returned by this API');
  if (sort !== expectedSort) throw new InvalidCursorError(`belongs to the ${sort} order, not ${expectedSort}: start again from the first page`);
  return { sort, key, id };
}
