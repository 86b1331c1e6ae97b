import { describe, expect, it } from 'vitest';
import { ShippingKind } from '@karya-ibu/types';
import { chosenShipping, consistentAreas, defaultShipping, orderTotal } from './checkout';

const options = [
  { code: 'KAMPUNG:AMBIL', kind: ShippingKind.Pickup, priceIdr: '0' },
  { code: 'POS:KILAT', kind: ShippingKind.Courier, priceIdr: '8000' },
  { code: 'PENDAMPING:ANTAR', kind: ShippingKind.LocalDelivery, priceIdr: '15000' }
];

describe('shipping choices', () => {
  it('defaults to the cheapest courier, not the free pick-up she might not notice', () => {
    expect(defaultShipping(options)?.code).toBe('POS:KILAT');
    expect(defaultShipping(options.filter((o) => o.kind !== ShippingKind.Courier))?.code).toBe('KAMPUNG:AMBIL');
    expect(defaultShipping([])).toBeNull();
  });

  it('keeps her choice while it is offered', () => {
    expect(chosenShipping(options, 'PENDAMPING:ANTAR')?.code).toBe('PENDAMPING:ANTAR');
    expect(chosenShipping(options, 'JNE:YES')?.code).toBe('POS:KILAT');
  });
});

describe('orderTotal', () => {
  it('adds the parcels to the items in whole rupiah', () => {
    expect(orderTotal('370000', [options[1], options[2]])).toBe('393000');
    expect(orderTotal('99999999999999999', [{ priceIdr: '1' }])).toBe('100000000000000000');
    expect(orderTotal('5000', [null])).toBe('5000');
  });
});

describe('consistentAreas', () => {
  it('keeps a chain that nests', () => {
    const chain = { province: '64', regency: '64.71', district: '64.71.04', village: '64.71.04.1004' };
    expect(consistentAreas(chain)).toEqual(chain);
  });

  it('forgets the levels under a changed one', () => {
    expect(consistentAreas({ province: '31', regency: '64.71', district: '64.71.04', village: '64.71.04.1004' })).toEqual({ province: '31', regency: '', district: '', village: '' });
    expect(consistentAreas({ province: '64', regency: '64.71', district: '64.72.01', village: '64.72.01.1001' })).toEqual({ province: '64', regency: '64.71', district: '', village: '' });
  });

  it('refuses what is not a code', () => {
    expect(consistentAreas({ province: '6', regency: '', district: '', village: '' }).province).toBe('');
    expect(consistentAreas({ province: '64', regency: '64.7x', district: '', village: '' })).toEqual({ province: '64', regency: '', district: '', village: '' });
  });
});
