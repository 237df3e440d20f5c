// Where the relay may go: scheme and address policy on the resolved addresses, and the connection pinned to them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { addressKind, canonicalAddress } from './addressKinds.js';
import { forwardVia, startTestRelay } from './testing/relayClient.js';
import { startHttpUpstream } from './testing/upstreams.js';

describe('addressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.9.9.9', 'loopback'], ['::1', 'loopback'], ['::ffff:127.0.0.1', 'loopback'],
    ['169.254.169.254', 'metadata'], ['::ffff:a9fe:a9fe', 'metadata'], ['fd00:ec2::254', 'metadata'], ['100.100.100.200', 'metadata'],
    ['169.254.10.1', 'link-local'], ['fe80::1', 'link-local'], ['fe80::1%eth0', 'link-local'],
    ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'], ['fc00::1', 'private'], ['fd12:3456::1', 'private'], ['::ffff:10.0.0.1', 'private'],
    ['0.0.0.0', 'reserved'], ['::', 'reserved'], ['224.0.0.1', 'reserved'], ['255.255.255.255', 'reserved'], ['ff02::1', 'reserved'],
    ['8.8.8.8', 'public'], ['172.32.0.1', 'public'], ['100.128.0.1', 'public'], ['2606:4700::1111', 'public'],
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });

  // IPv6 forms that carry an IPv4 address are judged by it: the connection ends up there (through a translator or
  // tunnel, or on this host's own IPv4 stack for the mapped form).
  it.each([
    ['64:ff9b::a9fe:a9fe', 'metadata'], ['64:ff9b::169.254.169.254', 'metadata'], ['64:ff9b::a00:1', 'private'],
    ['64:ff9b::7f00:1', 'embedded-loopback'], ['64:ff9b::', 'reserved'], ['64:ff9b::808:808', 'public'], // RFC 6052 §2.1
    ['64:ff9b:1::a9fe:a9fe', 'metadata'], ['64:ff9b:1:a9fe:a9:fe00::', 'metadata'], ['64:ff9b:1:a9:fe:a9fe::', 'metadata'], ['64:ff9b:1:0:a9:fea9:fe00:0', 'metadata'], ['64:ff9b:1::808:808', 'private'], // RFC 8215, RFC 6052 §2.2
    ['2002:a9fe:a9fe::1', 'metadata'], ['2002:7f00:1::1', 'embedded-loopback'], ['2002:c0a8:101::1', 'private'], ['2002:808:808::1', 'public'], // RFC 3056 §2
    ['::a9fe:a9fe', 'metadata'], ['::7f00:1', 'embedded-loopback'], ['::10.0.0.1', 'private'], ['::2', 'reserved'], // RFC 4291 §2.5.5.1
    ['::ffff:0:a9fe:a9fe', 'metadata'], ['::ffff:0:7f00:1', 'embedded-loopback'], ['::ffff:0:808:808', 'public'], // RFC 2765 §2.1
    ['2001:0:4136:e378:8000:63bf:5601:5601', 'metadata'], ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'embedded-loopback'], // RFC 4380 §4
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'public'],
    ['::1', 'loopback'], ['::ffff:127.0.0.1', 'loopback'], // this host's own loopback stays loopback
  ])('%s (embedding IPv4) is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });

  it('judges IPv4-mapped IPv6 as its IPv4 address', () => {
    expect(canonicalAddress('::ffff:169.254.169.254')).toBe('169.254.169.254');
    expect(canonicalAddress('::FFFF:a9fe:a9fe')).toBe('169.254.169.254');
    expect(canonicalAddress('2001:db8::1')).toBe('2001:db8::1');
  });
});

