import { Kind } from 'graphql';
import { DateScalar } from './scalars.js';

// Which days are days is isCalendarDate's (libs/types, with its cases); here, that the scalar asks it both ways.
describe('Date scalar', () => {
  it('takes a calendar day from a variable and from the query', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2024-02-29' }, {})).toBe('2024-02-29');
  });

  it('refuses a day the calendar does not have as BAD_USER_INPUT, both ways', () => {
    const badInput = expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('2026-02-30') });
    expect(() => DateScalar.parseValue('2026-02-30')).toThrow(badInput);
    expect(() => DateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-02-30' }, {})).toThrow(badInput);
    expect(() => DateScalar.parseValue(20260310)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });
});
