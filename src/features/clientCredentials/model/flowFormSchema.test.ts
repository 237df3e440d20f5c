// Field-level validation: each rule catches the input it is for, in the context of provider and method.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../utils/errors';
import { validateScopes } from '../../../utils/oauth/body';
import { DEFAULT_FLOW_FORM, formFieldOf, MAX_CLIENT_SECRET_LENGTH, validateField, validateFlowForm } from './flowFormSchema';
import type { FlowForm } from './flowTypes';

const ENV = '6a1c2e4d-8b3f-4c5a-9e7d-1f2b3c4d5e6f';
const valid: FlowForm = {
  ...DEFAULT_FLOW_FORM, provider: 'custom', tokenEndpoint: 'https://as.example.com/token', clientId: 'client-1', authMethod: 'client_secret_basic',
};
const ctx = { secret: 'a-secret', hasKey: false };

describe('validateField', () => {
  it('accepts a complete custom configuration', () => {
    expect(validateFlowForm(valid, ctx)).toEqual({});
  });

  it.each([
    ['', /required/],
    ['/as/token', /absolute URL/],
    ['javascript:alert(1)', /https/],
    ['http://as.example.com/token', /https/],
    ['https://user:pw@as.example.com/token', /username or password/],
  ])('token endpoint %j is refused', (value, message) => {
    expect(validateField('tokenEndpoint', { ...valid, tokenEndpoint: value }, ctx)).toMatch(message);
  });

  it.each([
    ['introspectionEndpoint', 'javascript:alert(1)', /^Introspection endpoint must be an https/],
    ['revocationEndpoint', 'https://user:pw@as.example.com/revoke', /^Revocation endpoint must not contain a username/],
  ] as const)('a typed %s is held to the token endpoint rules: %j', (field, value, message) => {
    const form = { ...valid, [field]: value };
    expect(validateFlowForm(form, ctx)[field]).toMatch(message);
    expect(form[field]).toBe(value); // the typed text is kept for the person to fix
    expect(validateField(field, { ...valid, [field]: '' }, ctx)).toBeUndefined();
    expect(validateField(field, { ...valid, [field]: 'https://as.example.com/x' }, ctx)).toBeUndefined();
  });

  it('allows plain http to the local sandbox only', () => {
    expect(validateField('tokenEndpoint', { ...valid, tokenEndpoint: 'http://localhost:4500/env/as/token' }, ctx)).toBeUndefined();
  });

  it('requires a UUID environment ID for PingOne and the sandbox, not for Custom', () => {
    expect(validateField('environmentId', { ...valid, provider: 'pingone', environmentId: 'abc' }, ctx)).toMatch(/UUID/);
    expect(validateField('environmentId', { ...valid, provider: 'pingone', environmentId: ENV }, ctx)).toBeUndefined();
    expect(validateField('environmentId', { ...valid, provider: 'custom', environmentId: '' }, ctx)).toBeUndefined();
  });

  it('needs a secret for the secret methods, 32+ characters for client_secret_jwt, none for private_key_jwt', () => {
    expect(validateField('clientSecret', valid, { ...ctx, secret: '' })).toMatch(/required/);
    expect(validateField('clientSecret', { ...valid, authMethod: 'client_secret_jwt' }, { ...ctx, secret: 'short' })).toMatch(/32/);
    expect(validateField('clientSecret', { ...valid, authMethod: 'private_key_jwt' }, { ...ctx, secret: '' })).toBeUndefined();
  });

  it('needs a key and a kid for private_key_jwt', () => {
    const form = { ...valid, authMethod: 'private_key_jwt' as const, kid: '' };
    expect(validateField('privateKey', form, { ...ctx, hasKey: false })).toMatch(/generate a key pair or import/);
    expect(validateField('privateKey', form, { ...ctx, hasKey: true })).toBeUndefined();
    expect(validateField('kid', form, ctx)).toMatch(/kid/);
  });

  it('refuses JWT methods for microauthd', () => {
    expect(validateField('authMethod', { ...valid, provider: 'microauthd', authMethod: 'private_key_jwt' }, ctx)).toMatch(/microauthd/);
  });

  it('checks scopes, resource and the advanced ranges', () => {
    expect(validateField('scopes', { ...valid, scopes: ['ok', 'bad"quote'] }, ctx)).toMatch(/bad"quote/);
    expect(validateField('resource', { ...valid, resource: 'https://api.example.com/#frag' }, ctx)).toMatch(/fragment/);
    expect(validateField('resource', { ...valid, resource: 'not a uri' }, ctx)).toMatch(/absolute URI/);
    expect(validateField('assertionLifetimeSeconds', { ...valid, assertionLifetimeSeconds: 61 }, ctx)).toMatch(/at most 60/);
    expect(validateField('clockSkewSeconds', { ...valid, clockSkewSeconds: 301 }, ctx)).toMatch(/at most 300/);
    expect(validateField('proactiveRefreshSeconds', { ...valid, proactiveRefreshSeconds: Number.NaN }, ctx)).toMatch(/number/);
    expect(validateField('clientId', { ...valid, clientId: 'a\u0000b' }, ctx)).toMatch(/control/);
  });

  it('core errors name form fields directly: the field a core check refuses is the form field, no translation', () => {
    let thrown: unknown;
    try {
      validateScopes(['ok', 'bad"scope']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect(formFieldOf((thrown as InputError).field)).toBe('scopes');
    expect(formFieldOf('tokenEndpoint')).toBe('tokenEndpoint');
    expect(formFieldOf('scope')).toBeUndefined(); // the old core spelling is gone
    expect(formFieldOf('nonsense')).toBeUndefined();
  });

  // Issue 19: what a field refuses, with a field-level message naming the character; the form keeps the value.
  const HOSTILE = [
    ['a right-to-left override', 'client\u202Eevil', /U\+202E.*bidirectional/],
    ['a first-strong isolate', 'client\u2068x', /U\+2068.*bidirectional/],
    ['a left-to-right mark', 'client\u200Ex', /U\+200E.*bidirectional/],
    ['a zero-width space', 'client\u200Bx', /U\+200B.*invisible/],
    ['a zero-width joiner', 'client\u200Dx', /U\+200D.*invisible/],
    ['a word joiner', 'client\u2060x', /U\+2060.*invisible/],
    ['a leading BOM', '\uFEFFclient', /U\+FEFF.*invisible/],
    ['NUL', 'client\u0000x', /U\+0000.*control/],
    ['CR LF', 'client\r\nx', /U\+000D.*control/],
    ['a C1 control', 'client\u0085x', /U\+0085.*control/],
  ] as const;

  it.each(HOSTILE)('Client ID refuses %s', (_name, clientId, message) => {
    const form = { ...valid, clientId };
    expect(validateField('clientId', form, ctx)).toMatch(message);
    expect(form.clientId).toBe(clientId); // nothing typed is lost: validation never rewrites the value
  });

  it.each(HOSTILE)('Key ID (kid) and Audience refuse %s too', (_name, value, message) => {
    const form = { ...valid, authMethod: 'private_key_jwt' as const, kid: value, audience: value };
    expect(validateField('kid', form, ctx)).toMatch(message);
    expect(validateField('audience', form, ctx)).toMatch(message);
  });

  it('accepts ordinary identifiers, including non-ASCII letters and a JWK thumbprint kid', () => {
    const form = { ...valid, clientId: 'worker-ü 1', authMethod: 'private_key_jwt' as const, kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs', audience: 'https://api.pingone.com' };
    expect(validateField('clientId', form, ctx)).toBeUndefined();
    expect(validateField('kid', form, ctx)).toBeUndefined();
    expect(validateField('audience', form, ctx)).toBeUndefined();
  });

  it.each([
    ['data:text/plain,x', /http or https/],
    ['javascript:alert(1)', /http or https/],
    ['urn:example:api', /http or https/],
    ['https://user:pass@api.example.com/', /username or password/],
    ['https://api.example.com/\u202E', /U\+202E/],
    ['https://api.example.com/\n', /U\+000A/],
  ])('Resource refuses %j', (resource, message) => {
    expect(validateField('resource', { ...valid, resource }, ctx)).toMatch(message);
  });

  it('accepts an http(s) Resource', () => {
    expect(validateField('resource', { ...valid, resource: 'https://api.example.com/v1' }, ctx)).toBeUndefined();
    expect(validateField('resource', { ...valid, resource: 'http://localhost:4500/api' }, ctx)).toBeUndefined();
  });

  it('limits the client secret to MAX_CLIENT_SECRET_LENGTH with a field error (a 100 KB one made the server answer 431)', () => {
    const at = 'x'.repeat(MAX_CLIENT_SECRET_LENGTH);
    expect(validateField('clientSecret', valid, { ...ctx, secret: at })).toBeUndefined();
    expect(validateField('clientSecret', valid, { ...ctx, secret: `${at}x` })).toMatch(/longer than 1024 characters/);
    expect(validateField('clientSecret', { ...valid, authMethod: 'client_secret_jwt' }, { ...ctx, secret: 'x'.repeat(100_000) })).toMatch(/431/);
    expect(validateFlowForm(valid, { ...ctx, secret: 'x'.repeat(100_000) })).toHaveProperty('clientSecret');
  });

  it('keeps the worst 1024-character secret in a Basic header well under 16 KiB', () => {
    // Every character percent-encoded as UTF-8 (RFC 6749 §2.3.1), the longest client ID, then base64.
    const secret = '😀'.repeat(MAX_CLIENT_SECRET_LENGTH / 2);
    const id = '😀'.repeat(128);
    const header = `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`;
    expect(header.length).toBeLessThan(16 * 1024);
  });
});
