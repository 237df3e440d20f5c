// The introspection and revocation requests: a token and its hint, authenticated like the token request.
import { InputError } from '../errors';
import { validateEndpointUrl } from '../urlValidation';
import type { ClientAuth } from './clientAuth';
import { describeClientCredentialsRequest, type RequestDescription } from './description';

/** What the introspection and the revocation request both carry (RFC 7662 §2.1, RFC 7009 §2.1). */
export interface DescribeTokenRequestOptions {
  endpoint: string;
  clientId: string;
  issuer?: string | undefined;
  /** The same client authentication as the token request. */
  auth: ClientAuth;
  token: string;
  /** Default `access_token`: the playground only holds access tokens. */
  tokenTypeHint?: 'access_token' | 'refresh_token';
}

/**
 * The `token` + `token_type_hint` form, authenticated like the token request (a JWT method's `aud` is the endpoint
 * called, which PingOne and oidc-provider both accept) — one description for preview, cURL, fetch and sending.
 * @throws InputError field `field` (the endpoint), `token`, or whatever the client authentication refuses
 */
export async function describeTokenManagementRequest(opts: DescribeTokenRequestOptions, field: string): Promise<RequestDescription> {
  const url = validateEndpointUrl(opts.endpoint, field).href;
  if (typeof opts.token !== 'string' || opts.token === '') throw new InputError('token', 'There is no token to send.');
  const params = new URLSearchParams({ token: opts.token, token_type_hint: opts.tokenTypeHint ?? 'access_token' });
  return describeClientCredentialsRequest({ tokenEndpoint: url, clientId: opts.clientId, issuer: opts.issuer, auth: opts.auth, params });
}
