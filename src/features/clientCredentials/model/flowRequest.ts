// From the form to the one RequestDescription (preview, exports and Get token) and to the TokenCache key parts.
import { DEFAULT_RELAY_URL } from '../../../config/defaults';
import type { TokenCacheKeyParts } from '../../../types/token';
import { InputError } from '../../../utils/errors';
import type { SigningKey } from '../../../utils/keys';
import { buildClientCredentialsBody } from '../../../utils/oauth/body';
import type { AssertionAudience, AssertionTyp } from '../../../utils/oauth/assertionAudience';
import { clientSecretBasic, clientSecretJwt, clientSecretPost, privateKeyJwt, tlsClientAuth, type ClientAuth } from '../../../utils/oauth/clientAuth';
import { describeClientCredentialsRequest, type RequestDescription } from '../../../utils/oauth/description';
import type { RelayRoute } from '../../../utils/relay';
import { routeFor, tokenEndpointFor } from '../../../utils/relayRoute';
import { TokenCacheKey } from '../../../utils/tokenCacheKey';
import { x509HeaderParameters, type X509HeaderParameters, type X509Thumbprints } from '../../../utils/x509Thumbprint';
import { PROVIDERS } from '../../../config/providers';
import type { FlowForm } from './flowTypes';

/** The credentials that never enter FlowForm: the secret (memory) and the signing key (non-extractable). */
export interface FlowCredentials {
  secret: string;
  key?: SigningKey | undefined;
  /** The key's certificate thumbprints, when it was imported as a certificate credential (public values). */
  certificate?: X509Thumbprints | undefined;
  /** The relay's address (the `relay.url` setting), for `Send through the local relay` and mTLS. */
  relayUrl?: string | undefined;
  /** A pasted client certificate the relay holds: its id and thumbprint only (memory, never stored). */
  mtlsCredential?: { credentialId: string; x5tS256: string } | undefined;
}

/**
 * The assertion choices a form may carry (`Assertion audience` and the typ option); optional until FlowForm holds
 * them, so a form without them keeps the defaults (token endpoint, `typ` auto).
 */
export interface AssertionChoice {
  assertionAudience?: AssertionAudience | undefined;
  assertionTyp?: AssertionTyp | undefined;
}

/**
 * The thumbprint header(s) of a certificate credential, for a provider whose row documents them (Entra ID); none
 * for a plain key, or where the row does not name a certificate header.
 * @see https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 */
function certificateHeaderOf(form: FlowForm, creds: FlowCredentials): X509HeaderParameters | undefined {
  if (!creds.certificate || !PROVIDERS[form.provider].hosted?.certificateHeader) return undefined;
  return x509HeaderParameters(creds.certificate, form.certificateHeader);
}

/** The client authentication the form asks for. A JWT method signs a fresh assertion (new jti, time from effects().clock) each time it runs. */
export function buildFlowAuth(form: FlowForm & AssertionChoice, creds: FlowCredentials): ClientAuth {
  const jwt = { lifetimeSeconds: form.assertionLifetimeSeconds, audience: form.assertionAudience, typ: form.assertionTyp };
  switch (form.authMethod) {
    case 'client_secret_basic':
      return clientSecretBasic(creds.secret);
    case 'client_secret_post':
      return clientSecretPost(creds.secret);
    case 'client_secret_jwt':
      return clientSecretJwt(creds.secret, jwt);
    case 'private_key_jwt':
      if (!creds.key) throw new InputError('privateKey', 'private_key_jwt needs a key: generate a key pair or import one.');
      return privateKeyJwt(creds.key.privateKey, { kid: form.kid.trim() || creds.key.kid, alg: form.signingAlg, ...jwt, x509: certificateHeaderOf(form, creds) });
    case 'tls_client_auth':
    case 'self_signed_tls_client_auth':
      return tlsClientAuth();
  }
}

/**
 * Direct from the page, or through the local relay (with the client certificate for an mTLS method).
 * @throws InputError field `viaRelay` or `mtlsCertRef`
 */
export function flowRoute(form: FlowForm, creds: FlowCredentials): RelayRoute | undefined {
  return routeFor({
    authMethod: form.authMethod,
    viaRelay: form.viaRelay,
    relayUrl: creds.relayUrl ?? DEFAULT_RELAY_URL,
    mtls: { certRef: form.mtlsCertRef, keyRef: form.mtlsKeyRef, caRef: form.mtlsCaRef, credentialId: creds.mtlsCredential?.credentialId },
  });
}

/**
 * Builds the request description from the form: the preview, the exports and `Get token` all use its result.
 * @throws InputError naming the field at fault
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 */
export async function describeFlowRequest(form: FlowForm & AssertionChoice, creds: FlowCredentials): Promise<RequestDescription> {
  const params = buildClientCredentialsBody({ scope: form.scopes, audience: form.audience, resource: form.resource });
  return describeClientCredentialsRequest({
    // With mTLS, the server's mutual-TLS alias of the token endpoint (RFC 8705 §5), when discovery gave one.
    tokenEndpoint: tokenEndpointFor(form.authMethod, form.tokenEndpoint, form.mtlsTokenEndpoint || undefined),
    clientId: form.clientId,
    issuer: form.issuer || undefined,
    auth: buildFlowAuth(form, creds),
    params,
  });
}

/**
 * The cache key parts: the environment ID (or the issuer / token endpoint for other servers), client, scopes,
 * audience, resource, and with DPoP the key's thumbprint (`jkt`, once known: a token bound to another key is not this one).
 */
export function cacheKeyParts(form: FlowForm, dpopJkt?: string): TokenCacheKeyParts {
  const env = form.environmentId.trim() || form.issuer.trim() || form.tokenEndpoint.trim();
  const parts: TokenCacheKeyParts = { clientId: form.clientId.trim(), env, scope: [...form.scopes] };
  if (form.audience.trim()) parts.audience = form.audience.trim();
  if (form.resource.trim()) parts.resource = form.resource.trim();
  if (form.dpop && dpopJkt) parts.jkt = dpopJkt;
  return parts;
}

const keysByForm = new WeakMap<FlowForm, TokenCacheKey>();

/**
 * The form's cache key, computed once per form value (forms are immutable React state, replaced on every edit):
 * step 4 asks the cache for this token on every API call, and a key handed over ready makes that a map lookup.
 */
export function flowCacheKey(form: FlowForm, dpopJkt?: string): TokenCacheKey {
  let key = keysByForm.get(form);
  // The DPoP key becomes known after the first DPoP request: a key computed before it is computed again.
  if (!key || (form.dpop && key.parts.jkt !== dpopJkt)) {
    key = new TokenCacheKey(cacheKeyParts(form, dpopJkt));
    keysByForm.set(form, key);
  }
  return key;
}
