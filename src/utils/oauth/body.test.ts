// buildClientCredentialsBody: scope normalisation, resource/audience validation, and "no secret in scope".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClientCredentialsBody, validateScopes } from './body';
import { clientSecretBasic, clientSecretPost } from './clientAuth';
import { describeClientCredentialsRequest } from './description';

describe('buildClientCredentialsBody', () => {
  it('always sets grant_type=client_credentials and nothing else by default', () => {
    expect(buildClientCredentialsBody().toString()).toBe('grant_type=client_credentials');
  });

  it.each([
    ['  read   write read\twrite admin ', 'read write admin'],
    [['read', ' write ', 'read', '', 'a b'], 'read write a b'],
    [['p1:read:user', 'admin::list_users'], 'p1:read:user admin::list_users'],
  ])('normalises scope %j to "%s" (trim, dedupe, order kept)', (scope, expected) => {
    expect(buildClientCredentialsBody({ scope }).get('scope')).toBe(expected);
  });

  it('omits scope when all tokens are blank', () => {
    expect(buildClientCredentialsBody({ scope: ['  ', ''] }).has('scope')).toBe(false);
  });

  it.each([['read"write'], ['back\\slash'], ['naïve'], ['ctl\u0001']])('refuses scope token %j (RFC 6749 §3.3)', (token) => {
    expect(() => buildClientCredentialsBody({ scope: [token] })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'scopes' }));
  });

  it('sets audience and repeats resource (deduplicated)', () => {
    const body = buildClientCredentialsBody({
      audience: ' https://api.pingone.com ',
      resource: ['https://a.example/', 'http://b.example/api', 'https://a.example/'],
    });
    expect(body.get('audience')).toBe('https://api.pingone.com');
    expect(body.getAll('resource')).toEqual(['https://a.example/', 'http://b.example/api']);
  });

  it.each([
    ['/relative/api'], ['api.example.com'], ['https://api.example.com/#frag'], ['https://api.example.com/#'],
    // RFC 8707 allows any absolute URI; this app takes http(s) only (issue 19), without userinfo or hidden characters.
    ['data:text/plain,x'], ['javascript:alert(1)'], ['urn:example:api'], ['https://user:pass@api.example.com/'],
    ['https://api.example.com/\u202Eevil'], ['https://api.example.com/\u200B'], ['https://api.example.com/a\nb'],
  ])(
    'refuses resource %j with field resource',
    (resource) => {
      expect(() => buildClientCredentialsBody({ resource })).toThrow(expect.objectContaining({ field: 'resource' }));
    },
  );

  it.each([['a\nb'], ['api\u202Eevil'], ['api\u200B'], ['a\uFEFFpi'], ['api\u0085']])('refuses %j in the audience (controls, bidi, invisible)', (audience) => {
    expect(() => buildClientCredentialsBody({ audience })).toThrow(expect.objectContaining({ field: 'audience' }));
  });

  it('adds extra parameters but never lets them override protocol or credential parameters', () => {
    expect(buildClientCredentialsBody({ extra: { custom: 'x y' } }).get('custom')).toBe('x y');
    for (const name of ['grant_type', 'client_secret', 'client_assertion', 'scope']) {
      expect(() => buildClientCredentialsBody({ extra: { [name]: 'x' } })).toThrow(expect.objectContaining({ field: `extra.${name}` }));
    }
  });

  it('validateScopes accepts undefined', () => {
    expect(validateScopes(undefined)).toEqual([]);
  });
});

describe('property: the scope parameter never carries a secret', () => {
  const scopeToken = fc.stringMatching(/^[\x21\x23-\x5B\x5D-\x7E]{1,12}$/);
  const secret = fc.string({ minLength: 8, maxLength: 40 });

  it.each([
    ['client_secret_basic', clientSecretBasic],
    ['client_secret_post', clientSecretPost],
  ])('%s', async (_name, method) => {
    await fc.assert(
      fc.asyncProperty(fc.array(scopeToken, { maxLength: 6 }), secret, async (scopes, s) => {
        fc.pre(!scopes.some((t) => t.includes(s)));
        const desc = await describeClientCredentialsRequest({
          tokenEndpoint: 'https://as.example.com/token',
          clientId: 'client',
          auth: method(s),
          params: buildClientCredentialsBody({ scope: scopes }),
        });
        const body = new URLSearchParams(desc.body);
        const scope = body.get('scope') ?? '';
        expect(scope).toBe([...new Set(scopes)].join(' '));
        expect(scope.includes(s)).toBe(false);
        // The only place the secret may appear is the credential slot of its method.
        const withoutCredentials = new URLSearchParams(desc.body);
        withoutCredentials.delete('client_secret');
        expect(withoutCredentials.toString().includes(encodeURIComponent(s))).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
