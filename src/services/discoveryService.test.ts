import { setupMswServer } from '../../tests/support/msw';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { setupTestEffects } from '../../tests/support/effects';
import { recordingLogger } from '../../tests/support/recordingLogger';
import { VirtualClock } from '../../tests/support/virtualClock';
import { provideEffects } from '../utils/effects';
import { createDiscoveryService, discoveryCandidates, parseDiscoveryDocument } from './discoveryService';

const ISSUER = 'https://auth.example.com/env-1/as';
const FULL = {
  issuer: ISSUER,
  token_endpoint: `${ISSUER}/token`,
  jwks_uri: `${ISSUER}/jwks`,
  token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt'],
  token_endpoint_auth_signing_alg_values_supported: ['RS256', 'ES256'],
  grant_types_supported: ['authorization_code', 'client_credentials'],
  scopes_supported: ['openid', 'p1:read:user'],
  unknown_member: { deep: true },
};

const server = setupMswServer();

const fx = setupTestEffects(() => {
  const log = recordingLogger();
  return { clock: new VirtualClock(0), logger: log.logger, log };
});

describe('discoveryCandidates', () => {
  it('tries OIDC, then RFC 8414 inserted, then RFC 8414 appended for an issuer', () => {
    expect(discoveryCandidates(`${ISSUER}/`)).toEqual([
      `${ISSUER}/.well-known/openid-configuration`,
      'https://auth.example.com/.well-known/oauth-authorization-server/env-1/as',
      `${ISSUER}/.well-known/oauth-authorization-server`,
    ]);
    expect(discoveryCandidates('http://localhost:4500')).toEqual([
      'http://localhost:4500/.well-known/openid-configuration',
      'http://localhost:4500/.well-known/oauth-authorization-server',
    ]);
  });

  it('uses a full discovery URL as is', () => {
    const url = `${ISSUER}/.well-known/openid-configuration`;
    expect(discoveryCandidates(url)).toEqual([url]);
  });

  it.each(['not a url', 'http://auth.example.com/as', 'javascript:alert(1)', 'https://auth.example.com/as?x=1'])(
    'refuses %s with an InputError on issuerOrDiscoveryUrl',
    (input) => {
      expect(() => discoveryCandidates(input)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'issuerOrDiscoveryUrl' }));
    },
  );
});

describe('parseDiscoveryDocument', () => {
  it('keeps the fields the playground uses and reports no warnings for a complete document', () => {
    const { metadata, warnings } = parseDiscoveryDocument(FULL, ISSUER);
    expect(warnings).toEqual([]);
    expect(metadata).toEqual({
      issuer: ISSUER,
      token_endpoint: FULL.token_endpoint,
      jwks_uri: FULL.jwks_uri,
      token_endpoint_auth_methods_supported: FULL.token_endpoint_auth_methods_supported,
      token_endpoint_auth_signing_alg_values_supported: FULL.token_endpoint_auth_signing_alg_values_supported,
      grant_types_supported: FULL.grant_types_supported,
      scopes_supported: FULL.scopes_supported,
    });
  });

  it('fills RFC 8414 defaults with warnings for a server that advertises badly', () => {
    const { metadata, warnings } = parseDiscoveryDocument({ token_endpoint: `${ISSUER}/token`, scopes_supported: 'openid' });
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic']);
    expect(metadata.grant_types_supported).toBeUndefined();
    expect(metadata.scopes_supported).toBeUndefined();
    expect(warnings).toEqual([
      'scopes_supported is not a list of strings; ignored.',
      'grant_types_supported is not advertised; assuming client_credentials may work.',
      'token_endpoint_auth_methods_supported is not advertised; assuming client_secret_basic (RFC 8414 default).',
    ]);
  });

  it('warns when client_credentials is not listed, or the issuer differs', () => {
    const { warnings } = parseDiscoveryDocument({ ...FULL, issuer: 'https://other.example.com', grant_types_supported: ['authorization_code'] }, ISSUER);
    expect(warnings.some((w) => w.includes('does not list client_credentials'))).toBe(true);
    expect(warnings.some((w) => w.includes('differs from the one entered'))).toBe(true);
  });

  it.each([
    ['no token_endpoint', { issuer: ISSUER }, /no token_endpoint/],
    ['a non-https token_endpoint', { token_endpoint: 'http://evil.example.com/token' }, /not usable/],
    ['a javascript: token_endpoint', { token_endpoint: 'javascript:alert(1)' }, /not usable/],
    ['an array', [], /not a JSON object/],
  ])('refuses a document with %s', (_name, doc, message) => {
    expect(() => parseDiscoveryDocument(doc)).toThrow(expect.objectContaining({ code: 'DISCOVERY_ERROR', message: expect.stringMatching(message) }));
  });

  it('drops an unusable jwks_uri with a warning', () => {
    const { metadata, warnings } = parseDiscoveryDocument({ ...FULL, jwks_uri: 'http://evil.example.com/jwks' });
    expect(metadata.jwks_uri).toBeUndefined();
    expect(warnings[0]).toMatch(/jwks_uri/);
  });
});

