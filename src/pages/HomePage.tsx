// Home: what the playground is, which flows are available, and which provider is configured.

import { Link } from 'react-router-dom';
import { InfoBox } from '../components/InfoBox';
import { PageTitle } from '../components/PageTitle';
import { useClientCredentialsOffered, useConfig } from '../hooks/useConfig';
import { ConfiguredProviderSection } from './ConfiguredProviderSection';
import { PROVIDER_BASICS, PROVIDER_IDS } from '../config/providerBasics';

function FlowsSection({ ccEnabled }: { ccEnabled: boolean }) {
  return (
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
        <p>
          Against {PROVIDER_IDS.map((id) => PROVIDER_BASICS[id].label).join(', ')}: each provider&apos;s own fields fill its endpoints.
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
  );
}

function AboutSection() {
  return (
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
  );
}

export function HomePage() {
  const { config, sources } = useConfig();
  const ccOffered = useClientCredentialsOffered();
  return (
    <div className="page">
      <PageTitle
        title="OAuth M2M Playground"
        subtitle="Try the OAuth 2.0 Client Credentials grant in your browser: see exactly what is sent, what comes back, and why it failed."
      />
      <FlowsSection ccEnabled={ccOffered} />
      <ConfiguredProviderSection provider={config.provider} sources={sources} />
      <AboutSection />
    </div>
  );
}
