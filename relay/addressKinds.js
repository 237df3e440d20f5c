// What kind of address an IP is (loopback, private, link-local, metadata, reserved, public), judging an IPv6 address
// that carries an IPv4 address by that address too: the target policy's input.
import { BlockList, isIPv4, isIPv6 } from 'node:net';

import { embeddedIPv4 } from './embeddedIPv4.js';

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
  // The local-use NAT64 prefix (RFC 8215) leads to a translator inside the local network.
  ['private', listOf(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7', '100.64.0.0/10', '64:ff9b:1::/48'])],
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

/** Most severe first: when an address and the IPv4 address it carries differ, the first of the two here wins. */
const SEVERITY = ['metadata', 'link-local', 'reserved', 'embedded-loopback', 'private', 'loopback', 'public'];
const worst = (kinds) => SEVERITY.find((kind) => kinds.includes(kind));

/** The kind of an address by the lists alone (no embedded IPv4 considered). */
function listedKind(address) {
  const type = isIPv4(address) ? 'ipv4' : 'ipv6';
  return KINDS.find(([, list]) => list.check(address, type))?.[0] ?? 'public';
}

/** The kind of an IPv4 address reached through `embedding`: a loopback there is not this machine's loopback. */
function carriedKind({ ipv4, local }) {
  const kind = listedKind(ipv4);
  return kind === 'loopback' && !local ? 'embedded-loopback' : kind;
}

/**
 * What the target policy judges an address by: its kind and, for an IPv6 address that carries an IPv4 address, the
 * carried address that decided it (`carried`). The IPv4-mapped form is its IPv4 address outright; for the other forms
 * the more severe of the IPv6 address's own kind and the carried address's kind wins.
 * @param {string} address an IP address as `net.isIP` accepts it (a zone index is ignored)
 * @returns {{ kind: 'metadata' | 'loopback' | 'embedded-loopback' | 'link-local' | 'reserved' | 'private' | 'public',
 *   address: string, carried: null | import('./embeddedIPv4.js').EmbeddedIPv4 }}
 */
export function describeAddress(address) {
  if (!isIPv6(address)) return { kind: listedKind(address), address, carried: null };
  const plain = address.split('%')[0].toLowerCase();
  const embedded = embeddedIPv4(ipv6Groups(plain));
  const mapped = embedded.find((e) => e.local);
  if (mapped) return { kind: listedKind(mapped.ipv4), address: mapped.ipv4, carried: null };
  const own = listedKind(plain);
  // A guessed position counts only where it lands somewhere the relay never contacts (a wrong guess decodes noise).
  const counted = embedded.filter((e) => !e.guessed || ['metadata', 'link-local', 'embedded-loopback'].includes(carriedKind(e)));
  const kind = worst([own, ...counted.map(carriedKind)]);
  return { kind, address: plain, carried: kind === own ? null : counted.find((e) => carriedKind(e) === kind) };
}

/**
 * @param {string} address an IP address
 * @returns {'metadata' | 'loopback' | 'embedded-loopback' | 'link-local' | 'reserved' | 'private' | 'public'}
 */
export function addressKind(address) {
  return describeAddress(address).kind;
}

/**
 * The address as it is judged: an IPv4-mapped IPv6 address (`::ffff:a9fe:a9fe`) is its IPv4 address.
 * @param {string} address
 */
export function canonicalAddress(address) {
  return describeAddress(address).address;
}
