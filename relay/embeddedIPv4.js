// IPv6 addresses that carry an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo, IPv4-compatible, IPv4-translated):
// the IPv4 address a connection to them ends up at, so the target policy can judge that address instead of the
// IPv6 spelling (a metadata or loopback address must not slip through as 64:ff9b::a9fe:a9fe or 2002:7f00:1::1).

/**
 * @typedef {object} EmbeddedIPv4
 * @property {string} ipv4 the carried address, dotted
 * @property {string} form how the IPv6 address carries it, with its RFC (for the refusal reason)
 * @property {boolean} local true when this host's own IPv4 stack reaches it (IPv4-mapped); false when a translator or
 *   tunnel elsewhere does, so an embedded 127.0.0.1 is some other machine's loopback, not this one's
 * @property {boolean} guessed true when the position of the IPv4 address inside the prefix is not fixed (the local-use
 *   NAT64 prefix): each possible position is decoded, and only a decoding that lands somewhere never contacted counts
 */

/** The 32 bits of the address starting at bit `start`, skipping bits 64–71 (RFC 6052 §2.2: the "u" octet). */
function ipv4At(groups, start) {
  const bits = groups.map((g) => g.toString(2).padStart(16, '0')).join('');
  let picked = '';
  for (let bit = start; picked.length < 32; bit += 1) if (bit < 64 || bit > 71) picked += bits[bit];
  return [0, 8, 16, 24].map((offset) => parseInt(picked.slice(offset, offset + 8), 2)).join('.');
}

const dotted = (high, low) => [high >> 8, high & 255, low >> 8, low & 255].join('.');
const zero = (groups, from, to) => groups.slice(from, to).every((g) => g === 0);

/**
 * The IPv4 addresses an IPv6 address carries (none for a native IPv6 address; several candidates for the local-use
 * NAT64 prefix, whose embedding position the operator chooses).
 * @param {number[]} groups the eight 16-bit groups of the IPv6 address
 * @returns {EmbeddedIPv4[]}
 */
export function embeddedIPv4(groups) {
  const [g0, g1, , , g4, g5, g6, g7] = groups;
  const one = (form, ipv4, local = false) => [{ form, ipv4, local, guessed: false }];
  // ::ffff:0:0/96 — this host's IPv4 stack answers it. @see https://www.rfc-editor.org/rfc/rfc4291#section-2.5.5.2
  if (zero(groups, 0, 5) && g5 === 0xffff) return one('IPv4-mapped, RFC 4291', dotted(g6, g7), true);
  // ::/96 minus :: and ::1 (deprecated, still routed by some stacks). @see https://www.rfc-editor.org/rfc/rfc4291#section-2.5.5.1
  if (zero(groups, 0, 6) && (g6 !== 0 || g7 > 1)) return one('IPv4-compatible, RFC 4291', dotted(g6, g7));
  // ::ffff:0:0:0/96, the stateless translator's form. @see https://www.rfc-editor.org/rfc/rfc2765#section-2.1
  if (zero(groups, 0, 4) && g4 === 0xffff && g5 === 0) return one('IPv4-translated, RFC 2765', dotted(g6, g7));
  // NAT64 well-known prefix 64:ff9b::/96: the IPv4 address is the last 32 bits. @see https://www.rfc-editor.org/rfc/rfc6052#section-2.1
  if (g0 === 0x64 && g1 === 0xff9b && zero(groups, 2, 6)) return one('NAT64, RFC 6052', dotted(g6, g7));
  // NAT64 local-use prefix 64:ff9b:1::/48 (RFC 8215): the operator picks a /48, /56, /64 or /96 inside it, and each
  // puts the IPv4 address elsewhere (RFC 6052 §2.2), so every possible position is decoded.
  // @see https://www.rfc-editor.org/rfc/rfc8215 and https://www.rfc-editor.org/rfc/rfc6052#section-2.2
  if (g0 === 0x64 && g1 === 0xff9b && groups[2] === 1) {
    return [48, 56, 64, 96].map((prefix) => ({ form: 'local-use NAT64, RFC 8215', ipv4: ipv4At(groups, prefix), local: false, guessed: true }));
  }
  // 6to4 2002::/16: the IPv4 address of the site's relay router is bits 16–47. @see https://www.rfc-editor.org/rfc/rfc3056#section-2
  if (g0 === 0x2002) return one('6to4, RFC 3056', dotted(g1, groups[2]));
  // Teredo 2001::/32: packets go to the client's (NAT's) IPv4 address, the last 32 bits with every bit inverted.
  // @see https://www.rfc-editor.org/rfc/rfc4380#section-4
  if (g0 === 0x2001 && g1 === 0) return one('Teredo, RFC 4380', dotted(g6 ^ 0xffff, g7 ^ 0xffff));
  return [];
}
