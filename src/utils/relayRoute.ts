// Which way a request goes: direct from the page, or through the local relay (with which client certificate).
import { isMtlsAuthMethod } from '../types/token';
import { InputError } from './errors';
import type { RelayMtls, RelayRoute } from './relay';

/** Where the client certificate for an mTLS method comes from: files the relay reads, or a pasted PEM it holds. */
export interface MtlsSource {
  /** PEM file names in the relay's RELAY_CERT_DIR (the seed's mtls.certRef / keyRef / caRef settings). */
  certRef: string;
  keyRef: string;
  caRef: string;
  /** A pasted certificate handed to the relay once (POST /credentials): only its id is kept, in memory. */
  credentialId?: string | undefined;
}

export interface RouteInput {
  authMethod: string;
  /** the `Send through the local relay` box */
  viaRelay: boolean;
  relayUrl: string;
  mtls: MtlsSource;
}

/** Why mTLS needs the relay, for the note beside the method and the error when the box is unticked. */
export const MTLS_NEEDS_RELAY =
  'A browser cannot attach a client certificate from page script (RFC 8705 mutual TLS), so this method goes through the local relay.';

/**
 * The relay's `mtls` member for a source: an uploaded credential wins over file references; a CA file named beside
 * it still goes along (a server with a private CA, such as the sandbox's, is verified with it; relay/README.md).
 */
export function relayMtlsOf(source: MtlsSource): RelayMtls {
  if (source.credentialId) {
    const ca = source.caRef.trim();
    return ca ? { credentialId: source.credentialId, caRef: ca } : { credentialId: source.credentialId };
  }
  const certRef = source.certRef.trim();
  const keyRef = source.keyRef.trim();
  if (!certRef || !keyRef) {
    throw new InputError('mtlsCertRef', 'Name the client certificate and key files (in the relay’s certs directory), or paste a certificate and key.');
  }
  const caRef = source.caRef.trim();
  return caRef ? { certRef, keyRef, caRef } : { certRef, keyRef };
}

/**
 * The route for the token request and the step-4 calls: undefined = direct from the page. An mTLS method always
 * goes through the relay, with its certificate; every other method only when the box is ticked.
 * @throws InputError field `viaRelay` (an mTLS method with the box unticked) or `mtlsCertRef`
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2
 */
export function routeFor(input: RouteInput): RelayRoute | undefined {
  if (isMtlsAuthMethod(input.authMethod)) {
    if (!input.viaRelay) throw new InputError('viaRelay', `${MTLS_NEEDS_RELAY} Tick “Send through the local relay”.`);
    return { url: input.relayUrl, mtls: relayMtlsOf(input.mtls) };
  }
  return input.viaRelay ? { url: input.relayUrl } : undefined;
}

/**
 * The token endpoint to call: with an mTLS method, discovery's `mtls_endpoint_aliases.token_endpoint` (the server's
 * mutual-TLS listener) when it has one, else the token endpoint itself.
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-5
 */
export function tokenEndpointFor(authMethod: string, tokenEndpoint: string, mtlsTokenEndpoint: string | undefined): string {
  return isMtlsAuthMethod(authMethod) && mtlsTokenEndpoint ? mtlsTokenEndpoint : tokenEndpoint;
}
