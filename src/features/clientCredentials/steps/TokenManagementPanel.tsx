// Step 3's token management: `Introspect token` (RFC 7662) and `Revoke token` (RFC 7009) with the exact request sent.
import { useId } from 'react';
import { AttemptsTimeline } from '../../../components/AttemptsTimeline';
import { CodeBlock } from '../../../components/CodeBlock';
import { ErrorCard } from '../../../components/ErrorCard';
import { InfoBox } from '../../../components/InfoBox';
import { IntrospectionResult } from '../../../components/IntrospectionResult';
import { Spinner } from '../../../components/Spinner';
import type { RequestDescription } from '../../../utils/oauth/description';
import { toCurl } from '../../../utils/oauth/curl';
import { toFetchSnippet } from '../../../utils/oauth/fetchSnippet';
import { bodyPairs, maskRequestDescription } from '../../../utils/oauth/requestMask';
import type { AssertionAudience } from '../../../utils/oauth/assertionAudience';
import type { AudienceSuggestion, EndpointKind } from '../../../utils/oauth/audienceSuggestion';
import type { ManagementUnavailable } from '../model/session/managementActions';
import type { ManagementKind, ManagementState } from '../model/session/sessionState';
import type { TokenManagementEndpoints } from '../model/tokenManagementEndpoints';
import { AudienceRetryAction } from './AudienceRetryAction';

/** The session's introspection/revocation state and actions. */
export interface TokenManagementControls {
  state: ManagementState;
  introspect(token: string): Promise<void>;
  revoke(token: string): Promise<void>;
  /** The audience mode to try after the shown run's JWT client authentication was refused (audienceSuggestionOf). */
  audienceSuggestion?: AudienceSuggestion | undefined;
  /** Sets the mode and sends the refused call again (the session's action). */
  retryWithAudience?: ((mode: AssertionAudience, kind: EndpointKind) => Promise<void>) | undefined;
}

export interface TokenManagementPanelProps {
  token: string;
  endpoints: TokenManagementEndpoints;
  /** Why a button is disabled (tokenManagementUnavailableReason); without it a generic sentence is shown. */
  unavailable?: ManagementUnavailable | undefined;
  management: TokenManagementControls;
}

const ENDPOINT_KIND: Readonly<Record<ManagementKind, EndpointKind>> = { introspect: 'introspection', revoke: 'revocation' };

/** The request as sent, masked like step 2's preview; the exports keep secret placeholders. */
function SentRequest({ description }: { description: RequestDescription }) {
  const masked = maskRequestDescription(description);
  return (
    <details className="token-management__request">
      <summary>
        Request sent: <code>{description.method} {description.url}</code>
      </summary>
      <ul className="cc-muted">
        {Object.entries(masked.headers).map(([name, value]) => (
          <li key={name}>
            <code>{name}: {value}</code>
          </li>
        ))}
        {bodyPairs(masked.body).map((p, i) => (
          <li key={`${p.name}-${i}`}>
            <code>{p.name}={p.value}</code>
          </li>
        ))}
      </ul>
      <CodeBlock title="cURL" copyLabel="Copy cURL" language="shell" code={toCurl(description, { reveal: false })} />
      <CodeBlock title="fetch (JavaScript)" copyLabel="Copy fetch code" language="javascript" code={toFetchSnippet(description, { reveal: false })} />
    </details>
  );
}

/** Why the button is disabled: the reason the session gives, or a generic sentence. */
function Missing({ id, what, reason }: { id: string; what: 'introspection' | 'revocation'; reason: string | undefined }) {
  const article = what === 'introspection' ? 'an' : 'a';
  return (
    <p id={id} className="cc-muted">
      {reason ?? `This server does not advertise ${article} ${what} endpoint (no ${what}_endpoint in discovery), so the playground cannot ${what === 'introspection' ? 'introspect' : 'revoke'} here.`}
    </p>
  );
}

export function TokenManagementPanel({ token, endpoints, unavailable, management }: TokenManagementPanelProps) {
  const run = management.state.run?.token === token ? management.state.run : null;
  const revoked = management.state.revoked.has(token);
  const busy = run?.status === 'running';
  const missingId = useId();
  const { audienceSuggestion: suggestion, retryWithAudience } = management;
  const audienceRetry = run?.status === 'error' && suggestion && retryWithAudience
    ? { suggestion, onTry: () => void retryWithAudience(suggestion.mode, ENDPOINT_KIND[run.kind]) }
    : undefined;
  return (
    <section className="token-management" aria-label="Introspect and revoke">
      <h3 className="panel-title">Is it still active? Kill it</h3>
      <p className="cc-muted">Both requests use the same client authentication as the token request (RFC 7662 §2.1, RFC 7009 §2.1).</p>
      <div className="token-management__actions">
        <button
          type="button"
          className="btn btn--secondary"
          disabled={busy || !endpoints.introspection}
          aria-describedby={endpoints.introspection ? undefined : `${missingId}-introspection`}
          onClick={() => void management.introspect(token)}
        >
          Introspect token
        </button>
        <button
          type="button"
          className="btn btn--secondary"
          disabled={busy || revoked || !endpoints.revocation}
          aria-describedby={endpoints.revocation ? undefined : `${missingId}-revocation`}
          onClick={() => void management.revoke(token)}
        >
          Revoke token
        </button>
      </div>
      {!endpoints.introspection && <Missing id={`${missingId}-introspection`} what="introspection" reason={unavailable?.introspection} />}
      {!endpoints.revocation && <Missing id={`${missingId}-revocation`} what="revocation" reason={unavailable?.revocation} />}
      {busy && (
        <p role="status">
          <Spinner /> {run.kind === 'introspect' ? 'Introspecting…' : 'Revoking…'}
        </p>
      )}
      {run && run.status !== 'running' && <AttemptsTimeline attempts={run.attempts} />}
      {run?.status === 'error' && run.error && <ErrorCard error={run.error} context={ENDPOINT_KIND[run.kind]} action={audienceRetry && <AudienceRetryAction retry={audienceRetry} />} />}
      {run?.status === 'success' && run.kind === 'revoke' && (
        <InfoBox variant="success" role="status" title="Token revoked">
          The server accepted the revocation; the token left the cache and this tab's storage. Introspect it to see <code>active: false</code>.
        </InfoBox>
      )}
      {run?.status === 'success' && run.result && <IntrospectionResult result={run.result} tokenIsJwt={token.split('.').length === 3} />}
      {run?.description && <SentRequest description={run.description} />}
    </section>
  );
}
