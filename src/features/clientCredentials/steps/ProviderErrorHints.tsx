// After a failed token request with a hosted provider: the provider's own documented meaning of this error (an
// AADSTS number, a Keycloak description…) as likely causes and fixes, each with its source. Server text is matched,
// never rendered as markup.
import { useId } from 'react';
import type { ProviderId } from '../../../config/providerBasics';
import { PROVIDERS } from '../../../config/providers';
import { providerErrorHints } from '../../../config/providers/errorKnowledge';
import type { FlowError } from '../model/flowTypes';

export function ProviderErrorHints({ provider, error }: { provider: ProviderId; error: FlowError }) {
  const headingId = useId();
  const entry = PROVIDERS[provider];
  const hints = entry.hosted ? providerErrorHints(entry.hosted.errorKnowledge, error) : [];
  if (hints.length === 0) return null;
  return (
    <section className="cc-panel" aria-labelledby={headingId}>
      <h4 id={headingId} className="cc-panel__title">
        What {entry.label} documents for this error
      </h4>
      <ul className="error-card-causes">
        {hints.map((hint) => (
          <li key={hint.cause}>
            <strong>Likely cause: </strong>
            {hint.cause} <strong>Fix: </strong>
            {hint.fix}{' '}
            <a href={hint.source} target="_blank" rel="noreferrer noopener">
              source
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
