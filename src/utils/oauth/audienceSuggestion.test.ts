// The error card's audience suggestion, as a table: refusal × endpoint × mode used → the mode to try next.
import { describe, expect, it } from 'vitest';
import type { AuthMethod } from '../../types/token';
import type { AssertionAudience } from './assertionAudience';
import { isClientAuthRefusal, suggestAudienceMode, type EndpointKind, type RefusalFacts } from './audienceSuggestion';

const INVALID_CLIENT: RefusalFacts = { error: 'invalid_client', status: 401, bodySnippet: '{"error":"invalid_client"}' };
const KNOWN = { issuerKnown: true, tokenEndpointKnown: true };

describe('suggestAudienceMode', () => {
  const table: [EndpointKind, AssertionAudience, AssertionAudience, string][] = [
    ['token', 'token_endpoint', 'issuer', 'Try the issuer as audience (RFC 7523bis)'],
    ['token', 'endpoint', 'issuer', 'Try the issuer as audience (RFC 7523bis)'],
    ['token', 'issuer', 'token_endpoint', 'Try the token endpoint as audience (RFC 7523)'],
    ['introspection', 'token_endpoint', 'endpoint', 'Try the endpoint called as audience'],
    ['introspection', 'issuer', 'endpoint', 'Try the endpoint called as audience'],
    ['introspection', 'endpoint', 'issuer', 'Try the issuer as audience (RFC 7523bis)'],
    ['revocation', 'token_endpoint', 'endpoint', 'Try the endpoint called as audience'],
    ['revocation', 'issuer', 'endpoint', 'Try the endpoint called as audience'],
    ['revocation', 'endpoint', 'issuer', 'Try the issuer as audience (RFC 7523bis)'],
  ];

  it.each(table)('refused at the %s endpoint with %s → %s', (at, used, mode, label) => {
    for (const method of ['private_key_jwt', 'client_secret_jwt'] as const) {
      const suggestion = suggestAudienceMode({ method, refusal: INVALID_CLIENT, at, used, ...KNOWN });
      expect(suggestion).toMatchObject({ mode, label });
      expect(suggestion?.label).toContain('audience');
      expect(suggestion?.reason).toMatch(/refused an assertion whose "aud" was the .+; this server may want the .+ instead\.$/);
    }
  });

  it.each([
    ['token', 'token_endpoint', { issuerKnown: false, tokenEndpointKnown: true }, undefined],
    ['token', 'issuer', { issuerKnown: true, tokenEndpointKnown: false }, undefined],
    ['introspection', 'endpoint', { issuerKnown: false, tokenEndpointKnown: true }, 'token_endpoint'],
    ['revocation', 'endpoint', { issuerKnown: false, tokenEndpointKnown: false }, undefined],
  ] as const)('at %s after %s, skips a mode whose URL is unknown (%o) → %s', (at, used, known, mode) => {
    expect(suggestAudienceMode({ method: 'private_key_jwt', refusal: INVALID_CLIENT, at, used, ...known })?.mode).toBe(mode);
  });

  it.each<[string, AuthMethod, RefusalFacts]>([
    ['a secret method', 'client_secret_basic', INVALID_CLIENT],
    ['an mTLS method', 'tls_client_auth', INVALID_CLIENT],
    ['invalid_scope', 'private_key_jwt', { error: 'invalid_scope', status: 400, bodySnippet: '{"error":"invalid_scope"}' }],
    ['a 500', 'private_key_jwt', { status: 500 }],
    ['a 403 with no body', 'private_key_jwt', { status: 403 }],
    ['a 400 with a non-OAuth body', 'private_key_jwt', { status: 400, bodySnippet: '<html>Bad Request</html>' }],
  ])('suggests nothing for %s', (_name, method, refusal) => {
    expect(suggestAudienceMode({ method, refusal, at: 'token', used: 'token_endpoint', ...KNOWN })).toBeUndefined();
  });
});

describe('isClientAuthRefusal', () => {
  it.each<[RefusalFacts, boolean]>([
    [{ error: 'invalid_client', status: 401 }, true],
    [{ error: 'invalid_client', status: 400 }, true],
    [{ status: 401 }, true],
    [{ status: 400, bodySnippet: '' }, true],
    [{ status: 401, bodySnippet: '  ' }, true],
    [{ status: 401, bodySnippet: 'Unauthorized' }, false],
    [{ error: 'invalid_grant', status: 400 }, false],
    [{ status: 403 }, false],
  ])('%o → %s', (refusal, expected) => {
    expect(isClientAuthRefusal(refusal)).toBe(expected);
  });
});
