// The parts of the one request description a generated program needs, with the client credentials left out.
import { isMtlsAuthMethod, type AuthMethod } from '../../types/token';
import { DEFAULT_ASSERTION_AUDIENCE } from '../../config/assertionModes';
import { InputError } from '../errors';
import { assertionAudienceValue } from '../oauth/assertionAudience';
import { authMethodOf, headerValue, type RequestDescription } from '../oauth/description';
import { bodyPairs, formDecode, isAuthorizationHeader, splitAuthorization } from '../oauth/requestMask';
import type { CodeExportInput } from './exportInput';

/** Body parameters a program's own client authentication adds; everything else is copied as the description has it. */
const CLIENT_AUTH_PARAMS = new Set(['client_id', 'client_secret', 'client_assertion', 'client_assertion_type']);
/** Headers the program sets itself: its credentials, its DPoP proof, and the form's Content-Type. */
const PROGRAM_HEADERS = new Set(['authorization', 'dpop', 'content-type']);

/** A request description reduced to what is not a credential: what every generator renders. */
export interface RequestParts {
  url: string;
  clientId: string;
  /** grant_type, scope, audience, resource (repeatable), extras: decoded, in the description's order. */
  params: Array<[string, string]>;
  /** Headers besides the credentials, DPoP and Content-Type (e.g. Accept). */
  headers: Array<[string, string]>;
  authMethod: AuthMethod;
  /** The `aud` of a client assertion, resolved from the audience mode (JWT methods only). */
  assertionAudience?: string | undefined;
}

/** The client id as sent: in the body, or (client_secret_basic) inside the form-encoded Basic credentials. */
function clientIdOf(desc: RequestDescription): string {
  const fromBody = new URLSearchParams(desc.body).get('client_id');
  if (fromBody) return fromBody;
  const authorization = headerValue(desc.headers, 'Authorization');
  if (authorization && splitAuthorization(authorization).scheme.toLowerCase() === 'basic') {
    const decoded = atob(splitAuthorization(authorization).credentials);
    return formDecode(decoded.slice(0, decoded.indexOf(':')));
  }
  throw new InputError('clientId', 'The request carries no client_id to export.');
}

/**
 * Splits the description into what a program copies (URL, parameters, plain headers) and what it computes itself
 * (client authentication, DPoP). The description's method must be the one exported, so a program never
 * authenticates differently from the request the playground showed.
 * @throws InputError field `authMethod` when they disagree, `clientId`, or the assertion audience's
 */
export function requestPartsOf(input: CodeExportInput): RequestParts {
  const { description: desc, authMethod } = input;
  const described = authMethodOf(desc);
  const expected = isMtlsAuthMethod(authMethod) ? 'none' : authMethod;
  if (described !== expected) {
    throw new InputError('authMethod', `The request uses ${described}, not ${authMethod}; rebuild it before exporting.`);
  }
  const params = bodyPairs(desc.body)
    .filter(({ name }) => !CLIENT_AUTH_PARAMS.has(name))
    .map(({ name, value }) => [name, value] as [string, string]);
  const headers = Object.entries(desc.headers).filter(([name]) => !PROGRAM_HEADERS.has(name.toLowerCase()) && !isAuthorizationHeader(name));
  const jwt = authMethod === 'private_key_jwt' || authMethod === 'client_secret_jwt';
  return {
    url: desc.url,
    clientId: clientIdOf(desc),
    params,
    headers,
    authMethod,
    // A token request is sent to the token endpoint, so the `token_endpoint` and `endpoint` modes agree here.
    assertionAudience: jwt
      ? assertionAudienceValue(input.assertion?.audience ?? DEFAULT_ASSERTION_AUDIENCE, { issuer: input.issuer, tokenEndpoint: desc.url, endpoint: desc.url })
      : undefined,
  };
}
