// Step 1's endpoint pieces every provider shares: the `Token endpoint` field, and the Discover button with what
// discovery read (RFC 8414 / OpenID Connect Discovery).
import { FormField } from '../../../components/FormField';
import { InfoBox } from '../../../components/InfoBox';
import { fieldId } from '../model/flowFormSchema';
import type { ConfigureView } from './configureView';
import { ServerFeatures } from './ServerFeatures';

export function TokenEndpointField({ flow, readOnly, hint }: { flow: Pick<ConfigureView, 'form' | 'sources' | 'errors' | 'setField' | 'touch'>; readOnly?: boolean; hint?: string }) {
  return (
    <FormField id={fieldId('tokenEndpoint')} label="Token endpoint" source={flow.sources.tokenEndpoint} error={flow.errors.tokenEndpoint} hint={hint}>
      {(control) => (
        <input
          {...control}
          className="input input--mono"
          type="url"
          inputMode="url"
          spellCheck={false}
          readOnly={readOnly}
          placeholder="https://auth.example.com/oauth2/token"
          value={flow.form.tokenEndpoint}
          onChange={(e) => flow.setField('tokenEndpoint', e.target.value)}
          onBlur={() => flow.touch('tokenEndpoint')}
        />
      )}
    </FormField>
  );
}

/** The Discover button (reads `Issuer or discovery URL`), busy while discovery runs. */
export function DiscoverButton({ flow }: { flow: Pick<ConfigureView, 'discovery' | 'discover'> }) {
  const loading = flow.discovery.status === 'loading';
  return (
    <button type="button" className="btn btn--secondary" aria-busy={loading || undefined} onClick={() => void flow.discover()}>
      {loading ? 'Discovering…' : 'Discover'}
    </button>
  );
}

/** What discovery read: where from, the server's features, and its warnings (server text, rendered as text). */
export function DiscoveryResult({ flow }: { flow: Pick<ConfigureView, 'discovery' | 'form'> }) {
  const { result, status } = flow.discovery;
  if (status !== 'done' || !result) return null;
  return (
    <InfoBox variant={result.warnings.length ? 'warning' : 'success'} role="status" title="Discovery complete">
      <p>Read from <code>{result.fetchedFrom}</code>.</p>
      <ServerFeatures metadata={result.metadata} dpopWanted={flow.form.dpop} />
      {result.warnings.length > 0 && (
        <ul>
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </InfoBox>
  );
}
