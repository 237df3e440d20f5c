// Routing: direct, through the relay, or through the relay with a client certificate; the mTLS token endpoint alias.
import { describe, expect, it } from 'vitest';
import { bindingCheckLine, certificateThumbprintOf, checkCertificateBinding } from './certificateBinding';
import { InputError } from './errors';
import { relayMtlsOf, routeFor, tokenEndpointFor } from './relayRoute';

const RELAY = 'http://localhost:4600';
const FILES = { certRef: 'c.pem', keyRef: 'k.pem', caRef: 'ca.pem' };

describe('routeFor', () => {
  it('sends a secret method directly unless the box is ticked', () => {
    expect(routeFor({ authMethod: 'client_secret_basic', viaRelay: false, relayUrl: RELAY, mtls: FILES })).toBeUndefined();
    expect(routeFor({ authMethod: 'client_secret_basic', viaRelay: true, relayUrl: RELAY, mtls: FILES })).toEqual({ url: RELAY });
  });

  it('sends an mTLS method through the relay with its certificate files', () => {
    expect(routeFor({ authMethod: 'tls_client_auth', viaRelay: true, relayUrl: RELAY, mtls: FILES })).toEqual({ url: RELAY, mtls: FILES });
  });

  it('refuses an mTLS method without the relay, saying why, on the viaRelay field', () => {
    const run = () => routeFor({ authMethod: 'self_signed_tls_client_auth', viaRelay: false, relayUrl: RELAY, mtls: FILES });
    expect(run).toThrow(InputError);
    expect(run).toThrow(/cannot attach a client certificate/);
  });
});

describe('relayMtlsOf', () => {
  it('prefers an uploaded credential and sends no file names then', () => {
    expect(relayMtlsOf({ ...FILES, caRef: '', credentialId: 'cred-1' })).toEqual({ credentialId: 'cred-1' });
    // A CA file beside a pasted credential goes along: the relay used to drop it, and a private-CA server failed TLS.
    expect(relayMtlsOf({ ...FILES, caRef: 'ca.pem', credentialId: 'cred-1' })).toEqual({ credentialId: 'cred-1', caRef: 'ca.pem' });
  });

  it('leaves out an empty CA and needs both files', () => {
    expect(relayMtlsOf({ certRef: 'c.pem', keyRef: 'k.pem', caRef: ' ' })).toEqual({ certRef: 'c.pem', keyRef: 'k.pem' });
    expect(() => relayMtlsOf({ certRef: 'c.pem', keyRef: '', caRef: '' })).toThrow(expect.objectContaining({ field: 'mtlsCertRef' }));
  });
});

describe('tokenEndpointFor', () => {
  it('uses the mtls_endpoint_aliases token endpoint for mTLS methods only', () => {
    expect(tokenEndpointFor('tls_client_auth', 'http://a/token', 'https://a:4543/token')).toBe('https://a:4543/token');
    expect(tokenEndpointFor('client_secret_basic', 'http://a/token', 'https://a:4543/token')).toBe('http://a/token');
    expect(tokenEndpointFor('tls_client_auth', 'http://a/token', undefined)).toBe('http://a/token');
  });
});

describe('checkCertificateBinding', () => {
  const bound = { cnf: { 'x5t#S256': 'abc' } };

  it('reads cnf.x5t#S256 and compares it with the uploaded certificate’s thumbprint', () => {
    expect(certificateThumbprintOf(bound)).toBe('abc');
    expect(checkCertificateBinding(bound, 'abc')).toEqual({ status: 'bound', thumbprint: 'abc', matches: true });
    expect(checkCertificateBinding(bound, 'xyz')).toEqual({ status: 'bound', thumbprint: 'abc', matches: false });
  });

  it('says bound-unverified when the relay holds the certificate as a file, and unbound without cnf', () => {
    expect(checkCertificateBinding(bound, undefined)).toEqual({ status: 'bound-unverified', thumbprint: 'abc' });
    expect(checkCertificateBinding({ cnf: { jkt: 'x' } }, 'abc')).toEqual({ status: 'unbound' });
    expect(checkCertificateBinding(undefined, 'abc')).toEqual({ status: 'unbound' });
  });
});

describe('bindingCheckLine', () => {
  it('fails an unbound token or a thumbprint that is not the certificate’s, and passes a bound one', () => {
    expect(bindingCheckLine({ status: 'unbound' })).toMatchObject({ check: 'cnf', ok: false });
    expect(bindingCheckLine({ status: 'bound', thumbprint: 'a', matches: false })).toMatchObject({ ok: false, message: expect.stringContaining('not the thumbprint') });
    expect(bindingCheckLine({ status: 'bound', thumbprint: 'a', matches: true })).toMatchObject({ ok: true });
    expect(bindingCheckLine({ status: 'bound-unverified', thumbprint: 'a' })).toMatchObject({ ok: true, message: expect.stringContaining('not compared') });
  });
});
