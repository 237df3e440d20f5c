// `Get token`: always a new request (never the cache), attempts as they happen, then storage + cache + history.
import { useRef, useState } from 'react';
import type { NewAuthContextValue } from '../../../contexts/NewAuthContext';
import type { Clock } from '../../../utils/clock';
import { InputError } from '../../../utils/errors';
import { cacheKey } from '../../../utils/tokenCache';
import type { RequestDescription } from '../../../utils/oauth/description';
import { requestClientCredentialsToken } from '../../../utils/oauth/token';
import { cacheKeyParts, describeFlowRequest, toFlowError, toTokenRecord, type FlowCredentials } from '../model/flowRequest';
import type { AttemptView, FlowForm, TokenRun } from '../model/flowTypes';
import { describeWorkerTokenFailure } from '../../../services/pingone/diagnostics';

export const IDLE_RUN: TokenRun = Object.freeze({ status: 'idle', attempts: [], requestedScopes: [] }) as TokenRun;

export interface TokenRunDeps {
  auth: Pick<NewAuthContextValue, 'saveToken' | 'setTokenSource' | 'history' | 'logger'>;
  clock: Clock;
  fetch?: typeof fetch | undefined;
  /** Called with the description actually sent, so the Request step shows it. */
  onDescribed?: (description: RequestDescription) => void;
}

export interface TokenRunState {
  run: TokenRun;
  /** Sends the request for this form; resolves when the run has settled (never rejects). */
  getToken(form: FlowForm, creds: FlowCredentials): Promise<TokenRun>;
  reset(): void;
}

export function useTokenRun(deps: TokenRunDeps): TokenRunState {
  const [run, setRun] = useState<TokenRun>(IDLE_RUN);
  const inflight = useRef<AbortController | null>(null);

  async function getToken(form: FlowForm, creds: FlowCredentials): Promise<TokenRun> {
    const { auth, clock } = deps;
    inflight.current?.abort();
    const abort = new AbortController();
    inflight.current = abort;
    const startedAt = clock.now();
    const requestedScopes = [...form.scopes];
    const base: TokenRun = { status: 'running', attempts: [], startedAt, requestedScopes };
    setRun(base);
    const send = (description: RequestDescription, signal: AbortSignal, onAttempt?: Parameters<typeof requestClientCredentialsToken>[0]['onAttempt']) =>
      requestClientCredentialsToken({
        description, signal, logger: auth.logger, clock, ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(onAttempt ? { onAttempt } : {}),
      });
    const attempts: AttemptView[] = [];
    let settled: TokenRun;
    try {
      // A fresh description: JWT methods sign a new assertion here (new jti), never reusing the preview's.
      const description = await describeFlowRequest(form, creds, clock);
      deps.onDescribed?.(description);
      const t0 = performance.now();
      const response = await send(description, abort.signal, (info) => {
        attempts.push({ ...info });
        if (inflight.current === abort) setRun((r) => ({ ...r, attempts: [...attempts] }));
      });
      const fetchDurationMs = performance.now() - t0;
      const record = toTokenRecord(response, clock.now());
      const parts = cacheKeyParts(form);
      // Proactive refresh re-runs this same request (with a new assertion) for this key only.
      const snapshot = { form, creds };
      auth.setTokenSource({
        authMethod: form.authMethod,
        proactiveRefreshSeconds: form.proactiveRefreshSeconds,
        ...(form.issuer ? { issuer: form.issuer } : {}),
        async fetch(asked, signal) {
          if (cacheKey(asked) !== cacheKey(parts)) {
            throw new InputError('tokenSource', 'The flow only knows how to fetch the token it was configured for; get that one in the flow first.');
          }
          const next = await describeFlowRequest(snapshot.form, snapshot.creds, clock);
          return toTokenRecord(await send(next, signal ?? new AbortController().signal), clock.now());
        },
      });
      // After the source, so the cache schedules this token's refresh with the form's refresh window.
      await auth.saveToken(record, { ...parts, scope: [...parts.scope], authMethod: form.authMethod, ...(form.issuer ? { issuer: form.issuer } : {}) });
      settled = { status: 'success', attempts, startedAt, fetchDurationMs, requestedScopes, response, record };
    } catch (error) {
      const flowError = toFlowError(error);
      if (form.provider === 'pingone' || form.provider === 'sandbox') {
        // Seed 000 §4: a failed worker token names the status, the body (no secrets) and the scopes it asked for.
        const failure = describeWorkerTokenFailure(error, requestedScopes.join(' '));
        auth.logger.child('pingone').error(failure.message, failure);
      }
      auth.history.add({
        fingerprint: '', clientId: form.clientId, authMethod: form.authMethod, scope: requestedScopes.join(' '),
        expAt: 0, obtainedAt: clock.now(), status: 'error', errorCode: flowError.error ?? flowError.code,
      });
      settled = { status: 'error', attempts, startedAt, requestedScopes, error: flowError };
    }
    if (inflight.current !== abort) return settled; // superseded by a newer click
    inflight.current = null;
    setRun(settled);
    return settled;
  }

  return {
    run,
    getToken,
    reset: () => {
      inflight.current?.abort();
      inflight.current = null;
      setRun(IDLE_RUN);
    },
  };
}
