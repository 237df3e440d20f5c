// What the error card says for an OAuth error (RFC 6749 §5.2) and for a bare HTTP status.
import type { ErrorExplanation, Explainer } from './explainTypes';

export const REJECTED = 'The server rejected the client credentials.';

/** RFC 6749 §5.2 error codes (plus RFC 8707 `invalid_target`). */
export const OAUTH_EXPLAINERS: Record<string, Explainer> = {
  invalid_client: () => ({
    summary: `${REJECTED} Client authentication failed (invalid_client).`,
    likelyCauses: [
      'The client secret is wrong, or was rotated on the server.',
      'The authentication method sent is not the one registered for this client (e.g. client_secret_post for a client_secret_basic client).',
      'The client ID is unknown in this environment.',
      'private_key_jwt: the public key (or its kid) is not registered with the provider, or the registered JWKS is stale.',
      'Client assertion: aud is not the token endpoint (or issuer) the server expects, it has expired (exp ≤ 60 s, clock skew), or its jti was already used (replay).',
    ],
    fixHint:
      'Compare the client ID, secret and authentication method with the client registration; for JWT methods, check the assertion lint in step 2 and the registered key.',
  }),
  invalid_scope: () => ({
    summary: 'The server refused one or more of the requested scopes (invalid_scope).',
    likelyCauses: [
      'A requested scope is not granted to this client, or does not exist in this environment.',
      'PingOne: p1:* platform scopes are not issued to client_credentials; the worker app’s role assignments decide access.',
      'A typo or a scope from another resource mixed into the request.',
    ],
    fixHint: 'Request fewer scopes (use the least-privilege preset), or grant the scopes to the client on the server.',
  }),
  unauthorized_client: () => ({
    summary: 'This client is not allowed to use the client_credentials grant (unauthorized_client).',
    likelyCauses: [
      'The client_credentials grant type is not enabled for this application.',
      'The application type cannot use machine-to-machine grants (e.g. not a PingOne worker app).',
    ],
    fixHint: 'Enable the client_credentials grant for the application on the server, or use a worker/service client.',
  }),
  unsupported_grant_type: () => ({
    summary: 'The server does not support the client_credentials grant at this endpoint (unsupported_grant_type).',
    likelyCauses: [
      'The token endpoint URL points at a different server or path.',
      'The authorization server has the client_credentials grant disabled.',
    ],
    fixHint: 'Check the token endpoint from the discovery document and the server’s grant_types_supported.',
  }),
  invalid_request: () => ({
    summary: 'The server found the request malformed (invalid_request).',
    likelyCauses: [
      'A required parameter is missing or sent twice (e.g. credentials both in the Authorization header and in the body).',
      'The client assertion is malformed, or client_assertion_type is wrong.',
      'The resource or audience value is not an absolute URI the server accepts.',
    ],
    fixHint: 'Look at the exact request in step 2: one authentication method, no duplicate parameters.',
  }),
  // RFC 7009 §2.2.1 (revocation) and RFC 9449 §5, §8 (DPoP).
  unsupported_token_type: () => ({
    summary: 'The server cannot revoke or introspect this kind of token (unsupported_token_type, RFC 7009 §2.2.1).',
    likelyCauses: [
      'The token is a JWT access token: servers such as oidc-provider do not store them, so they cannot revoke them; it stays valid until it expires.',
      'The token_type_hint names a type the server does not handle.',
    ],
    fixHint: 'Use a client whose tokens are opaque (the sandbox’s sandbox-opaque), or rely on short token lifetimes.',
  }),
  invalid_dpop_proof: () => ({
    summary: 'The server rejected the DPoP proof (invalid_dpop_proof, RFC 9449).',
    likelyCauses: [
      'htu or htm does not match the request (a proxy or the relay changed the URL the server sees).',
      'iat is outside the server’s window: this computer’s clock is off.',
      'The proof was reused (jti replay), or ath does not match the access token.',
    ],
    fixHint: 'Check the decoded proof and its lint in step 2, and the system clock; every request needs a new proof.',
  }),
  use_dpop_nonce: () => ({
    summary: 'The server keeps asking for a DPoP nonce (use_dpop_nonce, RFC 9449 §8): one retry with its nonce did not satisfy it.',
    likelyCauses: [
      'The server rotates nonces faster than a request takes, or hands out a nonce it does not accept.',
      'The server asked for a nonce without sending a DPoP-Nonce header (or CORS hides it: Access-Control-Expose-Headers must list DPoP-Nonce).',
    ],
    fixHint: 'The playground retries once and stops, never loops; look at the DPoP-Nonce header in the server’s answers.',
  }),
  invalid_target: () => ({
    summary: 'The server does not know the requested resource (invalid_target).',
    likelyCauses: ['The resource indicator is not registered on the server, or not allowed for this client.'],
    fixHint: 'Use a resource URI the server registers, or leave Resource empty.',
  }),
  invalid_grant: () => ({
    summary: 'The server refused the grant (invalid_grant).',
    likelyCauses: ['The server expects another grant for this client, or the client is disabled.'],
    fixHint: 'Check that the client is enabled and allowed to use client_credentials.',
  }),
  temporarily_unavailable: () => serverDown(),
  server_error: () => serverDown(),
};

export function serverDown(): Omit<ErrorExplanation, 'heading' | 'label'> {
  return {
    summary: 'The authorization server had a problem and could not answer.',
    likelyCauses: ['The server is overloaded, restarting, or failing internally.', 'A gateway in front of it is failing.'],
    fixHint: 'The playground already retried with backoff; wait a moment and press Get token again.',
  };
}

export function byStatus(status: number): Omit<ErrorExplanation, 'heading' | 'label'> {
  if (status === 429) {
    return {
      summary: 'The server is rate-limiting this client (HTTP 429 Too Many Requests).',
      likelyCauses: ['Too many token requests in a short time.', 'A shared client used by other callers too.'],
      fixHint: 'Wait for the Retry-After time shown in the attempts timeline, then try again; cache tokens instead of requesting one per call.',
    };
  }
  if (status >= 500) {
    return { ...serverDown(), summary: `The authorization server failed (HTTP ${status}).` };
  }
  if (status === 401 || status === 403) {
    return {
      summary: `${REJECTED} (HTTP ${status})`,
      likelyCauses: ['Wrong client secret or key.', 'The authentication method does not match the client registration.'],
      fixHint: 'Check the client ID, credentials and authentication method.',
    };
  }
  if (status === 404 || status === 405) {
    return {
      summary: `The token endpoint URL does not accept this request (HTTP ${status}).`,
      likelyCauses: ['The token endpoint URL is wrong (environment ID, region, or path).'],
      fixHint: 'Use the token_endpoint from the discovery document.',
    };
  }
  return {
    summary: `The server answered HTTP ${status} without an OAuth error.`,
    likelyCauses: ['A proxy or gateway answered instead of the authorization server.'],
    fixHint: 'Look at the raw response below and at the token endpoint URL.',
  };
}
