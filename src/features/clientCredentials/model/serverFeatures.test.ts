// serverFeatures: what discovery says about introspection, revocation and DPoP, and the advice when one is missing.
import { describe, expect, it } from 'vitest';
import type { DiscoveryMetadata } from '../../../services/discoveryService';
import { serverFeatures } from './serverFeatures';

const BASE: DiscoveryMetadata = { token_endpoint: 'https://as.example.com/token', token_endpoint_auth_methods_supported: ['client_secret_basic'] };

describe('serverFeatures', () => {
  it('lists the endpoints with their auth methods (the token endpoint\'s when not given) and the DPoP algorithms', () => {
    const features = serverFeatures(
      { ...BASE, introspection_endpoint: 'https://as.example.com/introspect', introspection_endpoint_auth_methods_supported: ['private_key_jwt'], revocation_endpoint: 'https://as.example.com/revoke', dpop_signing_alg_values_supported: ['ES256', 'EdDSA'] },
      true,
    );
    expect(features).toEqual([
      { feature: 'introspection', supported: true, detail: 'https://as.example.com/introspect', authMethods: ['private_key_jwt'] },
      { feature: 'revocation', supported: true, detail: 'https://as.example.com/revoke', authMethods: ['client_secret_basic'] },
      { feature: 'dpop', supported: true, detail: 'ES256, EdDSA' },
    ]);
  });

  it('says what is missing and what it means', () => {
    const [introspection, revocation, dpop] = serverFeatures(BASE, true);
    expect(introspection).toMatchObject({ supported: false, advice: expect.stringContaining('Introspect token') });
    expect(revocation).toMatchObject({ supported: false, advice: expect.stringContaining('Revoke token') });
    expect(dpop).toMatchObject({ supported: false, advice: expect.stringContaining('token_type Bearer') });
  });

  it('warns when the server lists DPoP algorithms without ES256', () => {
    expect(serverFeatures({ ...BASE, dpop_signing_alg_values_supported: ['EdDSA'] }, true)[2]?.advice).toMatch(/ES256/);
  });
});
