// describeClientCredentialsRequest: input validation, headers, and reading the auth method back.
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../keys';
import { buildClientCredentialsBody } from './body';
import { clientSecretBasic, clientSecretJwt, clientSecretPost, privateKeyJwt, type ClientAuth, type ClientAuthContext } from './clientAuth';
import { authMethodOf, describeAuthenticatedPost, describeClientCredentialsRequest, headerValue } from './description';

const noAuth: ClientAuth = () => undefined;

const describeWith = (tokenEndpoint: string, clientId = 'client', auth: ClientAuth = noAuth) =>
  describeClientCredentialsRequest({ tokenEndpoint, clientId, auth, params: buildClientCredentialsBody({ scope: 'read' }) });

describe('describeClientCredentialsRequest', () => {
  it('builds a POST with form content type, JSON accept and the body as a string', async () => {
    expect(await describeWith('https://as.example.com/token', 'client', clientSecretPost('s'))).toEqual({
      url: 'https://as.example.com/token',
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' },
      body: 'grant_type=client_credentials&scope=read&client_id=client&client_secret=s',
    });
  });

  it('does not mutate the params it was given', async () => {
    const params = buildClientCredentialsBody();
    await describeClientCredentialsRequest({ tokenEndpoint: 'https://a.example/t', clientId: 'c', auth: clientSecretPost('s'), params });
    expect(params.toString()).toBe('grant_type=client_credentials');
  });

  it.each([
    ['http://localhost:4500/env/as/token'],
    ['http://127.0.0.1:4500/token'],
    ['http://[::1]:4500/token'],
    ['https://auth.pingone.eu/env/as/token'],
  ])('accepts %s', async (url) => {
    await expect(describeWith(url)).resolves.toMatchObject({ url: new URL(url).href });
  });

  it.each([
    ['relative', '/as/token'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/plain,hi'],
    ['http to a remote host', 'http://as.example.com/token'],
    ['credentials in the URL', 'https://user:pw@as.example.com/token'],
    ['a fragment', 'https://as.example.com/token#x'],
    ['empty', '  '],
  ])('refuses %s with field tokenEndpoint', async (_name, url) => {
    await expect(describeWith(url)).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'tokenEndpoint' });
  });

  it('hands the client authentication the URL called apart from the token endpoint and the issuer', async () => {
    const seen: Omit<ClientAuthContext, 'headers' | 'body'>[] = [];
    const spy: ClientAuth = ({ headers: _h, body: _b, ...ctx }) => void seen.push(ctx);
    await describeWith('https://as.example.com/as/token', 'c', spy);
    await describeAuthenticatedPost({
      url: 'https://as.example.com/as/introspect',
      urlField: 'introspectionEndpoint',
      tokenEndpoint: 'https://as.example.com/as/token',
      issuer: 'https://as.example.com/as',
      clientId: 'c',
      auth: spy,
      params: new URLSearchParams({ token: 't' }),
    });
    expect(seen).toEqual([
      { clientId: 'c', endpoint: 'https://as.example.com/as/token', tokenEndpoint: 'https://as.example.com/as/token', issuer: undefined },
      { clientId: 'c', endpoint: 'https://as.example.com/as/introspect', tokenEndpoint: 'https://as.example.com/as/token', issuer: 'https://as.example.com/as' },
    ]);
  });

  it('names the URL field at fault, and checks a token endpoint given beside it', async () => {
    const post = (url: string, tokenEndpoint?: string) =>
      describeAuthenticatedPost({ url, urlField: 'revocationEndpoint', tokenEndpoint, clientId: 'c', auth: noAuth, params: new URLSearchParams() });
    await expect(post('http://remote.example.com/revoke')).rejects.toMatchObject({ field: 'revocationEndpoint' });
    await expect(post('https://as.example.com/revoke', 'javascript:alert(1)')).rejects.toMatchObject({ field: 'tokenEndpoint' });
  });

  it('refuses an empty client id with field clientId', async () => {
    await expect(describeWith('https://as.example.com/token', '  ')).rejects.toMatchObject({ field: 'clientId' });
  });

  it('headerValue is case-insensitive', () => {
    expect(headerValue({ AUTHORIZATION: 'x' }, 'authorization')).toBe('x');
    expect(headerValue({}, 'authorization')).toBeUndefined();
  });
});

describe('authMethodOf', () => {
  it('reads each method back from the description', async () => {
    const key = await generateSigningKeyPair('ES256');
    const url = 'https://as.example.com/token';
    expect(authMethodOf(await describeWith(url, 'c', clientSecretBasic('s')))).toBe('client_secret_basic');
    expect(authMethodOf(await describeWith(url, 'c', clientSecretPost('s')))).toBe('client_secret_post');
    expect(authMethodOf(await describeWith(url, 'c', clientSecretJwt('s')))).toBe('client_secret_jwt');
    expect(authMethodOf(await describeWith(url, 'c', privateKeyJwt(key.privateKey, { alg: 'ES256' })))).toBe('private_key_jwt');
    expect(authMethodOf(await describeWith(url))).toBe('none');
  });
});
