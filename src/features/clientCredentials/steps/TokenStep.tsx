// Step 3 (Token): the attempts, the response (token masked), or an error card; on success the token and its checks.
import { memo, useCallback, useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { AttemptsTimeline, formatMs } from '../../../components/AttemptsTimeline';
import { Countdown } from '../../../components/Countdown';
import { DecodedJwt } from '../../../components/DecodedJwt';
import { ErrorCard } from '../../../components/ErrorCard';
import { InfoBox } from '../../../components/InfoBox';
import { JsonView } from '../../../components/JsonView';
import { ScopeComparison } from '../../../components/ScopeComparison';
import { Spinner } from '../../../components/Spinner';
import { TokenChecks } from '../../../components/TokenChecks';
import { TokenDisplay, maskToken } from '../../../components/TokenDisplay';
import { TokenHistoryList } from '../../../components/TokenHistoryList';
import { ResponseWarnings } from '../../../components/ResponseWarnings';
import { formatLocalTime } from '../../../components/localTime';
import { grantedScopeOf } from '../../../utils/grantedScope';
import type { TokenRecord, TokenResponse } from '../../../types/token';
import type { RequestDescription } from '../../../utils/oauth/description';
import { useTokenChecks, type BindingKeys, type TokenChecksState } from '../hooks/useTokenChecks';
import type { TokenHistory } from '../../../utils/tokenHistory';
import type { TokenManagementEndpoints } from '../model/tokenManagementEndpoints';
import { TokenManagementPanel, type TokenManagementControls } from './TokenManagementPanel';
import { AudienceRetryAction, type AudienceRetry } from './AudienceRetryAction';
import type { ManagementUnavailable } from '../model/session/managementActions';
import { ProviderErrorHints } from './ProviderErrorHints';
import type { ProviderId } from '../../../config/providerBasics';
import type { FlowError, FlowForm, TokenRun } from '../model/flowTypes';
import './TokenStep.css';
import { IconSparkle } from '../../../components/icons/objectIcons';

export interface TokenStepProps {
  run: TokenRun;
  /** Sends the request again (the stepper's own action button is the primary `Get token`). */
  onGetToken: () => void;
  /** While a request is in flight: cancels it (its attempts and the waits between them). */
  onCancel?: (() => void) | undefined;
  form: FlowForm;
  description: RequestDescription | null;
  /** `Send through the local relay`, offered on the error card when the relay is the fix (CORS, no answer). */
  relayControl?: ReactNode;
  /** `Introspect token` and `Revoke token` for the token on screen (RFC 7662, RFC 7009). */
  management?: (TokenManagementControls & { endpoints: TokenManagementEndpoints; unavailable?: ManagementUnavailable | undefined }) | undefined;
  /** The error card's `Try … as audience` button, when a refused JWT client authentication calls for it. */
  audienceRetry?: AudienceRetry | undefined;
  /** Past token requests of this tab, by fingerprint. */
  history: TokenHistory;
  /** What cnf.jkt and cnf.x5t#S256 are compared with. */
  bindings: BindingKeys;
  /**
   * The cache's token for this configuration, e.g. restored after a reload: before any request in this visit, step 3
   * says it is there (the status bar counts it down and step 4 uses it) rather than only "Press Get token".
   */
  cachedToken?: TokenRecord | undefined;
}

/** What step 3 says before a request: that one is needed, or that the cache already holds this configuration's token. */
function IdleNote({ cachedToken }: { cachedToken: TokenRecord | undefined }) {
  if (!cachedToken) return <p className="tp-muted">Press Get token to send the request.</p>;
  return (
    <p className="tp-muted">
      The cache holds this configuration&apos;s token (obtained {formatLocalTime(cachedToken.obtainedAt)}, expires{' '}
      {formatLocalTime(cachedToken.expAt)}): the status bar counts it down and step 4 uses it. Press Get token to request
      a new one.
    </p>
  );
}

/** The response as the server sent it, with the access token masked (the token card is where it is revealed). */
function maskedResponse(response: TokenResponse): Record<string, unknown> {
  const out: Record<string, unknown> = { access_token: maskToken(response.access_token), token_type: response.token_type };
  if (response.expires_in !== undefined) out.expires_in = response.expires_in;
  if (response.scope !== undefined) out.scope = response.scope;
  return { ...out, ...response.extra };
}

function RunSummary({ run }: { run: TokenRun }) {
  const last = run.attempts.at(-1);
  const status = run.status === 'success' ? 200 : (run.error?.status ?? last?.status);
  // A browser reports a redirect as status 0: say what happened instead of a status nobody sent.
  const redirected = run.error?.code === 'REDIRECTED';
  return (
    <p className="token-run-summary">
      {redirected && <span className="token-run-status">redirected</span>}
      {!redirected && status !== undefined && status > 0 && <span className="token-run-status">HTTP {status}</span>}
      {run.fetchDurationMs !== undefined && <span> · {formatMs(run.fetchDurationMs)}</span>}
      {run.attempts.length > 1 && <span> · {run.attempts.length} attempts</span>}
    </p>
  );
}

function TokenStepIntro({ description }: { description: RequestDescription | null }) {
  return (
    <p className="token-step-intro">
      Send the request from step 2 and validate the access token that comes back.{' '}
      {description ? (
        <>
          It goes to <code className="token-step-endpoint">{description.method} {description.url}</code>.
        </>
      ) : (
        'Complete the configuration first.'
      )}
    </p>
  );
}

function RunFailure({ error, onGetToken, relayControl, audienceRetry, provider }: {
  error: FlowError; onGetToken: () => void; relayControl?: ReactNode; audienceRetry?: AudienceRetry | undefined; provider: ProviderId;
}) {
  return (
    <>
      <ErrorCard error={error} context="token request" relayControl={relayControl} action={audienceRetry && <AudienceRetryAction retry={audienceRetry} />} />
      <ProviderErrorHints provider={provider} error={error} />
      <button type="button" className="btn btn--secondary" onClick={onGetToken}>
        Try again
      </button>
    </>
  );
}

/** What follows the token: its checks, the scopes asked for against those granted, the raw response. */
function TokenDetails({ checks, requestedScopes, accessToken, response }: {
  checks: TokenChecksState; requestedScopes: readonly string[]; accessToken: string; response: TokenResponse;
}) {
  const granted = useMemo(() => (accessToken ? grantedScopeOf({ accessToken, scope: response.scope }) : undefined), [accessToken, response.scope]);
  const raw = useMemo(() => maskedResponse(response), [response]);
  return (
    <>
      <TokenChecks results={checks.results} signature={checks.signature} />
      <ScopeComparison requested={requestedScopes} granted={granted} />
      <section className="token-raw-response" aria-label="Raw response">
        <h3 className="panel-title">Raw response (access token masked)</h3>
        <JsonView value={raw} label="Token response" />
      </section>
    </>
  );
}

interface TokenAcquiredProps {
  run: TokenRun;
  record: TokenRecord;
  response: TokenResponse;
  revealed: boolean;
  onRevealedChange: (next: boolean) => void;
  /** The checks, scope comparison and raw response; undefined in the token's first render (they follow it). */
  details: TokenChecksState | undefined;
}

/**
 * The success half of the step: the token (masked until revealed), its expiry and decoded claims, then its checks,
 * scopes and raw response. Memoised: it renders when the token, the reveal or the checks change, not whenever the
 * flow does.
 */
const TokenAcquired = memo(function TokenAcquired({ run, record, response, revealed, onRevealedChange, details }: TokenAcquiredProps) {
  const { accessToken } = record;
  return (
    <>
      <InfoBox variant="success" role="status" icon={<IconSparkle />} title="Token acquired!">
        Validate the received access token and store it securely.
      </InfoBox>
      <ResponseWarnings warnings={record.warnings} />
      {/* Outside the live region: the countdown ticks every second and must not be announced each time. */}
      <p className="token-step-ttl">
        Expires <Countdown until={record.expAt} prefix="in " expiredText="now: the token has expired" />.
        {response.expires_in === undefined && ' The server sent no expires_in, so an hour is assumed.'}
      </p>
      <TokenDisplay
        token={record.accessToken}
        tokenType={record.tokenType}
        expiresIn={record.expiresIn}
        expAt={record.expAt}
        revealed={revealed}
        onRevealedChange={onRevealedChange}
      />
      <DecodedJwt token={record.accessToken} revealed={revealed} title="Decoded access token" />
      {details && <TokenDetails checks={details} requestedScopes={run.requestedScopes} accessToken={accessToken} response={response} />}
    </>
  );
});

export function TokenStep({ run, onGetToken, onCancel, form, description, relayControl, management, history, bindings, audienceRetry, cachedToken }: TokenStepProps) {
  const token = run.status === 'success' ? run.record?.accessToken : undefined;
  // Reveal is remembered per token, so a newly obtained token always starts masked.
  const [revealedToken, setRevealedToken] = useState<string | null>(null);
  const onRevealedChange = useCallback((next: boolean) => setRevealedToken(next ? (token ?? null) : null), [token]);
  // The token shows in the render that receives it; its checks (worked out here), scope comparison, raw response and
  // management buttons follow in a deferred render right after, so the click's answer is on screen sooner (issue 24).
  // The first value (null, never a token) defers them on mount too, e.g. back on step 3 with a token from before:
  // https://react.dev/reference/react/useDeferredValue#parameters
  const deferredToken = useDeferredValue<string | null | undefined>(token, null);
  const detailed = token !== undefined && deferredToken === token;
  const checks = useTokenChecks(detailed ? token : undefined, form, run.status === 'success' ? run.response?.token_type : undefined, bindings);

  return (
    <div className="token-step">
      <TokenStepIntro description={description} />
      {run.status === 'idle' && <IdleNote cachedToken={cachedToken} />}
      {run.status === 'running' && (
        <p role="status" className="token-step-running">
          <Spinner /> Requesting a token…{' '}
          {onCancel && (
            <button type="button" className="btn btn--secondary btn--small" onClick={onCancel}>
              Cancel
            </button>
          )}
        </p>
      )}
      <AttemptsTimeline attempts={run.attempts} />
      {(run.status === 'success' || run.status === 'error') && <RunSummary run={run} />}
      {run.status === 'error' && run.error && <RunFailure error={run.error} onGetToken={onGetToken} relayControl={relayControl} audienceRetry={audienceRetry} provider={form.provider} />}
      {run.status === 'success' && run.record && run.response && (
        <TokenAcquired
          run={run}
          record={run.record}
          response={run.response}
          revealed={token !== undefined && revealedToken === token}
          onRevealedChange={onRevealedChange}
          details={detailed ? checks : undefined}
        />
      )}
      {detailed && management && <TokenManagementPanel token={token} endpoints={management.endpoints} unavailable={management.unavailable} management={management} />}
      <TokenHistoryList history={history} />
    </div>
  );
}
