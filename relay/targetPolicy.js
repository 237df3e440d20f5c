// Where a forward may go: https: to public addresses, http: only to loopback, never link-local or cloud metadata,
// private ranges only when allowed. Judged on every resolved address, and the connection is pinned to them.
import { isIP } from 'node:net';

import { describeAddress } from './addressKinds.js';
import { badRequest, forbidden, UpstreamFailure } from './refusal.js';

// Names of cloud metadata services, refused before any DNS query (their addresses are refused as well).
// @see https://cloud.google.com/compute/docs/metadata/querying-metadata
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog']);

const KIND_TEXT = {
  metadata: 'a cloud metadata address, which the relay never contacts',
  'link-local': 'a link-local address (169.254.0.0/16, fe80::/10), which the relay never contacts',
  'embedded-loopback': 'a loopback address reached through a translator or tunnel (not this machine), which the relay never contacts',
  reserved: 'a reserved, unspecified or multicast address, which the relay never contacts',
  private: 'a private address (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7): start the relay with RELAY_ALLOW_PRIVATE=1 to allow it',
};

/**
 * The envelope's `url` as a URL the relay is willing to try: absolute, http: or https:, without user info.
 * @param {unknown} raw
 * @returns {URL}
 */
export function parseTargetUrl(raw) {
  if (typeof raw !== 'string' || raw === '') throw badRequest('url must be a non-empty string (an absolute https:// URL)');
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('url is not an absolute URL (expected https://host/path)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw forbidden(`the relay forwards only https: (and http: to loopback), not ${url.protocol}`);
  }
  // Credentials belong in headers the relay never logs, not in a URL (RFC 3986 §3.2.1 deprecates user:password@).
  if (url.username || url.password) throw badRequest('url must not carry a user name or password; send credentials in a header');
  return url;
}

/** Resolves `hostname` with an injected `dns.lookup`-shaped function, to `[{ address, family }]`. */
function resolve(lookup, hostname) {
  return new Promise((done, fail) => {
    lookup(hostname, { all: true }, (err, addresses) => {
      if (err) fail(new UpstreamFailure('unreachable', err.code ?? 'ENOTFOUND', `could not resolve ${hostname} (${err.code ?? 'DNS error'})`));
      else if (!Array.isArray(addresses) || addresses.length === 0) fail(new UpstreamFailure('unreachable', 'ENOTFOUND', `${hostname} has no address`));
      else done(addresses);
    });
  });
}

/** Refuses `address` (reached as `hostname` with `protocol`) unless the policy allows it. */
function judge(hostname, address, protocol, allowPrivate) {
  const { kind, address: judged, carried } = describeAddress(address);
  const named = hostname === address ? judged : `${hostname} resolves to ${judged}, which`;
  const shown = carried ? `${named} carries ${carried.ipv4} (${carried.form}), which is` : `${named} is`;
  if (kind === 'private' && allowPrivate) return;
  if (KIND_TEXT[kind]) throw forbidden(`${shown} ${KIND_TEXT[kind]}`);
  if (protocol === 'http:' && kind !== 'loopback') {
    throw forbidden(`${shown} not loopback: plain http: is forwarded only to localhost/127.0.0.1/::1; use https:`);
  }
}

/**
 * Resolves the target's host and checks every address it resolves to (an attacker's DNS can answer with a public
 * and a private address at once).
 * @param {URL} url
 * @param {{ lookup: Function, allowPrivate: boolean }} policy
 * @returns {Promise<Array<{ address: string, family: number }>>} the vetted addresses, to connect to and nowhere else
 */
export async function vetTarget(url, { lookup, allowPrivate }) {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
  if (METADATA_NAMES.has(hostname)) throw forbidden(`${hostname} is a cloud metadata service, which the relay never contacts`);
  const family = isIP(hostname);
  const addresses = family ? [{ address: hostname, family }] : await resolve(lookup, hostname);
  for (const { address } of addresses) judge(hostname, address, url.protocol, allowPrivate);
  return addresses.map(({ address, family: f }) => ({ address, family: f ?? isIP(address) }));
}

/**
 * A `lookup` for `http(s).request` that answers with the vetted addresses instead of asking DNS again: a second
 * answer (DNS rebinding between the check and the connect) cannot send the connection somewhere else.
 * TLS still verifies the certificate against the URL's host name, since `servername`/`host` stay the name.
 * @param {Array<{ address: string, family: number }>} addresses
 */
export function pinnedLookup(addresses) {
  return (_hostname, options, callback) => {
    const wanted = options?.family ? addresses.filter((a) => a.family === options.family) : addresses;
    const list = wanted.length > 0 ? wanted : addresses;
    if (options?.all) callback(null, list);
    else callback(null, list[0].address, list[0].family);
  };
}
