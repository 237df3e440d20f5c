// From the form to the one RequestDescription, and from a token response or failure to what the flow keeps.
import type { TokenCacheKeyParts, TokenRecord, TokenResponse } from '../../../types/token';
import { InputError, isPlaygroundError, OAuthResponseError } from '../../../utils/errors';
import type { SigningKey } from '../../../utils/keys';
import { buildClientCredentialsBody } from '../../../utils/oauth/body';
import { clientSecretBasic, clientSecretJwt, clientSecretPost, privateKeyJwt, type ClientAuth } from '../../../utils/oauth/clientAuth';
import { describeClientCredentialsRequest, type RequestDescription } from '../../../utils/oauth/description';
import { computeAbsoluteExpiry } from '../../../utils/oauth/expiry';
import { formFieldOf } from './flowFormSchema';
import type { FlowError, FlowForm } from './flowTypes';

/** The credentials that never enter FlowForm: the secret (memory) and the signing key (non-extractable). */
export interface FlowCredentials {
  secret: string;
  key?: SigningKey | undefined;
}

/**
 * When a server omits `expires_in`, the playground assumes an hour (PingOne's default) so the token still has an
 * absolute expiry; the Token step says it was assumed.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export const ASSUMED_EXPIRES_IN_SECONDS = 3600;

/** The client authentication the form asks for. A JWT method signs a fresh assertion (new jti, time from effects().clock) each time it runs. */
export function buildFlowAuth(form: FlowForm, creds: FlowCredentials): ClientAuth {
  const lifetimeSeconds = form.assertionLifetimeSeconds;
  switch (form.authMethod) {
    case 'client_secret_basic':
      return clientSecretBasic(creds.secret);
    case 'client_secret_post':
      return clientSecretPost(creds.secret);
    case 'client_secret_jwt':
      return clientSecretJwt(creds.secret, { lifetimeSeconds });
    case 'private_key_jwt':
      if (!creds.key) throw new InputError('privateKey', 'private_key_jwt needs a key: generate a key pair or import one.');
      return privateKeyJwt(creds.key.privateKey, { kid: form.kid.trim() || creds.key.kid, alg: form.signingAlg, lifetimeSeconds });
  }
}

/**
 * Builds the request description from the form: the preview, the exports and `Get token` all use its result.
 * @throws InputError naming the field at fault
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 */
export async function describeFlowRequest(form: FlowForm, creds: FlowCredentials): Promise<RequestDescription> {
  const params = buildClientCredentialsBody({ scope: form.scopes, audience: form.audience, resource: form.resource });
  return describeClientCredentialsRequest({
    tokenEndpoint: form.tokenEndpoint,
    clientId: form.clientId,
    issuer: form.issuer || undefined,
    auth: buildFlowAuth(form, creds),
    params,
  });
}

/** The environment part of the cache key: the environment ID, or the issuer / token endpoint for other servers. */
export function cacheKeyParts(form: FlowForm): TokenCacheKeyParts {
  const env = form.environmentId.trim() || form.issuer.trim() || form.tokenEndpoint.trim();
  const parts: TokenCacheKeyParts = { clientId: form.clientId.trim(), env, scope: [...form.scopes] };
  if (form.audience.trim()) parts.audience = form.audience.trim();
  if (form.resource.trim()) parts.resource = form.resource.trim();
  return parts;
}

/** Keeps what the playground needs of a token response, with an absolute expiry. */
export function toTokenRecord(response: TokenResponse, now: number): TokenRecord {
  const expiresIn = response.expires_in ?? ASSUMED_EXPIRES_IN_SECONDS;
  const record: TokenRecord = {
    accessToken: response.access_token,
    tokenType: response.token_type,
    obtainedAt: now,
    expAt: computeAbsoluteExpiry(expiresIn, now),
    expiresIn,
  };
  if (response.scope) record.scope = response.scope;
  return record;
}

/** A failure as plain, renderable data; the form field is named when the input was at fault. */
export function toFlowError(error: unknown): FlowError {
  if (error instanceof OAuthResponseError) {
    const out: FlowError = { code: error.code, message: error.message, error: error.error };
    if (error.status !== undefined) out.status = error.status;
    if (error.error_description !== undefined) out.error_description = error.error_description;
    return out;
  }
  if (isPlaygroundError(error)) {
    const out: FlowError = { code: error.code, message: error.message };
    if (error.status !== undefined) out.status = error.status;
    const field = formFieldOf(error.field);
    if (field) out.field = field;
    return out;
  }
  return { code: 'UNEXPECTED', message: 'Something unexpected went wrong; see the log drawer for details.' };
}
