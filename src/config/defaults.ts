// The playground's defaults, spelled once: the config schema, the flow form, the TokenCache and the linters read
// them from here.
import type { AuthMethod, SigningAlg } from '../types/token';

/** Refresh a cached token this long before it expires. */
export const DEFAULT_PROACTIVE_REFRESH_SECONDS = 90;

/** Tolerance for `exp`/`iat`/`nbf` checks between this browser's clock and the server's (0–300 s allowed). */
export const DEFAULT_CLOCK_SKEW_SECONDS = 120;
export const MAX_CLOCK_SKEW_SECONDS = 300;

/**
 * A client assertion is a one-shot credential: RFC 7523 §3 asks for a short `exp`; the playground caps it at 60 s.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 */
export const MAX_ASSERTION_LIFETIME_SECONDS = 60;
export const DEFAULT_ASSERTION_LIFETIME_SECONDS = MAX_ASSERTION_LIFETIME_SECONDS;

/**
 * Without a key there is nothing to sign with, so a first visit starts from the most widely supported method
 * (RFC 6749 §2.3.1); `private_key_jwt` is pre-selected as soon as a key is available.
 */
export const DEFAULT_AUTH_METHOD: AuthMethod = 'client_secret_basic';
export const DEFAULT_SIGNING_ALG: SigningAlg = 'ES256';

/** Requests that get no response headers within this time fail with TIMEOUT. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** The local relay's default address (`RELAY_PORT` 4600 on loopback, relay/README.md). */
export const DEFAULT_RELAY_URL = 'http://localhost:4600';
