// Token revocation (RFC 7009): the request, with the token request's client authentication, and its answer.
import type { RequestDescription } from './description';
import { isSuccessStatus, throwEndpointError } from './endpointError';
import { REVOCATION_ENDPOINT_PEER } from './peers';
import { describeTokenManagementRequest, type DescribeTokenRequestOptions } from './tokenManagementRequest';

/**
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 */
export function describeRevocationRequest(opts: DescribeTokenRequestOptions): Promise<RequestDescription> {
  return describeTokenManagementRequest(opts, 'revocationEndpoint');
}

/**
 * A 2xx answer means done, whatever the body: the server also answers 200 for a token it does not know, so a
 * second revocation is not an error (RFC 7009 §2.2). Anything else throws the token endpoint's error family
 * (`unsupported_token_type`, `invalid_client`, a 503 with Retry-After…, §2.2.1).
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.2
 */
export async function processRevocationResponse(response: Response): Promise<{ revoked: true }> {
  if (!isSuccessStatus(response)) return throwEndpointError(response, REVOCATION_ENDPOINT_PEER);
  // Not awaited: some stream implementations settle a cancel only when the peer does, and the body is unused.
  void response.body?.cancel().catch(() => undefined);
  return { revoked: true };
}