describe('POST /forward target policy', () => {
  let upstream;
  let relay;
  let privateRelay;
  const lookups = [];
  // Test DNS: names map to fixed answers; every question is recorded.
  const answers = {
    'internal.example': [{ address: '10.0.0.7', family: 4 }],
    'mixed.example': [{ address: '93.184.216.34', family: 4 }, { address: '192.168.1.5', family: 4 }],
    'public.example': [{ address: '93.184.216.34', family: 4 }],
    'imds.example': [{ address: '::ffff:169.254.169.254', family: 6 }],
    'nat64.example': [{ address: '64:ff9b::a00:7', family: 6 }],
  };
  const lookup = (hostname, options, callback) => {
    lookups.push(hostname);
    const found = answers[hostname];
    if (found) callback(null, found);
    else callback(Object.assign(new Error(`no ${hostname}`), { code: 'ENOTFOUND' }));
  };

  beforeAll(async () => {
    upstream = await startHttpUpstream();
    relay = await startTestRelay({ lookup });
    privateRelay = await startTestRelay({ lookup, allowPrivate: true, timeoutMs: 500 });
  });
  afterAll(async () => {
    await Promise.all([relay.close(), privateRelay.close()]);
    await upstream.close();
  });
  afterEach(() => {
    lookups.length = 0;
    upstream.requests.length = 0;
  });

  const get = (target, url) => forwardVia(target, { method: 'GET', url, headers: {}, body: null });

  it.each([
    ['the metadata IP', 'https://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a cloud metadata address/],
    ['the metadata IP as IPv4-mapped IPv6', 'https://[::ffff:169.254.169.254]/', /cloud metadata address/],
    ['AWS IMDS over IPv6', 'https://[fd00:ec2::254]/', /cloud metadata address/],
    ['metadata.google.internal', 'https://metadata.google.internal/computeMetadata/v1/', /metadata\.google\.internal is a cloud metadata service/],
    ['a name resolving to the mapped metadata IP', 'https://imds.example/', /imds\.example resolves to 169\.254\.169\.254, which is a cloud metadata address/],
    ['a link-local IPv4 address', 'https://169.254.10.1/', /link-local/],
    ['a link-local IPv6 address', 'https://[fe80::1]/', /link-local/],
    ['a name resolving to a private address', 'https://internal.example/token', /internal\.example resolves to 10\.0\.0\.7, which is a private address.*RELAY_ALLOW_PRIVATE=1/],
    ['a name with one public and one private address', 'https://mixed.example/', /resolves to 192\.168\.1\.5, which is a private address/],
    ['a private IP literal', 'https://192.168.0.10/', /private address/],
    ['0.0.0.0 (reaches the local host on Linux)', 'http://0.0.0.0:1/', /reserved/],
    ['the metadata IP behind the NAT64 prefix', 'https://[64:ff9b::a9fe:a9fe]/', /64:ff9b::a9fe:a9fe carries 169\.254\.169\.254 \(NAT64, RFC 6052\), which is a cloud metadata address/],
    ['loopback behind the NAT64 prefix', 'https://[64:ff9b::7f00:1]/', /carries 127\.0\.0\.1 \(NAT64, RFC 6052\), which is a loopback address reached through a translator or tunnel/],
    ['the metadata IP as a 6to4 address', 'https://[2002:a9fe:a9fe::1]/', /carries 169\.254\.169\.254 \(6to4, RFC 3056\)/],
    ['the metadata IP as IPv4-compatible IPv6', 'https://[::a9fe:a9fe]/', /carries 169\.254\.169\.254 \(IPv4-compatible, RFC 4291\)/],
    ['loopback as IPv4-compatible IPv6', 'https://[::7f00:1]/', /carries 127\.0\.0\.1 \(IPv4-compatible, RFC 4291\)/],
    ['the metadata IP as IPv4-translated IPv6', 'https://[::ffff:0:a9fe:a9fe]/', /carries 169\.254\.169\.254 \(IPv4-translated, RFC 2765\)/],
    ['the metadata IP as a Teredo client', 'https://[2001:0:4136:e378:8000:63bf:5601:5601]/', /carries 169\.254\.169\.254 \(Teredo, RFC 4380\)/],
    ['a name resolving to a NAT64 form of a private address', 'https://nat64.example/', /nat64\.example resolves to 64:ff9b::a00:7, which carries 10\.0\.0\.7 \(NAT64, RFC 6052\), which is a private address/],
    ['http: to a public IP', 'http://93.184.216.34/token', /93\.184\.216\.34 is not loopback: plain http: is forwarded only to localhost/],
    ['http: to a name resolving to a public address', 'http://public.example/token', /public\.example resolves to 93\.184\.216\.34, which is not loopback/],
    ['a file: URL', 'file:///etc/passwd', /only https: \(and http: to loopback\), not file:/],
    ['a data: URL', 'data:text/plain,hello', /not data:/],
    ['an ftp: URL', 'ftp://example.com/x', /not ftp:/],
  ])('refuses %s with 403 and its reason', async (_name, url, reason) => {
    const res = await get(relay, url);
    expect(res.status).toBe(403);
    expect(res.json.error).toBe('relay_refused');
    expect(res.json.reason).toMatch(reason);
  });

  it('with allowPrivate, a private address passes the policy and the relay tries to connect to it', async () => {
    const res = await get(privateRelay, 'https://internal.example/token');
    expect(lookups).toEqual(['internal.example']);
    // Nothing listens at 10.0.0.7 here: the answer is an upstream failure, not a policy refusal.
    expect(res.json.error).toBe('relay_upstream_error');
    expect([502, 504]).toContain(res.status);
  });

  it('with allowPrivate, metadata and link-local addresses are still refused', async () => {
    expect((await get(privateRelay, 'https://169.254.169.254/')).status).toBe(403);
    expect((await get(privateRelay, 'https://imds.example/')).status).toBe(403);
    expect((await get(privateRelay, 'https://[fe80::1]/')).status).toBe(403);
  });

  it('connects to the address it vetted: DNS is asked once and a second answer would not be used', async () => {
    const questions = [];
    // First answer loopback (allowed); any later answer points at the metadata service (DNS rebinding).
    const rebinding = (hostname, _options, callback) => {
      questions.push(hostname);
      callback(null, [{ address: questions.length === 1 ? '127.0.0.1' : '169.254.169.254', family: 4 }]);
    };
    const pinned = await startTestRelay({ lookup: rebinding });
    const res = await get(pinned, `http://rebind.example:${upstream.port}/pinned`);
    await pinned.close();
    expect(res.json).toMatchObject({ status: 200, body: 'ok' });
    expect(questions).toEqual(['rebind.example']);
    expect(upstream.requests[0]).toMatchObject({ url: '/pinned', headers: { host: `rebind.example:${upstream.port}` } });
  });

  it('a name that does not resolve → 502 unreachable ENOTFOUND', async () => {
    const res = await get(relay, 'https://nowhere.example/');
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ kind: 'unreachable', code: 'ENOTFOUND' });
  });
});
