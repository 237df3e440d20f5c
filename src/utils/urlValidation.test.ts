import { describe, expect, it } from 'vitest';
import { InputError } from './errors';
import { isLoopbackHost, validateEndpointUrl } from './urlValidation';

describe('validateEndpointUrl', () => {
  it.each([
    ['relative path', '/as/token', /absolute URL/],
    ['scheme-relative', '//auth.example.com/token', /absolute URL/],
    ['javascript:', 'javascript:alert(1)', /https:\/\/ URL/],
    ['data:', 'data:text/html,<script>1</script>', /https:\/\/ URL/],
    ['file:', 'file:///etc/passwd', /https:\/\/ URL/],
    ['http to a public host', 'http://auth.example.com/token', /must use https/],
    ['http to a lookalike host', 'http://localhost.evil.com/token', /must use https/],
    ['http to 128.0.0.1', 'http://128.0.0.1/token', /must use https/],
    ['username and password', 'https://user:pass@auth.example.com/token', /username or password/],
    ['username only', 'https://user@auth.example.com/token', /username or password/],
    ['fragment', 'https://auth.example.com/token#frag', /fragment/],
    ['empty fragment', 'https://auth.example.com/token#', /fragment/],
    ['empty', '   ', /required/],
  ])('rejects %s', (_name, value, message) => {
    let error: unknown;
    try {
      validateEndpointUrl(value, 'tokenEndpoint');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('tokenEndpoint');
    expect((error as InputError).message).toMatch(message);
  });

  it.each([
    ['https', 'https://auth.pingone.com/abc/as/token', 'auth.pingone.com'],
    ['http://localhost', 'http://localhost:4500/env/as/token', 'localhost'],
    ['http://127.0.0.1', 'http://127.0.0.1:4500/as/token', '127.0.0.1'],
    ['http://127.10.0.3', 'http://127.10.0.3/as/token', '127.10.0.3'],
    ['http://[::1]', 'http://[::1]:4500/as/token', '[::1]'],
    ['padded with spaces', '  https://auth.example.com/token  ', 'auth.example.com'],
  ])('accepts %s', (_name, value, hostname) => {
    expect(validateEndpointUrl(value, 'tokenEndpoint').hostname).toBe(hostname);
  });

  it('refuses http even on loopback when allowHttpLoopback is false', () => {
    expect(() => validateEndpointUrl('http://localhost/token', 'issuer', { allowHttpLoopback: false })).toThrow(/must use https/);
    expect(validateEndpointUrl('https://localhost/token', 'issuer', { allowHttpLoopback: false }).protocol).toBe('https:');
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true], ['LOCALHOST', true], ['app.localhost', true], ['127.0.0.1', true], ['127.255.255.254', true],
    ['::1', true], ['[::1]', true], ['127.0.0.256', false], ['10.0.0.1', false], ['localhost.example.com', false],
    ['example.com', false], ['[::2]', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
