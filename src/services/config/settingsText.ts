// Config values as text and objects: where a value came from, the issues resolution reports, reading a settings
// file's text, dropping secret-looking keys and merging patches. Light (no layer tables), for the store's first paint.

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

/** `import.meta.env`-like: strings, plus Vite's booleans (DEV, PROD, SSR). */
export type EnvLike = Readonly<Record<string, string | boolean | undefined>>;

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

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
