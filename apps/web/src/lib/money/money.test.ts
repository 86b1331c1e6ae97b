import { describe, expect, it } from 'vitest';
import { bankFileUrl, distinctRates, formatCommissionRate, inTransitIdr, isNegativeIdr, parsePercent, readPeriod, witaMonth } from './money';

describe('money helpers', () => {
  it('adds pending and in-payout exactly, beyond what a float holds', () => {
    expect(inTransitIdr('350000', '125000')).toBe('475000');
    expect(inTransitIdr('9007199254740993', '1')).toBe('9007199254740994');
    expect(inTransitIdr('0', '0')).toBe('0');
  });

  it('tells a negative balance', () => {
    expect(isNegativeIdr('-25000')).toBe(true);
    expect(isNegativeIdr('0')).toBe(false);
    expect(isNegativeIdr('25000')).toBe(false);
  });

  it('writes basis points as a percent in her notation', () => {
    expect(formatCommissionRate(1000, 'id')).toBe('10%');
    expect(formatCommissionRate(750, 'id')).toBe('7,5%');
    expect(formatCommissionRate(750, 'en')).toBe('7.5%');
    expect(formatCommissionRate(0, 'id')).toBe('0%');
  });

  it('reads a percent as basis points, refusing what is not one', () => {
    expect(parsePercent('10')).toBe(1000);
    expect(parsePercent('7,5')).toBe(750);
    expect(parsePercent(' 7.25 % ')).toBe(725);
    expect(parsePercent('0')).toBe(0);
    expect(parsePercent('100')).toBe(10_000);
    expect(parsePercent('100,5')).toBeNull();
    expect(parsePercent('-1')).toBeNull();
    expect(parsePercent('sepuluh')).toBeNull();
    expect(parsePercent('')).toBeNull();
    expect(parsePercent('1.234')).toBeNull();
  });

  it('lists the distinct rates of a sale', () => {
    expect(distinctRates([{ commissionRateBasisPoints: 1000 }, { commissionRateBasisPoints: 0 }, { commissionRateBasisPoints: 1000 }])).toEqual([0, 1000]);
    expect(distinctRates([])).toEqual([]);
  });

  it('counts months in WITA (UTC+8): 16:00 UTC on the last day is already next month', () => {
    expect(witaMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(witaMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
  });

  it('reads a period from the query string', () => {
    expect(readPeriod('2026-11')).toBe('2026-11');
    expect(readPeriod('2026-13')).toBeNull();
    expect(readPeriod('2026-1')).toBeNull();
    expect(readPeriod(null)).toBeNull();
  });

  it('finds the bank file beside the GraphQL endpoint, under its prefix too', () => {
    expect(bankFileUrl('http://127.0.0.1:4000/graphql', 'r1')).toBe('http://127.0.0.1:4000/payouts/r1.csv');
    expect(bankFileUrl('https://karyaibu.id/api/graphql', 'r1')).toBe('https://karyaibu.id/api/payouts/r1.csv');
  });
});
