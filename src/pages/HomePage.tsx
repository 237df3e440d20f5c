// Home: what the playground is, which flows are available, and which provider is configured.

import { Link } from 'react-router-dom';
import { InfoBox } from '../components/InfoBox';
import { PageTitle } from '../components/PageTitle';
import { useConfig } from '../hooks/useConfig';
import type { Settings } from '../services/config/schema';

const PRESET_NAMES: Record<Settings['provider']['preset'], string> = {
  sandbox: 'Local sandbox',
  pingone: 'PingOne',
  microauthd: 'microauthd',
  custom: 'Custom authorization server',
};

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
  }
}

export function HomePage() {
  const { config, sources } = useConfig();
  const ccEnabled = config.oauth.clientCredentials.enabled;
  const { provider } = config;

  return (
    <div className="page">
      <PageTitle
        title="OAuth M2M Playground"
        icon="🔐"
        subtitle="Try the OAuth 2.0 Client Credentials grant in your browser: see exactly what is sent, what comes back, and why it failed."
      />

      <section className="card-grid" aria-labelledby="flows-heading">
        <h2 id="flows-heading" className="section-title">
          Flows
        </h2>
        <article className="flow-card">
          <h3 className="flow-card__title">Client Credentials</h3>
          <p>
            A machine gets an access token with its own credentials — <code>client_secret_basic</code>,{' '}
            <code>client_secret_post</code>, <code>client_secret_jwt</code> or <code>private_key_jwt</code> — then
            calls an API with it.
          </p>
          {ccEnabled ? (
            <Link className="btn btn--primary" to="/flows/client-credentials">
              Start the Client Credentials flow
            </Link>
          ) : (
            <p className="flow-card__disabled">
              Disabled by configuration (<code>oauth.clientCredentials.enabled</code>).
            </p>
          )}
        </article>
      </section>

      <section aria-labelledby="provider-heading">
        <h2 id="provider-heading" className="section-title">
          Provider
        </h2>
        <dl className="definition-grid">
          <dt>Preset</dt>
          <dd>
            {PRESET_NAMES[provider.preset]} <span className="source-badge">{sources['provider.preset']}</span>
          </dd>
          <dt>Where</dt>
          <dd className="mono">{providerDetail(provider)}</dd>
          <dt>Client ID</dt>
          <dd className="mono">{provider.clientId || '(enter it in the flow)'}</dd>
        </dl>
        {provider.preset === 'sandbox' && (
          <InfoBox variant="info" title="Start the sandbox">
            <p>
              Run <code>npm run sandbox</code> (or <code>npm start</code> for both) — it emulates PingOne and microauthd
              on this machine with demo clients, so every step works offline.
            </p>
          </InfoBox>
        )}
      </section>

      <section aria-labelledby="about-heading">
        <h2 id="about-heading" className="section-title">
          What is this?
        </h2>
        <p>
          A teaching tool for machine-to-machine OAuth. Each step shows the exact HTTP request before it is sent, checks
          the client assertion, explains errors such as <code>invalid_client</code> or a 403, and suggests the least
          privilege scopes for the job.
        </p>
        <InfoBox variant="security" title="Your secrets stay put">
          <p>
            Secrets are masked on screen and never logged. Access tokens live in this tab&apos;s session storage and are
            purged by <strong>Sign out</strong>.
          </p>
        </InfoBox>
      </section>
    </div>
  );
}
