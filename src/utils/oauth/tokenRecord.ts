// From a validated token response to what the playground keeps: the token with its absolute expiry, computed once.
import type { TokenRecord, TokenResponse } from '../../types/token';
import { computeAbsoluteExpiry } from './expiry';

/**
 * When a server omits `expires_in`, the playground assumes an hour (PingOne's default token lifetime) so the token
 * still has an absolute expiry; the Token step says it was assumed.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export const ASSUMED_EXPIRES_IN_SECONDS = 3600;

/**
 * The record for a token received at `obtainedAt` (epoch ms): `expAt = obtainedAt + expires_in`; the response's
 * warnings (a mislabelled Content-Type) travel with it to the Token step.
 */
export function toTokenRecord(response: TokenResponse, obtainedAt: number): TokenRecord {
  const expiresIn = response.expires_in ?? ASSUMED_EXPIRES_IN_SECONDS;
  const record: TokenRecord = {
    accessToken: response.access_token,
    tokenType: response.token_type,
    scope: response.scope || undefined,
    expiresIn,
    obtainedAt,
    expAt: computeAbsoluteExpiry(expiresIn, obtainedAt),
  };
  if (response.warnings && response.warnings.length > 0) record.warnings = response.warnings;
  return record;
}
