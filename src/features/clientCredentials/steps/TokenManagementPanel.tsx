// Step 3's token management: `Introspect token` (RFC 7662) and `Revoke token` (RFC 7009) with the exact request sent.
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
import type { ManagementState } from '../model/session/sessionState';
import type { TokenManagementEndpoints } from '../model/tokenManagementEndpoints';

/** The session's introspection/revocation state and actions. */
export interface TokenManagementControls {
  state: ManagementState;
  introspect(token: string): Promise<void>;
  revoke(token: string): Promise<void>;
}

export interface TokenManagementPanelProps {
  token: string;
  endpoints: TokenManagementEndpoints;
  management: TokenManagementControls;
}

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

function Missing({ what }: { what: string }) {
  const article = what === 'introspection' ? 'an' : 'a';
  return <p className="cc-muted">This server does not advertise {article} {what} endpoint (no {what}_endpoint in discovery), so the playground cannot {what === 'introspection' ? 'introspect' : 'revoke'} here.</p>;
}

export function TokenManagementPanel({ token, endpoints, management }: TokenManagementPanelProps) {
  const run = management.state.run?.token === token ? management.state.run : null;
  const revoked = management.state.revoked.has(token);
  const busy = run?.status === 'running';
  return (
    <section className="token-management" aria-label="Introspect and revoke">
      <h3 className="panel-title">Is it still active? Kill it</h3>
      <p className="cc-muted">Both requests use the same client authentication as the token request (RFC 7662 §2.1, RFC 7009 §2.1).</p>
      <div className="token-management__actions">
        <button type="button" className="btn btn--secondary" disabled={busy || !endpoints.introspection} onClick={() => void management.introspect(token)}>
          Introspect token
        </button>
        <button type="button" className="btn btn--secondary" disabled={busy || revoked || !endpoints.revocation} onClick={() => void management.revoke(token)}>
          Revoke token
        </button>
      </div>
      {!endpoints.introspection && <Missing what="introspection" />}
      {!endpoints.revocation && <Missing what="revocation" />}
      {busy && (
        <p role="status">
          <Spinner /> {run.kind === 'introspect' ? 'Introspecting…' : 'Revoking…'}
        </p>
      )}
      {run && run.status !== 'running' && <AttemptsTimeline attempts={run.attempts} />}
      {run?.status === 'error' && run.error && <ErrorCard error={run.error} context={run.kind === 'introspect' ? 'introspection' : 'revocation'} />}
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