describe('discoveryService', () => {
  it('discovers from an issuer via openid-configuration', async () => {
    server.use(http.get(`${ISSUER}/.well-known/openid-configuration`, () => HttpResponse.json(FULL)));
    const result = await createDiscoveryService().discover(ISSUER);
    expect(result.fetchedFrom).toBe(`${ISSUER}/.well-known/openid-configuration`);
    expect(result.metadata.token_endpoint).toBe(FULL.token_endpoint);
    expect(result.warnings).toEqual([]);
  });

  it('falls back to RFC 8414 oauth-authorization-server on 404', async () => {
    const seen: string[] = [];
    server.use(
      http.get('https://auth.example.com/*', ({ request }) => {
        seen.push(request.url);
        if (request.url === 'https://auth.example.com/.well-known/oauth-authorization-server/env-1/as') return HttpResponse.json(FULL);
        return new HttpResponse('not found', { status: 404 });
      }),
    );
    const result = await createDiscoveryService().discover(ISSUER);
    expect(result.fetchedFrom).toBe('https://auth.example.com/.well-known/oauth-authorization-server/env-1/as');
    expect(seen).toEqual([`${ISSUER}/.well-known/openid-configuration`, result.fetchedFrom]);
  });

  it('accepts a full discovery URL on the local sandbox over http', async () => {
    const url = 'http://localhost:4500/env-1/as/.well-known/openid-configuration';
    server.use(http.get(url, () => HttpResponse.json({ ...FULL, token_endpoint: 'http://localhost:4500/env-1/as/token', jwks_uri: undefined })));
    const result = await createDiscoveryService().discover(url);
    expect(result.metadata.token_endpoint).toBe('http://localhost:4500/env-1/as/token');
  });

  it('gives DISCOVERY_ERROR when nothing is found', async () => {
    server.use(http.get('https://auth.example.com/*', () => new HttpResponse(null, { status: 404 })));
    await expect(createDiscoveryService().discover(ISSUER)).rejects.toMatchObject({ code: 'DISCOVERY_ERROR', status: 404 });
  });

  it.each([
    ['HTTP 500', () => new HttpResponse('boom', { status: 500 }), { code: 'DISCOVERY_ERROR', status: 500 }],
    ['an HTML page', () => HttpResponse.html('<html>login</html>'), { code: 'DISCOVERY_ERROR', message: expect.stringMatching(/not valid JSON/) }],
    ['a network error', () => HttpResponse.error(), { code: 'NETWORK' }],
  ])('types a failure: %s', async (_name, resolver, expected) => {
    server.use(http.get(`${ISSUER}/.well-known/openid-configuration`, resolver));
    await expect(createDiscoveryService().discover(ISSUER)).rejects.toMatchObject(expected);
  });

  it('refuses a bad input before any request', async () => {
    await expect(createDiscoveryService().discover('ftp://auth.example.com')).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'issuerOrDiscoveryUrl' });
  });

  it('caches per input for ttlMs, shares in-flight lookups, and does not cache failures', async () => {
    let calls = 0;
    let fail = true;
    server.use(
      http.get(`${ISSUER}/.well-known/openid-configuration`, () => {
        calls += 1;
        return fail ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(FULL);
      }),
    );
    const { clock } = fx;
    const service = createDiscoveryService({ ttlMs: 1000 });
    await expect(service.discover(ISSUER)).rejects.toMatchObject({ status: 503 });
    fail = false;
    const [a, b] = await Promise.all([service.discover(ISSUER), service.discover(` ${ISSUER} `)]);
    expect(b).toBe(a);
    expect(calls).toBe(2);
    clock.advance(999);
    await service.discover(ISSUER);
    expect(calls).toBe(2);
    clock.advance(1);
    await service.discover(ISSUER);
    expect(calls).toBe(3);
    service.clear();
    await service.discover(ISSUER);
    expect(calls).toBe(4);
  });

  it('uses the provided fetch and logs warnings without secrets', async () => {
    const fetch = vi.fn(async () => Response.json({ token_endpoint: `${ISSUER}/token` }));
    provideEffects({ fetch });
    const result = await createDiscoveryService().discover(ISSUER);
    const warn = fx.log.lines.filter((l) => l.level === 'warn');
    expect(fetch).toHaveBeenCalledWith(`${ISSUER}/.well-known/openid-configuration`, expect.objectContaining({ headers: { Accept: 'application/json' } }));
    expect(result.warnings).toHaveLength(2);
    expect(warn).toHaveLength(2);
    expect(new Set(warn.map((l) => l.module))).toEqual(new Set(['discovery']));
  });

  it('times out a server that never answers with TIMEOUT', async () => {
    const { clock } = fx;
    const fetch = vi.fn(
      (_url: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    provideEffects({ fetch });
    const pending = createDiscoveryService({ timeoutMs: 2000 }).discover(ISSUER);
    await expect(clock.run(pending)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(clock.scheduled).toEqual([2000]);
    expect(clock.now()).toBe(2000);
  });
});
