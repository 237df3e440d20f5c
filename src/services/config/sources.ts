// Config layers: reads `.env` (VITE_*), settings.json and localStorage into flat, per-field values plus issues.

import { CONFIG_PATHS, type ConfigPath } from './settings';

/** Where a resolved value came from, lowest precedence first. `typed` = entered in the UI this session. */
export const CONFIG_SOURCES = ['default', '.env', 'settings.json', 'localStorage', 'typed'] as const;
export type ConfigSource = (typeof CONFIG_SOURCES)[number];

/** A problem found while resolving: the field (dotted path or variable name), the layer it came from, and why. */
export interface ConfigIssue {
  path: string;
  source: ConfigSource;
  message: string;
  /** `error`: a value was rejected and a lower layer used instead. `warning`: something was ignored. */
  severity: 'error' | 'warning';
}

/** One layer, flattened: raw (unvalidated) values per field. */
export interface ConfigLayer {
  source: ConfigSource;
  values: Partial<Record<ConfigPath, unknown>>;
  issues: ConfigIssue[];
}

/** `import.meta.env`-like: strings, plus Vite's booleans (DEV, PROD, SSR). */
export type EnvLike = Readonly<Record<string, string | boolean | undefined>>;

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
  VITE_CC_MTLS_ENABLED: { path: 'oauth.clientCredentials.mtls.enabled', parse: asBoolean },
  VITE_CC_MTLS_CERT_REF: { path: 'oauth.clientCredentials.mtls.certRef', parse: asString },
  VITE_CC_MTLS_KEY_REF: { path: 'oauth.clientCredentials.mtls.keyRef', parse: asString },
  VITE_PROVIDER: { path: 'provider.preset', parse: asString },
  VITE_SANDBOX_URL: { path: 'provider.sandboxUrl', parse: asString },
  VITE_PINGONE_REGION: { path: 'provider.pingone.region', parse: (raw) => raw.trim().toUpperCase() },
  VITE_PINGONE_ENVIRONMENT_ID: { path: 'provider.pingone.environmentId', parse: asString },
  VITE_PINGONE_EXTRA_SCOPES: { path: 'provider.pingone.extraScopes', parse: asList },
  VITE_MICROAUTHD_URL: { path: 'provider.microauthd.baseUrl', parse: asString },
  VITE_CUSTOM_ISSUER: { path: 'provider.custom.issuer', parse: asString },
  VITE_CUSTOM_TOKEN_ENDPOINT: { path: 'provider.custom.tokenEndpoint', parse: asString },
  VITE_CLIENT_ID: { path: 'provider.clientId', parse: asString },
};

/**
 * True for names that hold credentials. Such keys are never read from configuration files or env:
 * settings.json is served to anyone who asks and VITE_* values are compiled into the bundle.
 */
export function isSecretKey(name: string): boolean {
  const k = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (['token', 'pem', 'd', 'otp', 'jwkprivate'].includes(k)) return true;
  if (/tokenendpoint$/.test(k)) return false;
  return /(secret|password|passwd|privatekey|privatejwk|clientassertion|accesstoken|refreshtoken|idtoken|workertoken)$/.test(k);
}

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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

/** Parses settings text. HTML (a dev server's SPA fallback for a missing file) counts as no file. */
export function parseSettingsText(source: ConfigSource, text: string): { value: unknown; issue?: ConfigIssue } {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('<')) return { value: undefined };
  try {
    return { value: JSON.parse(trimmed) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'parse error';
    return { value: undefined, issue: { path: '(file)', source, severity: 'error', message: `is not valid JSON (${detail}); the whole layer was ignored` } };
  }
}

/** Removes secret-looking keys before anything is written to localStorage. */
export function stripSecretKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecretKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !isSecretKey(k)).map(([k, v]) => [k, stripSecretKeys(v)]));
}

/** Merges `patch` into `base` field by field (objects recurse; arrays and scalars replace). */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = deepMerge(base[k], v);
  return out;
}
