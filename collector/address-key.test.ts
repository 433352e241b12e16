import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKey } from './address-key';

const group = fc.integer({ min: 0, max: 0xffff });
const groups = fc.tuple(group, group, group, group, group, group, group, group);

/** The full, uncompressed spelling: eight groups of four hex digits. */
const full = (g: number[]) => g.map((n) => n.toString(16).padStart(4, '0')).join(':');
/** The canonical compressed spelling (RFC 5952), as the WHATWG URL parser writes it. */
const compressed = (g: number[]) => new URL(`http://[${full(g)}]/`).hostname.slice(1, -1);
/** `::ffff:0:0/96`, IPv4 addresses written as IPv6 (keyed as IPv4, so not by /64). */
const isMapped = (g: number[]) => g.slice(0, 6).join() === '0,0,0,0,0,65535';

describe('addressKey', () => {
  it('keeps an IPv4 address per address, with or without a port', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('203.0.113.7:5678')).toBe('203.0.113.7');
    expect(addressKey('203.0.113.8')).not.toBe(addressKey('203.0.113.7'));
  });

  it('groups IPv6 addresses by /64 in every spelling', () => {
    const key = '2001:db8:0:1::/64';
    for (const address of ['2001:db8:0:1::1', '2001:0DB8:0000:0001:ffff:ffff:ffff:ffff', '2001:db8::1:0:0:0:7', '[2001:db8:0:1::2]:443', '2001:db8:0:1::3%eth0', '2001:db8:0:1:0:0:192.0.2.1']) {
      expect(addressKey(address), address).toBe(key);
    }
    expect(addressKey('2001:db8:0:2::1')).toBe('2001:db8:0:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('reads an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(addressKey('[::ffff:203.0.113.7]:80')).toBe('203.0.113.7');
  });

  it('keeps anything that is not an IP address as it is', () => {
    expect(addressKey('unknown')).toBe('unknown');
    expect(addressKey('2001:db8::1::2')).toBe('2001:db8::1::2');
  });

  it('gives the same key to the full and compressed spellings, and to any two addresses of one /64 only', () => {
    fc.assert(
      fc.property(groups, groups, (a, b) => {
        fc.pre(!isMapped(a) && !isMapped(b));
        const key = addressKey(full(a));
        expect(addressKey(compressed(a))).toBe(key);
        expect(addressKey(full(a).toUpperCase())).toBe(key);
        const sameNetwork = [...a.slice(0, 4), ...b.slice(4)];
        expect(addressKey(compressed(sameNetwork))).toBe(key);
        if (a.slice(0, 4).join() !== b.slice(0, 4).join()) expect(addressKey(full(b))).not.toBe(key);
      }),
    );
  });
});
