// The assertion audience modes and typ options as plain data: the settings' defaults read them before the app's
// chunks load (no imports), and utils/oauth/assertionAudience.ts holds the rules that use them.

/**
 * The value a client assertion's `aud` names (always one string):
 * - `issuer` — the authorization server's issuer identifier, the only value RFC 7523bis allows;
 * - `token_endpoint` — the token endpoint URL, which RFC 7523 §3 allowed and OIDC Core §9 recommended;
 * - `endpoint` — the URL of the request the assertion authenticates (token, introspection or revocation).
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/ (draft -11 §4, published as RFC 10070)
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 */
export const ASSERTION_AUDIENCES = ['issuer', 'token_endpoint', 'endpoint'] as const;
export type AssertionAudience = (typeof ASSERTION_AUDIENCES)[number];

/** Seed 001's choice, and what most deployed servers still accept; a provider row may say otherwise. */
export const DEFAULT_ASSERTION_AUDIENCE: AssertionAudience = 'token_endpoint';

/**
 * Whether the header carries `typ`:
 * - `auto` — `client-authentication+jwt` with the issuer mode, plain `JWT` with the others;
 * - `send` — `client-authentication+jwt` whatever the mode (to see how a server treats it);
 * - `omit` — no `typ` at all (a server that refuses unknown types can be tried).
 * A tri-state rather than a boolean so the default follows the mode: switching to `issuer` types the assertion
 * without a second click, and an explicit choice survives a mode change.
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/ (draft -11 §4: SHOULD be explicitly typed;
 *   servers are advised not to refuse untyped JWTs)
 */
export const ASSERTION_TYPS = ['auto', 'send', 'omit'] as const;
export type AssertionTyp = (typeof ASSERTION_TYPS)[number];
export const DEFAULT_ASSERTION_TYP: AssertionTyp = 'auto';
