import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a client address is rate-limited by. IPv4: the address itself. IPv6: its /64, written
 * `2001:db8:0:1::/64`, since a subscriber (a home, a phone, a rented server) is routinely handed a whole /64 and
 * may use any of its 2^64 addresses: per address, one client would own that many buckets. An IPv4-mapped address
 * (`::ffff:203.0.113.7`, how a dual-stack socket reports an IPv4 peer) is its IPv4 address.
 *
 * Takes the forms a socket's peer address or a proxy's X-Forwarded-For entry come in: compressed (`::`), with a
 * zone id (`fe80::1%eth0`), bracketed or with a port (`[2001:db8::1]:443`, `203.0.113.7:5678`). Anything that is
 * not an IP address (a misconfigured proxy's entry) is its own key.
 */
export function addressKey(address: string): string {
  // The common case first, on every submission: a plain IPv4 peer.
  if (isIPv4(address)) return address;
  const bare = withoutDecoration(address);
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}

/** The address without brackets, port or zone id. */
function withoutDecoration(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  const text = bracketed?.[1] ?? ipv4WithPort?.[1] ?? address;
  const zone = text.indexOf('%');
  return zone === -1 ? text : text.slice(0, zone);
}

/** The eight 16-bit groups of a valid IPv6 address (compressed, or ending in a dotted quad). */
function ipv6Groups(address: string): [number, number, number, number, number, number, number, number] {
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = quad
    ? `${address.slice(0, quad.index)}${((Number(quad[1]) << 8) | Number(quad[2])).toString(16)}:${((Number(quad[3]) << 8) | Number(quad[4])).toString(16)}`
    : address;
  const [left = '', right] = text.split('::');
  const head = left === '' ? [] : left.split(':');
  const tail = right === undefined || right === '' ? [] : right.split(':');
  const groups = [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail].map((group) => parseInt(group, 16));
  return groups as [number, number, number, number, number, number, number, number];
}
