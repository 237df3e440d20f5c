// Pure config resolution: defaults ← .env ← settings.json ← localStorage ← typed, later wins, field by field.

import { fieldSchema } from './schema';
import { CONFIG_PATHS, type ConfigPath, type Settings } from './settings';
import { readEnvLayer, readObjectLayer, type ConfigLayer } from './sources';
import type { ConfigIssue, ConfigSource, EnvLike } from './settingsText';

export interface ResolveConfigInput {
  /** `import.meta.env` or a test double. */
  env?: EnvLike;
  /** Parsed settings.json (undefined when the file is missing). */
  settingsJson?: unknown;
  /** Parsed localStorage overrides. */
  local?: unknown;
  /** Values typed in the UI this session (never persisted by resolution). */
  typed?: unknown;
  /** Complete defaults (see createDefaultSettings). */
  defaults: Settings;
}

export interface ResolvedConfig {
  config: Settings;
  /** For every field, the layer its value came from. */
  sources: Record<ConfigPath, ConfigSource>;
  issues: ConfigIssue[];
}

function getPath(obj: unknown, path: string): unknown {
  let node = obj;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = obj;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts[parts.length - 1] as string] = value;
}

/** A short, safe rendering of a rejected value for the issue message. */
function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Resolves the configuration. Each field takes the value of the highest layer that sets it *validly*;
 * an invalid value is skipped (the field keeps the lower layer's value) and reported as an issue naming the field
 * and its source, so a typo in one file never blanks the page. Never throws.
 */
export function resolveConfig(input: ResolveConfigInput): ResolvedConfig {
  const layers: ConfigLayer[] = [
    readEnvLayer(input.env ?? {}),
    readObjectLayer('settings.json', input.settingsJson),
    readObjectLayer('localStorage', input.local),
    readObjectLayer('typed', input.typed),
  ];
  const issues: ConfigIssue[] = layers.flatMap((layer) => layer.issues);
  const config = structuredClone(input.defaults) as unknown as Record<string, unknown>;
  const sources = {} as Record<ConfigPath, ConfigSource>;

  for (const path of CONFIG_PATHS) {
    sources[path] = 'default';
    for (const layer of layers) {
      if (!(path in layer.values)) continue;
      const raw = layer.values[path];
      const parsed = fieldSchema(path).safeParse(raw);
      if (parsed.success) {
        setPath(config, path, parsed.data);
        sources[path] = layer.source;
      } else {
        const reason = parsed.error.issues[0]?.message ?? 'invalid value';
        issues.push({
          path,
          source: layer.source,
          severity: 'error',
          message: `${reason} (got ${describe(raw)}); using the ${sources[path] === 'default' ? 'default' : `${sources[path]} value`} instead`,
        });
      }
    }
  }

  // Every value a layer set was validated on its own; the rest are the defaults, whose values a unit test pins
  // (resolve.test.ts, "valid defaults"). This guards the shape only: a leaf missing from the defaults handed in.
  // Not the whole settings schema: building it builds every leaf's schema, which a page load does not otherwise need.
  if (CONFIG_PATHS.some((path) => getPath(config, path) === undefined)) {
    return {
      config: structuredClone(input.defaults),
      sources: Object.fromEntries(CONFIG_PATHS.map((p) => [p, 'default'])) as Record<ConfigPath, ConfigSource>,
      issues: [...issues, { path: '(root)', source: 'default', severity: 'error', message: 'the merged configuration was invalid; using defaults' }],
    };
  }
  return { config: config as unknown as Settings, sources, issues };
}

/** The value of one field, by dotted path (for the configuration dialog). */
export function getConfigValue(config: Settings, path: ConfigPath): unknown {
  return getPath(config, path);
}
