// Failures of the token endpoint's siblings (introspection, revocation): the token endpoint's one error family.
import { TokenEndpointError } from '../errors';
import { processTokenResponse } from './response';

/**
 * Throws what a non-2xx answer means, exactly as at the token endpoint (RFC 7662 §2.3 and RFC 7009 §2.2.1 reuse
 * RFC 6749 §5.2): an OAuth error body (`invalid_client`, `unsupported_token_type`…) → OAuthResponseError; an empty
 * 401/403 → CLIENT_AUTH_REJECTED; a redirect → REDIRECTED; anything else → HTTP_STATUS with a body snippet.
 * @throws TokenEndpointError, always
 */
export async function throwEndpointError(response: Response, endpoint: string): Promise<never> {
  await processTokenResponse(response, endpoint);
  // processTokenResponse resolves only for 2xx, which callers handle before calling this.
  throw new TokenEndpointError('INVALID_RESPONSE', `Unexpected HTTP ${response.status}.`, { response, status: response.status });
}

/** Whether the status is a success (2xx); a browser's opaque redirect (status 0) is not. */
export function isSuccessStatus(response: Response): boolean {
  return response.type !== 'opaqueredirect' && response.status >= 200 && response.status < 300;
}
