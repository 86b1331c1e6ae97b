import { Kind } from 'graphql';
import { DateScalar } from './scalars.js';

describe('Date scalar', () => {
  it.each(['2026-03-10', '2024-02-29', '2026-12-31', '0001-01-01'])('takes %s', (value) => {
    expect(DateScalar.parseValue(value)).toBe(value);
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value }, {})).toBe(value);
  });

  it.each(['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '0000-01-01', '10-03-2026', '2026-3-10', 20260310])('refuses %s as BAD_USER_INPUT', (value) => {
    expect(() => DateScalar.parseValue(value)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });
});
