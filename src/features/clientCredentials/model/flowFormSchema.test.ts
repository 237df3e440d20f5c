// Field-level validation: each rule catches the input it is for, in the context of provider and method.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../utils/errors';
import { validateScopes } from '../../../utils/oauth/body';
import { DEFAULT_FLOW_FORM, formFieldOf, validateField, validateFlowForm } from './flowFormSchema';
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
});
