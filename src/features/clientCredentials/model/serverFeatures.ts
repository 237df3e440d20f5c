// What a discovery document says about introspection, revocation and DPoP, and what to tell a person about it.
import type { DiscoveryMetadata } from '../../../services/discoveryService';

export interface ServerFeature {
  /** introspection, revocation or dpop */
  feature: 'introspection' | 'revocation' | 'dpop';
  supported: boolean;
  /** The endpoint, or the DPoP algorithms, as advertised. */
  detail: string;
  /** The client authentication methods the endpoint accepts, when advertised. */
  authMethods?: readonly string[] | undefined;
  /** Advice when it is missing (the advisor's line). */
  advice?: string;
}

/**
 * The three features from RFC 8414 metadata: `introspection_endpoint` (RFC 7662), `revocation_endpoint` (RFC 7009),
 * `dpop_signing_alg_values_supported` (RFC 9449 §5.1). A missing one is said, with what it means for the flow.
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export function serverFeatures(m: DiscoveryMetadata, dpopWanted: boolean): ServerFeature[] {
  const endpoint = (feature: 'introspection' | 'revocation', url: string | undefined, methods: string[] | undefined): ServerFeature =>
    url
      ? { feature, supported: true, detail: url, authMethods: methods ?? m.token_endpoint_auth_methods_supported }
      : { feature, supported: false, detail: `no ${feature}_endpoint`, advice: `This server does not advertise ${feature}: the ${feature === 'introspection' ? 'Introspect token' : 'Revoke token'} button has nowhere to go.` };
  const algs = m.dpop_signing_alg_values_supported ?? [];
  const dpop: ServerFeature =
    algs.length > 0
      ? { feature: 'dpop', supported: true, detail: algs.join(', ') }
      : {
          feature: 'dpop',
          supported: false,
          detail: 'no dpop_signing_alg_values_supported',
          advice: dpopWanted
            ? 'This server does not advertise DPoP: expect token_type Bearer (an unbound token) or a refusal; the token checks will say which.'
            : 'This server does not advertise DPoP (RFC 9449).',
        };
  if (dpop.supported && !algs.includes('ES256')) dpop.advice = `The playground signs proofs with ES256, which this server does not list (${algs.join(', ')}).`;
  return [
    endpoint('introspection', m.introspection_endpoint, m.introspection_endpoint_auth_methods_supported),
    endpoint('revocation', m.revocation_endpoint, m.revocation_endpoint_auth_methods_supported),
    dpop,
  ];
}
