import { addressKey, saltedHash, visitorKey, type ViewRequest } from './product-views.js';

const anonymous: ViewRequest = { userId: null, visitorId: null, address: '203.0.113.7', userAgent: 'Mozilla/5.0 (Android)' };

describe('visitorKey', () => {
  it('is her account when she is signed in, whatever cookie or address', () => {
    expect(visitorKey({ ...anonymous, userId: 'u-1', visitorId: 'v-1' })).toBe('user:u-1');
    expect(visitorKey({ ...anonymous, userId: 'u-1', address: '198.51.100.1' })).toBe('user:u-1');
  });

  it('is the storefront visitor id when there is one, on any network', () => {
    expect(visitorKey({ ...anonymous, visitorId: 'v-1' })).toBe(visitorKey({ ...anonymous, visitorId: 'v-1', address: '198.51.100.1', userAgent: null }));
    expect(visitorKey({ ...anonymous, visitorId: 'v-1' })).not.toBe(visitorKey({ ...anonymous, visitorId: 'v-2' }));
  });

  it('falls back to address and browser', () => {
    expect(visitorKey(anonymous)).toBe(visitorKey({ ...anonymous }));
    expect(visitorKey(anonymous)).not.toBe(visitorKey({ ...anonymous, userAgent: 'Mozilla/5.0 (iPhone)' }));
    expect(visitorKey(anonymous)).not.toBe(visitorKey({ ...anonymous, address: '203.0.113.8' }));
  });

  it('never mistakes an id for an account or an address', () => {
    expect(visitorKey({ ...anonymous, visitorId: 'user:u-1' })).not.toBe(visitorKey({ ...anonymous, userId: 'u-1' }));
    expect(visitorKey({ ...anonymous, visitorId: '203.0.113.7' })).not.toBe(addressKey(anonymous));
  });
});

describe('addressKey', () => {
  it('puts every address of one IPv6 /64 under one limit', () => {
    expect(addressKey({ ...anonymous, address: '2001:db8:1:2::a' })).toBe(addressKey({ ...anonymous, address: '2001:db8:1:2:ffff::b' }));
    expect(addressKey({ ...anonymous, address: '2001:db8:1:2::a' })).not.toBe(addressKey({ ...anonymous, address: '2001:db8:1:3::a' }));
  });
});

describe('saltedHash', () => {
  const today = Buffer.alloc(32, 1);
  const tomorrow = Buffer.alloc(32, 2);

  it('is stable within a day and unlinkable across days', () => {
    const key = visitorKey(anonymous);
    expect(saltedHash(today, key).equals(saltedHash(today, key))).toBe(true);
    expect(saltedHash(today, key).equals(saltedHash(tomorrow, key))).toBe(false);
    expect(saltedHash(today, key)).toHaveLength(16);
  });

  it('keeps nothing of the address', () => {
    expect(saltedHash(today, addressKey(anonymous)).toString('latin1')).not.toContain('203.0.113.7');
  });
});
