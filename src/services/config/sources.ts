// Config layers: reads `.env` (VITE_*), settings.json and localStorage into flat, per-field values plus issues.

import { CONFIG_PATHS, type ConfigPath } from './settings';
import { isPlainObject, isSecretKey, type ConfigIssue, type ConfigSource, type EnvLike } from './settingsText';

/** One layer, flattened: raw (unvalidated) values per field. */
export interface ConfigLayer {
  source: ConfigSource;
  values: Partial<Record<ConfigPath, unknown>>;
  issues: ConfigIssue[];
}

type EnvParser = (raw: string) => unknown;
const asString: EnvParser = (raw) => raw.trim();
const asBoolean: EnvParser = (raw) => {
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return raw; // left as a string so the schema reports it
};
const asInteger: EnvParser = (raw) => (/^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw);
/** Scopes in an env var: space- or comma-separated, like the OAuth `scope` parameter itself. */
const asList: EnvParser = (raw) => raw.split(/[\s,]+/).filter(Boolean);

/** The VITE_* variables the app reads, and the field each one sets. */
export const ENV_VARIABLES: Readonly<Record<string, { path: ConfigPath; parse: EnvParser }>> = {
  VITE_CC_ENABLED: { path: 'oauth.clientCredentials.enabled', parse: asBoolean },
  VITE_CC_AUTH_METHOD: { path: 'oauth.clientCredentials.authMethod', parse: asString },
  VITE_CC_SCOPES: { path: 'oauth.clientCredentials.scopes', parse: asList },
  VITE_CC_AUDIENCE: { path: 'oauth.clientCredentials.audience', parse: asString },
  VITE_CC_RESOURCE: { path: 'oauth.clientCredentials.resource', parse: asString },
  VITE_CC_PROACTIVE_REFRESH_SECONDS: { path: 'oauth.clientCredentials.proactiveRefreshSeconds', parse: asInteger },
  VITE_CC_CLOCK_SKEW_SECONDS: { path: 'oauth.clientCredentials.clockSkewSeconds', parse: asInteger },
  VITE_CC_ASSERTION_ALG: { path: 'oauth.clientCredentials.assertion.alg', parse: asString },
  VITE_CC_ASSERTION_KID: { path: 'oauth.clientCredentials.assertion.kid', parse: asString },
  VITE_CC_ASSERTION_LIFETIME_SECONDS: { path: 'oauth.clientCredentials.assertion.lifetimeSeconds', parse: asInteger },
  VITE_CC_ASSERTION_AUDIENCE: { path: 'oauth.clientCredentials.assertion.audience', parse: asString },
  VITE_CC_ASSERTION_TYP: { path: 'oauth.clientCredentials.assertion.typ', parse: asString },
  VITE_CC_MTLS_ENABLED: { path: 'oauth.clientCredentials.mtls.enabled', parse: asBoolean },
  VITE_CC_MTLS_CERT_REF: { path: 'oauth.clientCredentials.mtls.certRef', parse: asString },
  VITE_CC_MTLS_KEY_REF: { path: 'oauth.clientCredentials.mtls.keyRef', parse: asString },
  VITE_CC_MTLS_CA_REF: { path: 'oauth.clientCredentials.mtls.caRef', parse: asString },
  VITE_PROVIDER: { path: 'provider.preset', parse: asString },
  VITE_SANDBOX_URL: { path: 'provider.sandboxUrl', parse: asString },
  VITE_PINGONE_REGION: { path: 'provider.pingone.region', parse: (raw) => raw.trim().toUpperCase() },
  VITE_PINGONE_ENVIRONMENT_ID: { path: 'provider.pingone.environmentId', parse: asString },
  VITE_PINGONE_EXTRA_SCOPES: { path: 'provider.pingone.extraScopes', parse: asList },
  VITE_MICROAUTHD_URL: { path: 'provider.microauthd.baseUrl', parse: asString },
  VITE_CUSTOM_ISSUER: { path: 'provider.custom.issuer', parse: asString },
  VITE_CUSTOM_TOKEN_ENDPOINT: { path: 'provider.custom.tokenEndpoint', parse: asString },
  VITE_CLIENT_ID: { path: 'provider.clientId', parse: asString },
  VITE_RELAY_URL: { path: 'relay.url', parse: asString },
};

/** Reads the VITE_* variables. Empty values count as unset, so a copied `.env.example` changes nothing. */
export function readEnvLayer(env: EnvLike): ConfigLayer {
  const layer: ConfigLayer = { source: '.env', values: {}, issues: [] };
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('VITE_') || typeof raw !== 'string') continue;
    const spec = ENV_VARIABLES[name];
    if (spec) {
      if (raw.trim() !== '') layer.values[spec.path] = spec.parse(raw);
    } else if (isSecretKey(name.slice('VITE_'.length)) && raw.trim() !== '') {
      layer.issues.push({
        path: name,
        source: '.env',
        severity: 'warning',
        message: 'Ignored: VITE_* values are compiled into the JavaScript bundle, so secrets must never be put there.',
      });
    }
  }
  return layer;
}

const LEAF_PATHS = new Set<string>(CONFIG_PATHS);
const BRANCH_PATHS = new Set<string>(
  CONFIG_PATHS.flatMap((path) => path.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))),
);

/**
 * Flattens a partial settings object (settings.json or localStorage) into per-field values. Secret-looking keys
 * are dropped with a warning, unknown keys with a warning (typos such as `enable`), and keys starting with `$` or
 * `_` are comments (`$schema`, `_note`) and skipped silently.
 */
export function readObjectLayer(source: ConfigSource, input: unknown): ConfigLayer {
  const layer: ConfigLayer = { source, values: {}, issues: [] };
  if (input === undefined || input === null) return layer;
  if (!isPlainObject(input)) {
    layer.issues.push({ path: '(root)', source, severity: 'error', message: 'must be a JSON object; the whole layer was ignored' });
    return layer;
  }
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (key.startsWith('$') || key.startsWith('_')) continue;
      if (isSecretKey(key)) {
        layer.issues.push({ path, source, severity: 'warning', message: `Ignored: secrets are never read from ${source}; enter them in the flow (kept in memory).` });
      } else if (LEAF_PATHS.has(path)) {
        layer.values[path as ConfigPath] = value;
      } else if (BRANCH_PATHS.has(path)) {
        if (isPlainObject(value)) walk(value, path);
        else layer.issues.push({ path, source, severity: 'error', message: 'must be an object; its fields were ignored' });
      } else {
        layer.issues.push({ path, source, severity: 'warning', message: 'Unknown setting, ignored.' });
      }
    }
  };
  walk(input, '');
  return layer;
}
