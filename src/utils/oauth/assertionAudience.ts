// Which `aud` and `typ` a client assertion carries: the three audience modes and the typ option, as data and rules.
import { ASSERTION_AUDIENCES, ASSERTION_TYPS, DEFAULT_ASSERTION_AUDIENCE, DEFAULT_ASSERTION_TYP, type AssertionAudience, type AssertionTyp } from '../../config/assertionModes';
import { InputError } from '../errors';

export { ASSERTION_AUDIENCES, ASSERTION_TYPS, DEFAULT_ASSERTION_AUDIENCE, DEFAULT_ASSERTION_TYP, type AssertionAudience, type AssertionTyp };

/** How each mode is named in the UI (the `Assertion audience` options, product spec). */
export const ASSERTION_AUDIENCE_LABELS: Readonly<Record<AssertionAudience, string>> = {
  issuer: 'issuer (RFC 7523bis)',
  token_endpoint: 'token endpoint (RFC 7523)',
  endpoint: 'endpoint called',
};

/** The explicit type RFC 7523bis registers for client authentication JWTs (draft -11 §8.1). */
export const CLIENT_AUTHENTICATION_JWT_TYP = 'client-authentication+jwt';
/** RFC 7519 §5.1's generic type, what the playground sent before RFC 7523bis. */
export const GENERIC_JWT_TYP = 'JWT';

/** The `typ` header value to sign with, or `null` for no `typ` header. */
export function assertionTypHeader(typ: AssertionTyp, mode: AssertionAudience): string | null {
  if (typ === 'omit') return null;
  if (typ === 'send' || mode === 'issuer') return CLIENT_AUTHENTICATION_JWT_TYP;
  return GENERIC_JWT_TYP;
}

/** The URLs an assertion's `aud` can be taken from: the issuer, the token endpoint and the endpoint called. */
export interface AudienceUrls {
  issuer?: string | undefined;
  tokenEndpoint?: string | undefined;
  /** The URL of the request being authenticated. */
  endpoint: string;
}

/**
 * The `aud` value a mode gives for a request.
 * @throws InputError field `issuerOrDiscoveryUrl` (issuer mode, no issuer) or `tokenEndpoint` (token endpoint mode,
 *   none known, e.g. at an introspection endpoint typed by hand)
 */
export function assertionAudienceValue(mode: AssertionAudience, urls: AudienceUrls): string {
  switch (mode) {
    case 'issuer': {
      const issuer = urls.issuer?.trim();
      if (!issuer) throw new InputError('issuerOrDiscoveryUrl', 'The assertion audience is set to the issuer, but no issuer is configured.');
      return issuer;
    }
    case 'token_endpoint': {
      const tokenEndpoint = urls.tokenEndpoint?.trim();
      if (!tokenEndpoint) throw new InputError('tokenEndpoint', 'The assertion audience is set to the token endpoint, but no token endpoint is configured.');
      return tokenEndpoint;
    }
    case 'endpoint':
      return urls.endpoint;
  }
}

/**
 * The mode in use: an explicit setting wins, then the provider row's default, then {@link DEFAULT_ASSERTION_AUDIENCE}.
 * Pass `configured` only when the setting came from a layer above the schema default (`.env`, settings.json,
 * localStorage or typed), so a provider whose row asks for another mode gets it unless a person chose.
 */
export function resolveAssertionAudience(configured: AssertionAudience | undefined, providerDefault?: AssertionAudience): AssertionAudience {
  return configured ?? providerDefault ?? DEFAULT_ASSERTION_AUDIENCE;
}

export function isAssertionAudience(value: unknown): value is AssertionAudience {
  return typeof value === 'string' && (ASSERTION_AUDIENCES as readonly string[]).includes(value);
}
