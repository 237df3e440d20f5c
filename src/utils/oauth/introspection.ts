// Token introspection (RFC 7662): the request, with the token request's client authentication, and its answer.
import { TokenEndpointError } from '../errors';
import { bodySnippet } from '../mask';
import { DEFAULT_MAX_JSON_BYTES, parseJsonSafely, readTextCapped } from '../secureJson';
import type { RequestDescription } from './description';
import { isSuccessStatus, throwEndpointError } from './endpointError';
import { INTROSPECTION_ENDPOINT_PEER } from './peers';
import { describeTokenManagementRequest, type DescribeTokenRequestOptions } from './tokenManagementRequest';

/**
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.1
 */
export function describeIntrospectionRequest(opts: DescribeTokenRequestOptions): Promise<RequestDescription> {
  return describeTokenManagementRequest(opts, 'introspectionEndpoint');
}

/** An introspection answer: `active` and whatever else the server said about the token, untouched. */
export interface IntrospectionResult {
  active: boolean;
  /** Every other member (scope, client_id, exp, cnf…), for display as JSON. */
  claims: Record<string, unknown>;
}

function invalid(message: string, response: Response, text?: string): TokenEndpointError {
  return new TokenEndpointError('INVALID_RESPONSE', message, {
    response,
    status: response.status,
    bodySnippet: text === undefined ? undefined : bodySnippet(text, { personalData: false }),
  });
}

/**
 * Validates an introspection body: a JSON object whose `active` is a boolean (required, RFC 7662 §2.2); every
 * other member is passed through.
 * @throws TokenEndpointError INVALID_RESPONSE naming what is wrong
 */
export function parseIntrospectionResponse(json: unknown, response: Response): IntrospectionResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw invalid('The introspection response is not a JSON object.', response);
  const { active, ...claims } = json as Record<string, unknown>;
  if (typeof active !== 'boolean') {
    const what = active === undefined ? 'is missing' : `is a ${typeof active}, not a boolean`;
    throw invalid(`The introspection response is not valid: active ${what}.`, response);
  }
  return { active, claims };
}

/**
 * Turns an introspection Response into an {@link IntrospectionResult}, or throws the token endpoint's error
 * family for a non-2xx answer (`unsupported_token_type`, `invalid_client`…).
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.2
 */
export async function processIntrospectionResponse(response: Response): Promise<IntrospectionResult> {
  if (!isSuccessStatus(response)) return throwEndpointError(response, INTROSPECTION_ENDPOINT_PEER);
  let read: Awaited<ReturnType<typeof readTextCapped>>;
  try {
    read = await readTextCapped(response, DEFAULT_MAX_JSON_BYTES);
  } catch (cause) {
    throw new TokenEndpointError('NETWORK', 'The connection broke while reading the introspection response.', { response, cause });
  }
  if (!read.ok) throw invalid('The introspection response is larger than 1 MB; refusing to read it.', response);
  const parsed = parseJsonSafely(read.text);
  if (!parsed.ok) throw invalid(`The introspection endpoint answered ${response.status} with a body that is not JSON.`, response, read.text);
  return parseIntrospectionResponse(parsed.value, response);
}
