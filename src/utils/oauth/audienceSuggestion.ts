// The error card's audience suggestion: after a JWT client authentication was refused, the audience mode to try next.
import type { AuthMethod } from '../../types/token';
import { ASSERTION_AUDIENCE_LABELS, type AssertionAudience } from './assertionAudience';

/** Which endpoint refused the request. */
export type EndpointKind = 'token' | 'introspection' | 'revocation';

/** The refusal, as the error card holds it (ExplainableError's fields). */
export interface RefusalFacts {
  /** OAuth `error` (RFC 6749 §5.2), when the body had one. */
  error?: string | undefined;
  status?: number | undefined;
  /** The start of the body, masked; empty or absent when the server sent none. */
  bodySnippet?: string | undefined;
}

export interface AudienceSuggestionInput {
  method: AuthMethod;
  refusal: RefusalFacts;
  at: EndpointKind;
  /** The mode the refused assertion was signed with. */
  used: AssertionAudience;
  /** Whether an issuer / a token endpoint is configured: a mode whose URL is unknown is not suggested. */
  issuerKnown: boolean;
  tokenEndpointKnown: boolean;
}

export interface AudienceSuggestion {
  mode: AssertionAudience;
  /** The button's name; it always contains the word `audience` (product spec, accessible names). */
  label: string;
  /** One sentence: why this mode is the next one to try. */
  reason: string;
}

const JWT_METHODS: ReadonlySet<AuthMethod> = new Set<AuthMethod>(['private_key_jwt', 'client_secret_jwt']);

const LABELS: Readonly<Record<AssertionAudience, string>> = {
  issuer: 'Try the issuer as audience (RFC 7523bis)',
  token_endpoint: 'Try the token endpoint as audience (RFC 7523)',
  endpoint: 'Try the endpoint called as audience',
};

/**
 * What to try next, best first, after `used` was refused at `at`. At the token endpoint the two standards are
 * tried against each other (the endpoint called is the token endpoint there). At introspection or revocation,
 * a refusal of the issuer or the token endpoint points at servers that compare `aud` with the URL called, and a
 * refusal of that URL at servers that follow RFC 7523bis (issuer) or accept the token endpoint everywhere.
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/ (draft -11 §4)
 * @see https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/create-sign-jwt/ (Okta: aud is "the full URL of the resource" authenticated to)
 */
const NEXT: Readonly<Record<EndpointKind, Readonly<Record<AssertionAudience, readonly AssertionAudience[]>>>> = {
  token: { token_endpoint: ['issuer'], endpoint: ['issuer'], issuer: ['token_endpoint'] },
  introspection: { token_endpoint: ['endpoint', 'issuer'], issuer: ['endpoint', 'token_endpoint'], endpoint: ['issuer', 'token_endpoint'] },
  revocation: { token_endpoint: ['endpoint', 'issuer'], issuer: ['endpoint', 'token_endpoint'], endpoint: ['issuer', 'token_endpoint'] },
};

/**
 * Whether the answer is a failed client authentication: `invalid_client` (RFC 6749 §5.2), or a 400 or 401 with no
 * body at all (some servers refuse without saying why).
 */
export function isClientAuthRefusal(refusal: RefusalFacts): boolean {
  if (refusal.error === 'invalid_client') return true;
  const bodyless = refusal.error === undefined && (refusal.bodySnippet === undefined || refusal.bodySnippet.trim() === '');
  return bodyless && (refusal.status === 400 || refusal.status === 401);
}

const WHERE: Readonly<Record<EndpointKind, string>> = { token: 'token endpoint', introspection: 'introspection endpoint', revocation: 'revocation endpoint' };

/**
 * The audience mode most likely to work next, or `undefined` when the failure is not a refused JWT client
 * authentication or no other mode can be signed (its URL is not configured). Never retries by itself.
 */
export function suggestAudienceMode(input: AudienceSuggestionInput): AudienceSuggestion | undefined {
  if (!JWT_METHODS.has(input.method) || !isClientAuthRefusal(input.refusal)) return undefined;
  const known = (mode: AssertionAudience) => (mode === 'issuer' ? input.issuerKnown : mode === 'token_endpoint' ? input.tokenEndpointKnown : true);
  const mode = NEXT[input.at][input.used].find(known);
  if (mode === undefined) return undefined;
  return {
    mode,
    label: LABELS[mode],
    reason: `The ${WHERE[input.at]} refused an assertion whose "aud" was the ${ASSERTION_AUDIENCE_LABELS[input.used]}; this server may want the ${ASSERTION_AUDIENCE_LABELS[mode]} instead.`,
  };
}
