// The settings schema (zod 4): every configurable value, its constraints and its default.

import { MAX_ASSERTION_LIFETIME_SECONDS, MAX_CLOCK_SKEW_SECONDS } from '../../config/defaults';
import * as z from '../../utils/zod';
import { AUTH_METHODS, SIGNING_ALGS } from '../../types/token';
import { PINGONE_REGION_IDS } from '../../config/pingoneRegions';
import { PROVIDER_IDS } from '../../config/providerBasics';
import type { ConfigPath } from './configPaths';
import { ASSERTION_AUDIENCES, ASSERTION_TYPS } from '../../utils/oauth/assertionAudience';

/** A URL the app may call: http(s) only (no javascript:, data: or file:); localhost and IPs allowed. */
const httpUrl = () => z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
/** An http(s) URL, or empty for "not set". */
const optionalHttpUrl = () => z.union([z.literal(''), httpUrl()]);
/**
 * RFC 6749 §3.3 scope-token: printable ASCII except space, `"` and `\`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
const scopeToken = () => z.string().check(z.regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'each scope must be one token without spaces or quotes'));
const scopeList = () => z.array(scopeToken()).check(z.maxLength(100));
/**
 * RFC 8707 resource indicator: an absolute URI without a fragment. Empty means "not set".
 * @see https://www.rfc-editor.org/rfc/rfc8707#section-2
 */
const resourceIndicator = () => z.union([
  z.literal(''),
  z.url({ error: 'must be an absolute URI' }).check(z.refine((v) => !v.includes('#'), 'must not contain a fragment (#)')),
]);
/** PingOne environment IDs are UUID-shaped; the sandbox uses the same shape. */
const environmentId = () => z.union([z.literal(''), z.guid({ error: 'must be a UUID such as 8a7b…-…' })]);
const seconds = (min: number, max: number) =>
  z.number({ error: 'must be a number' }).check(
    z.int('must be a whole number of seconds'),
    z.minimum(min, `must be at least ${min}`),
    z.maximum(max, `must be at most ${max}`),
  );

/**
 * How to build the schema of each settable leaf, keyed by its dotted path. Built on first use (fieldSchema), not at
 * import: resolution validates only the fields a layer sets, and building all of them (zod 4 clones a schema per
 * chained check) cost ~25 ms of the main thread in one task of the measured mobile load (issue 24).
 */
const FIELD_SCHEMA_MAKERS = {
  'oauth.clientCredentials.enabled': () => z.boolean({ error: 'must be true or false' }),
  'oauth.clientCredentials.authMethod': () => z.enum(AUTH_METHODS, { error: `must be one of ${AUTH_METHODS.join(', ')}` }),
  'oauth.clientCredentials.scopes': scopeList,
  'oauth.clientCredentials.audience': () => z.string().check(z.trim(), z.maxLength(2048)),
  'oauth.clientCredentials.resource': resourceIndicator,
  'oauth.clientCredentials.proactiveRefreshSeconds': () => seconds(0, 3600),
  'oauth.clientCredentials.clockSkewSeconds': () => seconds(0, MAX_CLOCK_SKEW_SECONDS),
  'oauth.clientCredentials.assertion.alg': () => z.enum(SIGNING_ALGS, { error: `must be one of ${SIGNING_ALGS.join(', ')}` }),
  'oauth.clientCredentials.assertion.kid': () => z.string().check(z.maxLength(256)),
  // The assertion is a one-shot credential: RFC 7523 asks for a short lifetime; the playground caps it.
  'oauth.clientCredentials.assertion.lifetimeSeconds': () => seconds(1, MAX_ASSERTION_LIFETIME_SECONDS),
  // Which URL a client assertion's aud names: issuer (RFC 7523bis), token_endpoint (RFC 7523), endpoint (the URL called).
  'oauth.clientCredentials.assertion.audience': () => z.enum(ASSERTION_AUDIENCES, { error: `must be one of ${ASSERTION_AUDIENCES.join(', ')}` }),
  // The assertion header's typ: auto (client-authentication+jwt with the issuer audience), send, or omit.
  'oauth.clientCredentials.assertion.typ': () => z.enum(ASSERTION_TYPS, { error: `must be one of ${ASSERTION_TYPS.join(', ')}` }),
  'oauth.clientCredentials.mtls.enabled': () => z.boolean({ error: 'must be true or false' }),
  'oauth.clientCredentials.mtls.certRef': () => z.string().check(z.maxLength(256)),
  'oauth.clientCredentials.mtls.keyRef': () => z.string().check(z.maxLength(256)),
  // A CA file (relay's RELAY_CERT_DIR) the relay trusts for the server's certificate, e.g. the sandbox's demo CA.
  'oauth.clientCredentials.mtls.caRef': () => z.string().check(z.maxLength(256)),
  'provider.preset': () => z.enum(PROVIDER_IDS, { error: `must be one of ${PROVIDER_IDS.join(', ')}` }),
  'provider.sandboxUrl': httpUrl,
  'provider.pingone.region': () => z.enum(PINGONE_REGION_IDS, { error: `must be one of ${PINGONE_REGION_IDS.join(', ')}` }),
  'provider.pingone.environmentId': environmentId,
  'provider.pingone.extraScopes': scopeList,
  'provider.microauthd.baseUrl': optionalHttpUrl,
  'provider.custom.issuer': optionalHttpUrl,
  'provider.custom.tokenEndpoint': optionalHttpUrl,
  'provider.clientId': () => z.string().check(z.trim(), z.maxLength(256)),
  'relay.url': httpUrl,
  // Exactly one schema per path in CONFIG_PATHS: a missing or an extra key is a type error.
} as const satisfies Record<ConfigPath, () => z.ZodMiniType>;

