// The introspection and revocation requests: a token and its hint, authenticated like the token request.
import { InputError } from '../errors';
import type { ClientAuth } from './clientAuth';
import { describeAuthenticatedPost, type RequestDescription } from './description';

/** What the introspection and the revocation request both carry (RFC 7662 §2.1, RFC 7009 §2.1). */
export interface DescribeTokenRequestOptions {
  /** The introspection or revocation URL: from discovery, the provider row, or typed by hand. */
  endpoint: string;
  clientId: string;
  issuer?: string | undefined;
  /**
   * The token endpoint, for the `token_endpoint` audience mode: an assertion sent to the introspection endpoint
   * then names the token endpoint, as RFC 7523 §3 allowed and Keycloak expects.
   */
  tokenEndpoint?: string | undefined;
  /** The same client authentication as the token request. */
  auth: ClientAuth;
  token: string;
  /** Default `access_token`: the playground only holds access tokens. */
  tokenTypeHint?: 'access_token' | 'refresh_token';
}

/**
 * The `token` + `token_type_hint` form, authenticated like the token request; a JWT method's `aud` follows its
 * audience mode (issuer, token endpoint, or this endpoint) — one description for preview, cURL, fetch and sending.
 * @throws InputError field `field` (the endpoint), `token`, `tokenEndpoint`, or whatever the client authentication
 *   refuses
 */
export async function describeTokenManagementRequest(opts: DescribeTokenRequestOptions, field: string): Promise<RequestDescription> {
  if (typeof opts.token !== 'string' || opts.token === '') throw new InputError('token', 'There is no token to send.');
  const params = new URLSearchParams({ token: opts.token, token_type_hint: opts.tokenTypeHint ?? 'access_token' });
  return describeAuthenticatedPost({
    url: opts.endpoint,
    urlField: field,
    tokenEndpoint: opts.tokenEndpoint,
    clientId: opts.clientId,
    issuer: opts.issuer,
    auth: opts.auth,
    params,
  });
}
