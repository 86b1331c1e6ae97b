import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor.js';

const id = '6f1c1f9e-4a57-4b8e-9d59-0f5e0b1c2d3e';

describe('cursor', () => {
  it('round-trips the sort, key and id', () => {
    const cursor = encodeCursor({ sort: 'PRICE_ASC', key: '350000', id });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'PRICE_ASC')).toEqual({ sort: 'PRICE_ASC', key: '350000', id });
  });

  it('rejects a cursor from another sort order', () => {
    const cursor = encodeCursor({ sort: 'NEWEST', key: '2026-11-01T00:00:00.123456+00', id });
    expect(() => decodeCursor(cursor, 'PRICE_ASC')).toThrow(/NEWEST order/);
  });

  it.each(['', 'abc$', 'bm90IGpzb24', Buffer.from('["a","b"]').toString('base64url'), Buffer.from('["a","b","not-a-uuid"]').toString('base64url'), 'x'.repeat(500)])(
    'rejects malformed cursor %p',
    (cursor) => {
      expect(() => decodeCursor(cursor, 'NEWEST')).toThrow(InvalidCursorError);
    },
  );
});
