// What kind of address an IP is (loopback, private, link-local, metadata, reserved, public): the target policy's input.
import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** Builds a BlockList from `['10.0.0.0/8', 'fc00::/7', '1.2.3.4', ...]`. */
function listOf(entries) {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

// Checked in this order: the first match names the kind. Metadata comes before link-local and private because its
// addresses sit inside those ranges and must be refused even with allowPrivate.
const KINDS = [
  // AWS/GCP/Azure IMDS, AWS IMDS over IPv6, Alibaba Cloud metadata.
  // @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html
  ['metadata', listOf(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'])],
  ['loopback', listOf(['127.0.0.0/8', '::1'])], // RFC 1122 §3.2.1.3, RFC 4291 §2.5.3
  ['link-local', listOf(['169.254.0.0/16', 'fe80::/10'])], // RFC 3927, RFC 4291 §2.5.6
  // 0/8 ("this network": 0.0.0.0 reaches the local host on Linux), multicast, 240/4 and broadcast, ::, ff00::/8.
  ['reserved', listOf(['0.0.0.0/8', '224.0.0.0/4', '240.0.0.0/4', '::', 'ff00::/8'])],
  // RFC 1918, RFC 4193 unique local, RFC 6598 shared address space (CGNAT).
  ['private', listOf(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7', '100.64.0.0/10'])],
];

/** The eight 16-bit groups of an IPv6 address (with `::` expanded and a dotted IPv4 tail converted). */
function ipv6Groups(address) {
  let text = address.split('%')[0]; // a zone index (fe80::1%eth0) is not part of the address
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => parseInt(group, 16));
}

/**
 * The address as it will be judged: an IPv4-mapped IPv6 address (`::ffff:169.254.169.254`, `::ffff:a9fe:a9fe`) is
 * its IPv4 address, so the mapped spelling cannot slip past the IPv4 rules. @see https://www.rfc-editor.org/rfc/rfc4291#section-2.5.5.2
 * @param {string} address an IP address as `net.isIP` accepts it
 */
export function canonicalAddress(address) {
  if (!isIPv6(address)) return address;
  const groups = ipv6Groups(address);
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (!mapped) return address.split('%')[0].toLowerCase();
  return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
}

/**
 * @param {string} address an IP address
 * @returns {'metadata' | 'loopback' | 'link-local' | 'reserved' | 'private' | 'public'}
 */
export function addressKind(address) {
  const canonical = canonicalAddress(address);
  const type = isIPv4(canonical) ? 'ipv4' : 'ipv6';
  return KINDS.find(([, list]) => list.check(canonical, type))?.[0] ?? 'public';
}
