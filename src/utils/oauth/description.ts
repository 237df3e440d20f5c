// The one description of a token request, built once and consumed by the preview, the exports and the sender.
import { decodeProtectedHeader } from 'jose';
import type { AuthMethod } from '../../types/token';
import { InputError } from '../errors';
import { validateEndpointUrl } from '../urlValidation';
import type { ClientAuth } from './clientAuth';

/** A token request as plain data: what the preview shows, what cURL/fetch export, and what is sent. */
export interface RequestDescription {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  /** application/x-www-form-urlencoded */
  body: string;
}

export interface DescribeClientCredentialsOptions {
  tokenEndpoint: string;
  clientId: string;
  issuer?: string | undefined;
  auth: ClientAuth;
  /** From {@link buildClientCredentialsBody}; copied, never mutated. */
  params: URLSearchParams;
}

/** An authenticated form POST to any of the server's endpoints (token, introspection, revocation). */
export interface DescribeAuthenticatedPostOptions extends Omit<DescribeClientCredentialsOptions, 'tokenEndpoint'> {
  /** The URL called. */
  url: string;
  /** The form field the URL came from, named in the error when it is refused. */
  urlField: string;
  /** The token endpoint, for the `token_endpoint` audience mode when the URL called is another endpoint. */
  tokenEndpoint?: string | undefined;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';

/**
 * Validates the inputs, applies client authentication and returns the request as plain data. The client
 * authentication sees the URL called (`endpoint`) apart from the token endpoint, so each audience mode signs the
 * value it names.
 * @throws InputError field `urlField` (relative, `javascript:`, http to a non-loopback host, credentials or a
 *   fragment in the URL), `tokenEndpoint`, `clientId`, or whatever the client authentication refuses
 */
export async function describeAuthenticatedPost(opts: DescribeAuthenticatedPostOptions): Promise<RequestDescription> {
  const url = validateEndpointUrl(opts.url, opts.urlField).href;
  const clientId = typeof opts.clientId === 'string' ? opts.clientId.trim() : '';
  if (clientId === '') throw new InputError('clientId', 'Client ID is required.');
  const tokenEndpoint = opts.tokenEndpoint?.trim() ? validateEndpointUrl(opts.tokenEndpoint, 'tokenEndpoint').href : undefined;

  const headers: Record<string, string> = { 'Content-Type': FORM_CONTENT_TYPE, Accept: 'application/json' };
  const body = new URLSearchParams(opts.params);
  await opts.auth({ clientId, endpoint: url, tokenEndpoint, issuer: opts.issuer || undefined, headers, body });
  return { url, method: 'POST', headers, body: body.toString() };
}

/**
 * The token request as plain data (the token endpoint is the URL called).
 * @throws InputError field `tokenEndpoint`, `clientId`, or whatever the client authentication refuses
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 */
export function describeClientCredentialsRequest(opts: DescribeClientCredentialsOptions): Promise<RequestDescription> {
  return describeAuthenticatedPost({ ...opts, url: opts.tokenEndpoint, urlField: 'tokenEndpoint' });
}

/** A header value by case-insensitive name. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** Which JWT method an assertion belongs to, by its header `alg` (HS* is client_secret_jwt). */
export function jwtMethodOf(assertion: string): 'client_secret_jwt' | 'private_key_jwt' {
  try {
    const { alg } = decodeProtectedHeader(assertion);
    return typeof alg === 'string' && alg.startsWith('HS') ? 'client_secret_jwt' : 'private_key_jwt';
  } catch {
    return 'private_key_jwt';
  }
}

/**
 * Which client authentication method a description uses, read from the description itself (for logs and the UI).
 * 'none' when it carries no client credentials.
 */
export function authMethodOf(desc: RequestDescription): AuthMethod | 'none' {
  if (/^basic\s/i.test(headerValue(desc.headers, 'Authorization') ?? '')) return 'client_secret_basic';
  const body = new URLSearchParams(desc.body);
  if (body.has('client_secret')) return 'client_secret_post';
  const assertion = body.get('client_assertion');
  return assertion ? jwtMethodOf(assertion) : 'none';
}
