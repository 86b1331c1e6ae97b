import { addressBucket, clientAddressOf, isFromThisMachine } from './client-address.js';

const SECRET = 's'.repeat(32);

describe('clientAddressOf', () => {
  const vouched = (address: string, secret = SECRET) => ({ headers: { 'x-client-address': address, 'x-client-address-secret': secret }, ip: '127.0.0.1' });

  it('takes the address the storefront vouches for with the shared secret', () => {
    expect(clientAddressOf(vouched('203.0.113.5'), SECRET)).toBe('203.0.113.5');
    expect(clientAddressOf(vouched('2001:db8::5'), SECRET)).toBe('2001:db8::5');
  });

  it('ignores it without the right secret, without a secret configured, or when it is no address', () => {
    expect(clientAddressOf(vouched('203.0.113.5', 't'.repeat(32)), SECRET)).toBe('127.0.0.1');
    expect(clientAddressOf(vouched('203.0.113.5', SECRET.slice(1)), SECRET)).toBe('127.0.0.1');
    expect(clientAddressOf(vouched('203.0.113.5'), null)).toBe('127.0.0.1');
    expect(clientAddressOf(vouched('siapa saja'), SECRET)).toBe('127.0.0.1');
  });

  it("falls back to Express's req.ip (TRUST_PROXY), then the socket; IPv4-mapped addresses as IPv4", () => {
    expect(clientAddressOf({ headers: {}, ip: '::ffff:198.51.100.1' }, SECRET)).toBe('198.51.100.1');
    expect(clientAddressOf({ headers: {}, socket: { remoteAddress: '198.51.100.2' } }, SECRET)).toBe('198.51.100.2');
  });
});

describe('isFromThisMachine', () => {
  it('only for a loopback socket that nobody vouched another address for', () => {
    expect(isFromThisMachine({ headers: {}, socket: { remoteAddress: '::ffff:127.0.0.1' }, clientAddress: '127.0.0.1' })).toBe(true);
    expect(isFromThisMachine({ headers: {}, socket: { remoteAddress: '::1' }, clientAddress: '::1' })).toBe(true);
    expect(isFromThisMachine({ headers: {}, socket: { remoteAddress: '127.0.0.1' }, clientAddress: '203.0.113.5' })).toBe(false);
    expect(isFromThisMachine({ headers: {}, socket: { remoteAddress: '192.168.1.20' }, clientAddress: '127.0.0.1' })).toBe(false);
  });
});

describe('addressBucket', () => {
  it.each([
    ['203.0.113.5', '203.0.113.5'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8::/64'],
    ['2001:0db8:0000:0000::1', '2001:db8::/64'],
    ['::1', '::/64'],
    ['fe80::1%eth0', 'fe80::/64'],
    ['not an address', 'not an address'],
  ])('%s → %s', (address, bucket) => {
    expect(addressBucket(address)).toBe(bucket);
  });
});
