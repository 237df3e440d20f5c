// The parts of the one request description a generated program needs, with the client credentials left out.
import { decodeProtectedHeader } from 'jose';
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
  /** The certificate thumbprint members of the assertion's header (a certificate credential, e.g. Entra's `x5t#S256`). */
  certificateThumbprints: CertificateThumbprint[];
}

/**
 * A JWS header member naming the client's certificate by its thumbprint: public, and fixed for one certificate.
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-4.1.7 (`x5t`, SHA-1) and §4.1.8 (`x5t#S256`, SHA-256)
 */
export interface CertificateThumbprint {
  member: 'x5t#S256' | 'x5t';
  hash: 'SHA256' | 'SHA1';
  /** base64url, checked: a program quotes it as a literal. */
  value: string;
}

const THUMBPRINT_MEMBERS = [['x5t#S256', 'SHA256'], ['x5t', 'SHA1']] as const;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The thumbprint members of a private_key_jwt assertion's protected header, in the order above. */
function certificateThumbprintsOf(desc: RequestDescription): CertificateThumbprint[] {
  const assertion = new URLSearchParams(desc.body).get('client_assertion');
  if (!assertion) return [];
  const header = decodeProtectedHeader(assertion) as Record<string, unknown>;
  return THUMBPRINT_MEMBERS.flatMap(([member, hash]) => {
    const value = header[member];
    if (value === undefined) return [];
    if (typeof value !== 'string' || !BASE64URL.test(value)) throw new InputError('certificate', `The assertion's ${member} header is not a base64url thumbprint.`);
    return [{ member, hash, value }];
  });
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
    certificateThumbprints: authMethod === 'private_key_jwt' ? certificateThumbprintsOf(desc) : [],
  };
}
