// The settings' dotted paths: the one list schema.ts validates and the sources, the store and the details read.

/** Every settable leaf by its dotted path; schema.ts has one field schema per entry (the compiler checks both ways). */
export const CONFIG_PATHS = [
  'oauth.clientCredentials.enabled',
  'oauth.clientCredentials.authMethod',
  'oauth.clientCredentials.scopes',
  'oauth.clientCredentials.audience',
  'oauth.clientCredentials.resource',
  'oauth.clientCredentials.proactiveRefreshSeconds',
  'oauth.clientCredentials.clockSkewSeconds',
  'oauth.clientCredentials.assertion.alg',
  'oauth.clientCredentials.assertion.kid',
  'oauth.clientCredentials.assertion.lifetimeSeconds',
  'oauth.clientCredentials.assertion.audience',
  'oauth.clientCredentials.assertion.typ',
  'oauth.clientCredentials.mtls.enabled',
  'oauth.clientCredentials.mtls.certRef',
  'oauth.clientCredentials.mtls.keyRef',
  'oauth.clientCredentials.mtls.caRef',
  'provider.preset',
  'provider.sandboxUrl',
  'provider.pingone.region',
  'provider.pingone.environmentId',
  'provider.pingone.extraScopes',
  'provider.microauthd.baseUrl',
  'provider.custom.issuer',
  'provider.custom.tokenEndpoint',
  'provider.clientId',
  'relay.url',
] as const;

/** A dotted path to one settable value, e.g. `oauth.clientCredentials.enabled`. */
export type ConfigPath = (typeof CONFIG_PATHS)[number];
