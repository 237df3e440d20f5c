// Token shapes shared by the core, the cache, storage and the UI.

/**
 * The mutual-TLS client authentication methods (RFC 8705 §2.1 PKI, §2.2 self-signed): the client certificate is
 * the credential, so page script cannot use them; they go through the local relay.
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2
 */
export const MTLS_AUTH_METHODS = ['tls_client_auth', 'self_signed_tls_client_auth'] as const;
export type MtlsAuthMethod = (typeof MTLS_AUTH_METHODS)[number];

/** The client authentication methods the playground speaks (RFC 6749 §2.3, OIDC Core §9, RFC 8705 §2). */
export const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'client_secret_jwt', ...MTLS_AUTH_METHODS] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export function isMtlsAuthMethod(method: string): method is MtlsAuthMethod {
  return (MTLS_AUTH_METHODS as readonly string[]).includes(method);
}

/** Asymmetric algorithms offered for private_key_jwt. */
export const SIGNING_ALGS = ['ES256', 'RS256', 'PS256'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/** A validated token endpoint success response (RFC 6749 §5.1). */
/**
 * Something about a token response that was accepted but is not as the spec says (e.g. a JSON body labelled
 * text/html). `message` may quote what the server sent (cleaned and cut): render it as text.
 */
export interface ResponseWarning {
  code: 'content-type' | 'charset';
  message: string;
}

export interface TokenResponse {
  access_token: string;
  /** lower-cased: 'bearer' | 'dpop' */
  token_type: string;
  expires_in?: number;
  scope?: string;
  /** any other members, kept for display (never the token itself) */
  extra: Record<string, unknown>;
  /** present only when there is something to say (responseWarnings.ts) */
  warnings?: readonly ResponseWarning[];
}

/** What the playground keeps about a token: only what is needed, with an absolute expiry. */
export interface TokenRecord {
  accessToken: string;
  tokenType: string;
  /** granted scope, space-delimited, if the server said */
  scope?: string;
  /** seconds as returned by the server */
  expiresIn?: number;
  /** epoch ms when the token was received */
  obtainedAt: number;
  /** epoch ms absolute expiry (obtainedAt + expires_in) */
  expAt: number;
  /** what was off about the response that brought it (TokenResponse.warnings), for the Token step */
  warnings?: readonly ResponseWarning[];
}

/** The parts of a request that identify a cached token (scope order does not matter). */
export interface TokenCacheKeyParts {
  clientId: string;
  env: string;
  scope: readonly string[];
  audience?: string;
  resource?: string;
  /** RFC 7638 thumbprint of the DPoP key a bound token belongs to (RFC 9449): another key, another token. */
  jkt?: string;
}
