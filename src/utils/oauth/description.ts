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
  issuer?: string;
  auth: ClientAuth;
  /** From {@link buildClientCredentialsBody}; copied, never mutated. */
  params: URLSearchParams;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';

/**
 * Validates the inputs, applies client authentication and returns the request as plain data.
 * @throws InputError field `tokenEndpoint` (relative, `javascript:`, http to a non-loopback host, credentials or a
 *   fragment in the URL), `clientId`, or whatever the client authentication refuses
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 */
export async function describeClientCredentialsRequest(opts: DescribeClientCredentialsOptions): Promise<RequestDescription> {
  const url = validateEndpointUrl(opts.tokenEndpoint, 'tokenEndpoint').href;
  const clientId = typeof opts.clientId === 'string' ? opts.clientId.trim() : '';
  if (clientId === '') throw new InputError('clientId', 'Client ID is required.');

  const headers: Record<string, string> = { 'Content-Type': FORM_CONTENT_TYPE, Accept: 'application/json' };
  const body = new URLSearchParams(opts.params);
  await opts.auth({ clientId, tokenEndpoint: url, issuer: opts.issuer, headers, body });
  return { url, method: 'POST', headers, body: body.toString() };
}

/** A header value by case-insensitive name. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
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
  if (assertion) {
    try {
      const { alg } = decodeProtectedHeader(assertion);
      return typeof alg === 'string' && alg.startsWith('HS') ? 'client_secret_jwt' : 'private_key_jwt';
    } catch {
      return 'private_key_jwt';
    }
  }
  return 'none';
}