type FieldSchemas = { [P in ConfigPath]: ReturnType<(typeof FIELD_SCHEMA_MAKERS)[P]> };
const built: Partial<FieldSchemas> = {};

/** The schema of one leaf, built the first time it is asked for and kept. */
export function fieldSchema<P extends ConfigPath>(path: P): FieldSchemas[P] {
  return (built[path] ??= FIELD_SCHEMA_MAKERS[path]() as FieldSchemas[P]);
}

/** The whole settings object, from the leaves' schemas. */
function makeSettingsSchema() {
  const f = <P extends ConfigPath>(path: P) => fieldSchema(path);
  return z.object({
    oauth: z.object({
      clientCredentials: z.object({
        enabled: f('oauth.clientCredentials.enabled'),
        authMethod: f('oauth.clientCredentials.authMethod'),
        scopes: f('oauth.clientCredentials.scopes'),
        audience: f('oauth.clientCredentials.audience'),
        resource: f('oauth.clientCredentials.resource'),
        proactiveRefreshSeconds: f('oauth.clientCredentials.proactiveRefreshSeconds'),
        clockSkewSeconds: f('oauth.clientCredentials.clockSkewSeconds'),
        assertion: z.object({
          alg: f('oauth.clientCredentials.assertion.alg'),
          kid: f('oauth.clientCredentials.assertion.kid'),
          lifetimeSeconds: f('oauth.clientCredentials.assertion.lifetimeSeconds'),
          audience: f('oauth.clientCredentials.assertion.audience'),
          typ: f('oauth.clientCredentials.assertion.typ'),
        }),
        mtls: z.object({
          enabled: f('oauth.clientCredentials.mtls.enabled'),
          certRef: f('oauth.clientCredentials.mtls.certRef'),
          keyRef: f('oauth.clientCredentials.mtls.keyRef'),
          caRef: f('oauth.clientCredentials.mtls.caRef'),
        }),
      }),
    }),
    provider: z.object({
      preset: f('provider.preset'),
      sandboxUrl: f('provider.sandboxUrl'),
      pingone: z.object({
        region: f('provider.pingone.region'),
        environmentId: f('provider.pingone.environmentId'),
        extraScopes: f('provider.pingone.extraScopes'),
      }),
      microauthd: z.object({ baseUrl: f('provider.microauthd.baseUrl') }),
      custom: z.object({ issuer: f('provider.custom.issuer'), tokenEndpoint: f('provider.custom.tokenEndpoint') }),
      clientId: f('provider.clientId'),
    }),
    relay: z.object({ url: f('relay.url') }),
  });
}

let whole: ReturnType<typeof makeSettingsSchema> | undefined;
/**
 * The whole settings object. Strict: a complete, valid configuration (what resolution produces). Built on first use:
 * it builds every leaf's schema, which a page load does not need.
 */
export function settingsSchema(): ReturnType<typeof makeSettingsSchema> {
  return (whole ??= makeSettingsSchema());
}

export type Settings = z.infer<ReturnType<typeof makeSettingsSchema>>;
