// The settings' shape without their validation: preset names, field paths and defaults. The app shell reads these
// before the zod schema (schema.ts, loaded with resolution) arrives, so the first paint does not wait for zod.

import {
  DEFAULT_ASSERTION_LIFETIME_SECONDS, DEFAULT_AUTH_METHOD, DEFAULT_CLOCK_SKEW_SECONDS, DEFAULT_PROACTIVE_REFRESH_SECONDS, DEFAULT_RELAY_URL, DEFAULT_SIGNING_ALG,
} from '../../config/defaults';
import { DEFAULT_ASSERTION_AUDIENCE, DEFAULT_ASSERTION_TYP } from '../../config/assertionModes';
// Type-only: the Settings type is inferred from the schema, which stays the one definition of the shape.
import type { Settings } from './schema';

export type { Settings };
export { CONFIG_PATHS, type ConfigPath } from './configPaths';

/** A partial settings object, as found in settings.json or localStorage. */
export type SettingsPatch = {
  [K in keyof Settings]?: DeepPartial<Settings[K]>;
};
type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export interface DefaultSettingsOptions {
  /**
   * Default of the Client Credentials feature flag: on in development, off in production builds (a half-configured
   * flow must not appear in a deployed app by accident; the shipped settings.json turns it on).
   * Injected so tests can check both without rebuilding.
   */
  clientCredentialsEnabled: boolean;
}

/** The defaults every field falls back to. */
export function createDefaultSettings({ clientCredentialsEnabled }: DefaultSettingsOptions): Settings {
  return {
    oauth: {
      clientCredentials: {
        enabled: clientCredentialsEnabled,
        authMethod: DEFAULT_AUTH_METHOD,
        scopes: [],
        audience: '',
        resource: '',
        proactiveRefreshSeconds: DEFAULT_PROACTIVE_REFRESH_SECONDS,
        clockSkewSeconds: DEFAULT_CLOCK_SKEW_SECONDS,
        assertion: {
          alg: DEFAULT_SIGNING_ALG,
          kid: '',
          lifetimeSeconds: DEFAULT_ASSERTION_LIFETIME_SECONDS,
          audience: DEFAULT_ASSERTION_AUDIENCE,
          typ: DEFAULT_ASSERTION_TYP,
        },
        mtls: { enabled: false, certRef: '', keyRef: '', caRef: '' },
      },
    },
    provider: {
      preset: 'sandbox',
      sandboxUrl: 'http://localhost:4500',
      pingone: { region: 'NA', environmentId: '', extraScopes: [] },
      microauthd: { baseUrl: '' },
      custom: { issuer: '', tokenEndpoint: '' },
      clientId: '',
    },
    // The local relay (relay/README.md): where it listens, never a secret.
    relay: { url: DEFAULT_RELAY_URL },
  };
}
