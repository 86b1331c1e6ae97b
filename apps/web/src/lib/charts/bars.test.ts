import { describe, expect, it } from 'vitest';
import { barSpan } from './bars';

describe('barSpan', () => {
  // An SVG y axis: 0 rupiah at 200 px, 100 rupiah at 0 px, -50 at 300 px.
  const y = (rupiah: number) => 200 - 2 * rupiah;

  it('a positive bar rises from zero', () => {
    expect(barSpan(y, 0, 100)).toEqual({ start: 0, size: 200 });
  });

  it('a negative bar hangs below zero with a positive height', () => {
    expect(barSpan(y, 0, -50)).toEqual({ start: 200, size: 100 });
  });

  it('a stacked segment spans its own part, and an empty one is zero long', () => {
    expect(barSpan(y, 25, 75)).toEqual({ start: 50, size: 100 });
    expect(barSpan(y, 40, 40).size).toBe(0);
  });
});
