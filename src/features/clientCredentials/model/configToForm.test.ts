// The starting form's assertion choices: configuration above the default wins, else the provider row's mode.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../services/config/resolve';
import { createDefaultSettings, type SettingsPatch } from '../../../services/config/settings';
import { formFromConfig, providerAudiencePatch } from './configToForm';

const resolved = (typed: SettingsPatch) => resolveConfig({ defaults: createDefaultSettings({ clientCredentialsEnabled: true }), typed });

describe('formFromConfig: assertion audience and typ', () => {
  it('defaults to the token endpoint and typ auto for a provider whose row names no mode', () => {
    const { form, sources } = formFromConfig(resolved({ provider: { preset: 'sandbox' } }));
    expect([form.assertionAudience, form.assertionTyp]).toEqual(['token_endpoint', 'auto']);
    expect(sources.assertionAudience).toBeUndefined();
  });

  it("takes the provider row's documented mode while the setting is at its default (Auth0: the issuer)", () => {
    expect(formFromConfig(resolved({ provider: { preset: 'auth0' } })).form.assertionAudience).toBe('issuer');
  });

  it('a mode set in configuration wins over the row, and its source is shown', () => {
    const { form, sources } = formFromConfig(resolved({ provider: { preset: 'auth0' }, oauth: { clientCredentials: { assertion: { audience: 'endpoint', typ: 'omit' } } } }));
    expect([form.assertionAudience, form.assertionTyp]).toEqual(['endpoint', 'omit']);
    expect(sources.assertionAudience).toBe('typed');
  });
});

describe('providerAudiencePatch', () => {
  it("follows the new provider's row unless the mode was chosen", () => {
    expect(providerAudiencePatch({}, 'auth0')?.values).toEqual({ assertionAudience: 'issuer' });
    expect(providerAudiencePatch({ assertionAudience: 'default' }, 'okta')?.values).toEqual({ assertionAudience: 'token_endpoint' });
    expect(providerAudiencePatch({ assertionAudience: 'typed' }, 'auth0')).toBeUndefined();
    expect(providerAudiencePatch({ assertionAudience: 'error card' }, 'auth0')).toBeUndefined();
  });
});
