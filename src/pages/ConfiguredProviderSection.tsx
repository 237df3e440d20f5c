// Home page section: which provider the configuration points at, where it is, and which client it names.

import { InfoBox } from '../components/InfoBox';
import { PROVIDER_BASICS } from '../config/providerBasics';
import type { ConfigSnapshot } from '../services/config/configStore';
import type { Settings } from '../services/config/settings';

function providerDetail(provider: Settings['provider']): string {
  switch (provider.preset) {
    case 'sandbox':
      return provider.sandboxUrl;
    case 'pingone':
      return provider.pingone.environmentId
        ? `Region ${provider.pingone.region}, environment ${provider.pingone.environmentId}`
        : `Region ${provider.pingone.region}, environment ID not set yet`;
    case 'microauthd':
      return provider.microauthd.baseUrl || 'Base URL not set yet';
    case 'custom':
      return provider.custom.issuer || provider.custom.tokenEndpoint || 'Issuer or token endpoint not set yet';
    default:
      // Hosted rows (Entra ID, Auth0, Okta, Keycloak, Cognito) have no settings yet: their fields are typed in the flow.
      return 'Entered in the flow';
  }
}

export function ConfiguredProviderSection({ provider, sources }: { provider: Settings['provider']; sources: ConfigSnapshot['sources'] }) {
  return (
    <section aria-labelledby="provider-heading">
      <h2 id="provider-heading" className="section-title">
        Provider
      </h2>
      <dl className="definition-grid">
        <dt>Preset</dt>
        <dd>
          {PROVIDER_BASICS[provider.preset].label} <span className="source-badge">{sources['provider.preset']}</span>
        </dd>
        <dt>Where</dt>
        <dd className="mono">{providerDetail(provider)}</dd>
        <dt>Client ID</dt>
        <dd className="mono">{provider.clientId || '(enter it in the flow)'}</dd>
      </dl>
      {PROVIDER_BASICS[provider.preset].devTools && (
        <InfoBox variant="info" title="Start the sandbox">
          <p>
            Run <code>npm run sandbox</code> (or <code>npm start</code> for both) — it emulates PingOne and microauthd
            on this machine with demo clients, so every step works offline.
          </p>
        </InfoBox>
      )}
    </section>
  );
}
