import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_METHOD } from '../../config/defaults';
import { AUTH_METHODS, SIGNING_ALGS } from '../../types/token';
import { ASSERTION_AUDIENCES, ASSERTION_TYPS, resolveAssertionAudience, type AssertionAudience } from '../../utils/oauth/assertionAudience';
import { resolveConfig } from './resolve';
import { settingsSchema } from './schema';
import { PINGONE_REGION_IDS } from '../../config/pingoneRegions';
import { PROVIDER_IDS } from '../../config/providerBasics';
import { CONFIG_PATHS, createDefaultSettings, type Settings } from './settings';

const defaults = createDefaultSettings({ clientCredentialsEnabled: false });

function leafPaths(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('schema', () => {
  it('has one field schema per leaf of the defaults, and valid defaults', () => {
    expect([...CONFIG_PATHS].sort()).toEqual(leafPaths(defaults).sort());
    expect(settingsSchema().parse(defaults)).toEqual(defaults);
  });

  it('defaults the flag on in development and off in production', () => {
    expect(createDefaultSettings({ clientCredentialsEnabled: true }).oauth.clientCredentials.enabled).toBe(true);
    expect(resolveConfig({ defaults }).config.oauth.clientCredentials.enabled).toBe(false);
  });

  it('has the defaults of config/defaults', () => {
    const cc = defaults.oauth.clientCredentials;
    expect(cc).toMatchObject({ authMethod: DEFAULT_AUTH_METHOD, proactiveRefreshSeconds: 90, clockSkewSeconds: 120 });
    expect(cc.assertion).toEqual({ alg: 'ES256', kid: '', lifetimeSeconds: 60, audience: 'token_endpoint', typ: 'auto' });
    expect(defaults.provider).toMatchObject({ preset: 'sandbox', sandboxUrl: 'http://localhost:4500' });
  });
});

describe('resolveConfig precedence', () => {
  it('applies .env → settings.json → localStorage → typed, later wins, per field', () => {
    const { config, sources, issues } = resolveConfig({
      defaults,
      env: { VITE_CC_ENABLED: 'true', VITE_CC_SCOPES: 'p1:read:user, p1:read:device', VITE_CC_AUDIENCE: 'env-aud', VITE_CLIENT_ID: 'env-client', DEV: false },
      settingsJson: { oauth: { clientCredentials: { audience: 'file-aud', proactiveRefreshSeconds: 30 } }, provider: { clientId: 'file-client' } },
      local: { provider: { clientId: 'local-client' } },
      typed: { oauth: { clientCredentials: { assertion: { kid: 'typed-kid' } } } },
    });
    expect(issues).toEqual([]);
    expect(config.oauth.clientCredentials).toMatchObject({
      enabled: true,
      scopes: ['p1:read:user', 'p1:read:device'],
      audience: 'file-aud',
      proactiveRefreshSeconds: 30,
      clockSkewSeconds: 120,
    });
    expect(config.oauth.clientCredentials.assertion).toEqual({ alg: 'ES256', kid: 'typed-kid', lifetimeSeconds: 60, audience: 'token_endpoint', typ: 'auto' });
    expect(config.provider.clientId).toBe('local-client');
    expect(sources).toMatchObject({
      'oauth.clientCredentials.enabled': '.env',
      'oauth.clientCredentials.scopes': '.env',
      'oauth.clientCredentials.audience': 'settings.json',
      'oauth.clientCredentials.proactiveRefreshSeconds': 'settings.json',
      'oauth.clientCredentials.clockSkewSeconds': 'default',
      'oauth.clientCredentials.assertion.kid': 'typed',
      'oauth.clientCredentials.assertion.alg': 'default',
      'provider.clientId': 'localStorage',
    });
  });

  it('lets localStorage turn the flag off after settings.json turned it on', () => {
    const r = resolveConfig({ defaults, settingsJson: { oauth: { clientCredentials: { enabled: true } } }, local: { oauth: { clientCredentials: { enabled: false } } } });
    expect(r.config.oauth.clientCredentials.enabled).toBe(false);
    expect(r.sources['oauth.clientCredentials.enabled']).toBe('localStorage');
  });

  it('resolves the assertion audience and typ through .env → settings.json → localStorage, refusing unknown modes', () => {
    const path = 'oauth.clientCredentials.assertion.audience';
    const fromEnv = resolveConfig({ defaults, env: { VITE_CC_ASSERTION_AUDIENCE: 'endpoint', VITE_CC_ASSERTION_TYP: 'omit' } });
    expect(fromEnv.config.oauth.clientCredentials.assertion).toMatchObject({ audience: 'endpoint', typ: 'omit' });
    const layered = resolveConfig({
      defaults,
      env: { VITE_CC_ASSERTION_AUDIENCE: 'endpoint' },
      settingsJson: { oauth: { clientCredentials: { assertion: { audience: 'issuer' } } } },
      local: { oauth: { clientCredentials: { assertion: { audience: 'aud-of-my-choice', typ: 'send' } } } },
    });
    expect(layered.config.oauth.clientCredentials.assertion).toMatchObject({ audience: 'issuer', typ: 'send' });
    expect(layered.sources[path]).toBe('settings.json');
    expect(layered.issues).toEqual([expect.objectContaining({ path, source: 'localStorage', severity: 'error', message: expect.stringMatching(/issuer, token_endpoint, endpoint/) })]);
    const untouched = resolveConfig({ defaults });
    expect(untouched.config.oauth.clientCredentials.assertion).toMatchObject({ audience: 'token_endpoint', typ: 'auto' });
    expect(untouched.sources[path]).toBe('default');
  });

  it('lets a provider row choose the audience only while the setting is at its default', () => {
    const pick = (r: ReturnType<typeof resolveConfig>, providerDefault?: AssertionAudience) =>
      resolveAssertionAudience(r.sources['oauth.clientCredentials.assertion.audience'] === 'default' ? undefined : r.config.oauth.clientCredentials.assertion.audience, providerDefault);
    expect(pick(resolveConfig({ defaults }))).toBe('token_endpoint');
    expect(pick(resolveConfig({ defaults }), 'issuer')).toBe('issuer');
    expect(pick(resolveConfig({ defaults, local: { oauth: { clientCredentials: { assertion: { audience: 'endpoint' } } } } }), 'issuer')).toBe('endpoint');
  });

  it('reads every documented env variable type', () => {
    const { config, issues } = resolveConfig({
      defaults,
      env: {
        VITE_CC_AUTH_METHOD: 'client_secret_post',
        VITE_CC_PROACTIVE_REFRESH_SECONDS: '15',
        VITE_CC_RESOURCE: 'https://api.pingone.com',
        VITE_PROVIDER: 'pingone',
        VITE_PINGONE_REGION: 'eu',
        VITE_PINGONE_ENVIRONMENT_ID: 'abcdef01-2345-6789-abcd-ef0123456789',
        VITE_PINGONE_EXTRA_SCOPES: 'p1:read:user',
        VITE_SANDBOX_URL: 'http://127.0.0.1:4600',
        VITE_CC_MTLS_ENABLED: '0',
        VITE_CC_AUDIENCE: '',
      },
    });
    expect(issues).toEqual([]);
    expect(config.oauth.clientCredentials).toMatchObject({ authMethod: 'client_secret_post', proactiveRefreshSeconds: 15, resource: 'https://api.pingone.com', audience: '' });
    expect(config.provider).toMatchObject({ preset: 'pingone', sandboxUrl: 'http://127.0.0.1:4600' });
    expect(config.provider.pingone).toEqual({ region: 'EU', environmentId: 'abcdef01-2345-6789-abcd-ef0123456789', extraScopes: ['p1:read:user'] });
  });
});

describe('resolveConfig issues', () => {
  it('names the field and the source, and falls back to the lower layer', () => {
    const r = resolveConfig({
      defaults,
      env: { VITE_CC_PROACTIVE_REFRESH_SECONDS: '45', VITE_CC_ENABLED: 'maybe' },
      settingsJson: { oauth: { clientCredentials: { proactiveRefreshSeconds: 99999, authMethod: 'magic' } } },
      local: { provider: { sandboxUrl: 'javascript:alert(1)' } },
    });
    expect(r.config.oauth.clientCredentials.proactiveRefreshSeconds).toBe(45);
    expect(r.sources['oauth.clientCredentials.proactiveRefreshSeconds']).toBe('.env');
    expect(r.config.oauth.clientCredentials.authMethod).toBe(DEFAULT_AUTH_METHOD);
    expect(r.config.provider.sandboxUrl).toBe('http://localhost:4500');
    const summary = r.issues.map((i) => `${i.path}|${i.source}|${i.severity}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        'oauth.clientCredentials.enabled|.env|error',
        'oauth.clientCredentials.proactiveRefreshSeconds|settings.json|error',
        'oauth.clientCredentials.authMethod|settings.json|error',
        'provider.sandboxUrl|localStorage|error',
      ]),
    );
    const refresh = r.issues.find((i) => i.path === 'oauth.clientCredentials.proactiveRefreshSeconds');
    expect(refresh?.message).toMatch(/at most 3600.*using the \.env value/);
  });

  it('ignores secrets in settings.json and .env with a warning', () => {
    const r = resolveConfig({
      defaults,
      env: { VITE_CLIENT_SECRET: 'shh-env-secret' },
      settingsJson: { provider: { clientId: 'ok', client_secret: 'shh-file-secret' }, oauth: { clientCredentials: { assertion: { privateKey: '-----BEGIN PRIVATE KEY-----' } } } },
    });
    expect(r.config.provider.clientId).toBe('ok');
    expect(JSON.stringify(r.config)).not.toContain('shh-');
    expect(r.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'provider.client_secret', source: 'settings.json', severity: 'warning' }),
        expect.objectContaining({ path: 'oauth.clientCredentials.assertion.privateKey', source: 'settings.json', severity: 'warning' }),
        expect.objectContaining({ path: 'VITE_CLIENT_SECRET', source: '.env', severity: 'warning' }),
      ]),
    );
    expect(JSON.stringify(r.issues)).not.toContain('shh-');
  });

  it('warns about unknown keys, skips $comments, and rejects non-object layers', () => {
    const r = resolveConfig({ defaults, settingsJson: { $schema: 'x', oauth: { clientCredentials: { enable: true } } }, local: [1, 2] });
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'oauth.clientCredentials.enable', source: 'settings.json', severity: 'warning' }),
      expect.objectContaining({ path: '(root)', source: 'localStorage', severity: 'error' }),
    ]);
  });
});

describe('resolveConfig properties', () => {
  const token = fc.stringMatching(/^[a-z0-9:._-]{1,20}$/);
  const text = fc.stringMatching(/^[A-Za-z0-9._-]{0,20}$/);
  const url = fc.constantFrom('', 'https://api.example.com', 'http://localhost:4600/x');
  const validConfig: fc.Arbitrary<Settings> = fc.record({
    oauth: fc.record({
      clientCredentials: fc.record({
        enabled: fc.boolean(),
        authMethod: fc.constantFrom(...AUTH_METHODS),
        scopes: fc.array(token, { maxLength: 5 }),
        audience: text,
        resource: url,
        proactiveRefreshSeconds: fc.integer({ min: 0, max: 3600 }),
        clockSkewSeconds: fc.integer({ min: 0, max: 300 }),
        assertion: fc.record({
          alg: fc.constantFrom(...SIGNING_ALGS),
          kid: text,
          lifetimeSeconds: fc.integer({ min: 1, max: 60 }),
          audience: fc.constantFrom(...ASSERTION_AUDIENCES),
          typ: fc.constantFrom(...ASSERTION_TYPS),
        }),
        mtls: fc.record({ enabled: fc.boolean(), certRef: text, keyRef: text, caRef: text }),
      }),
    }),
    provider: fc.record({
      preset: fc.constantFrom(...PROVIDER_IDS),
      sandboxUrl: fc.constantFrom('http://localhost:4500', 'https://sandbox.example'),
      pingone: fc.record({
        region: fc.constantFrom(...PINGONE_REGION_IDS),
        environmentId: fc.oneof(fc.constant(''), fc.uuid()),
        extraScopes: fc.array(token, { maxLength: 3 }),
      }),
      microauthd: fc.record({ baseUrl: url }),
      custom: fc.record({ issuer: url, tokenEndpoint: url }),
      clientId: text,
    }),
    relay: fc.record({ url: fc.constantFrom('http://localhost:4600', 'http://127.0.0.1:45123') }),
  });

  it('any valid config survives serialise → resolve unchanged, from settings.json or localStorage', () => {
    fc.assert(
      fc.property(validConfig, fc.constantFrom('settingsJson', 'local') , (config, layer) => {
        const r = resolveConfig({ defaults, [layer]: JSON.parse(JSON.stringify(config)) });
        expect(r.issues).toEqual([]);
        expect(r.config).toEqual(config);
      }),
    );
  });

  it('random junk in any layer never throws and always yields a valid config', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.boolean())), (json, local, env) => {
        const r = resolveConfig({ defaults, settingsJson: json, local, env });
        expect(settingsSchema().safeParse(r.config).success).toBe(true);
      }),
    );
  });

  it('junk shaped like the schema never throws', () => {
    const junkLeaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object());
    const shaped = fc.record({ oauth: fc.record({ clientCredentials: fc.dictionary(fc.constantFrom('enabled', 'scopes', 'assertion', 'mtls', 'proactiveRefreshSeconds'), junkLeaf) }), provider: fc.dictionary(fc.constantFrom('preset', 'pingone', 'clientId', 'sandboxUrl'), junkLeaf) });
    fc.assert(
      fc.property(shaped, (json) => {
        const r = resolveConfig({ defaults, settingsJson: json });
        expect(settingsSchema().safeParse(r.config).success).toBe(true);
      }),
    );
  });
});
