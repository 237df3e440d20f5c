// `Get token`: always a new request (never the cache), attempts as they happen, then storage + cache + history.
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { NewAuthContextValue } from '../../../contexts/NewAuthContext';
import { describeWorkerTokenFailure } from '../../../services/pingone/diagnostics';
import { effects } from '../../../utils/effects';
import { explainableErrorOf } from '../../../utils/errorExplain';
import { InputError } from '../../../utils/errors';
import type { RequestDescription } from '../../../utils/oauth/description';
import type { AttemptInfo } from '../../../utils/oauth/retry';
import { sendDpopTokenRequest } from '../../../utils/oauth/dpopRequest';
import { requestClientCredentialsToken, type RequestClientCredentialsTokenOptions } from '../../../utils/oauth/token';
import { dpopSession } from '../model/dpopSession';
import { PROVIDERS } from '../../../config/providers';
import { keyValueOf } from '../../../utils/tokenCacheKey';
import { cacheKeyParts, describeFlowRequest, flowCacheKey, flowRoute, type FlowCredentials } from '../model/flowRequest';
import type { AttemptView, FlowForm, TokenRun } from '../model/flowTypes';

export const IDLE_RUN: TokenRun = Object.freeze({ status: 'idle', attempts: [], requestedScopes: [] }) as TokenRun;

export interface TokenRunDeps {
  auth: Pick<NewAuthContextValue, 'saveToken' | 'setTokenSource' | 'recordFailure'>;
  /**
   * Called when the run settles with the description the last attempt sent, so the Request step shows it. Not
   * while the request is in flight: the step is not on screen then, and a render would compete with the response.
   */
  onDescribed?: (description: RequestDescription) => void;
}

export interface TokenRunState {
  run: TokenRun;
  /** Sends the request for this form; resolves when the run has settled (never rejects). */
  getToken(form: FlowForm, creds: FlowCredentials): Promise<TokenRun>;
  reset(): void;
}

/**
 * With `Bind the token with DPoP`: every send carries a fresh proof from this page's DPoP key, and a server's
 * `use_dpop_nonce` is answered once with its nonce (RFC 9449 §5, §8).
 */
async function dpopSend(form: FlowForm): Promise<RequestClientCredentialsTokenOptions['send']> {
  if (!form.dpop) return undefined;
  const binding = await dpopSession.binding();
  return (description, opts) => sendDpopTokenRequest(description, { ...opts, ...binding });
}

/** One token request for the form: every attempt describes the request anew, so JWT methods sign a new jti. */
async function requestFor(form: FlowForm, creds: FlowCredentials, signal: AbortSignal | undefined, hooks: { onDescribed?: (d: RequestDescription) => void; onAttempt?: (info: AttemptInfo) => void }) {
  return requestClientCredentialsToken({
    describe: () => describeFlowRequest(form, creds),
    send: await dpopSend(form),
    // Through the local relay when the box is ticked or the method is mTLS; the description itself stays direct.
    relay: flowRoute(form, creds),
    onDescribed: hooks.onDescribed,
    onAttempt: hooks.onAttempt,
    signal,
  });
}

/** Proactive refresh re-runs this same request (with a new assertion) for this key only. */
function tokenSourceFor(form: FlowForm, creds: FlowCredentials): Parameters<NewAuthContextValue['setTokenSource']>[0] {
  const key = flowCacheKey(form);
  return {
    authMethod: form.authMethod,
    proactiveRefreshSeconds: form.proactiveRefreshSeconds,
    issuer: form.issuer || undefined,
    async fetch(asked, signal) {
      if (keyValueOf(asked) !== key.value) {
        throw new InputError('tokenSource', 'The flow only knows how to fetch the token it was configured for; get that one in the flow first.');
      }
      const { record } = await requestFor(form, creds, signal, {});
      return record;
    },
  };
}

/** A failed worker token names the status, the body (no secrets) and the scopes it asked for. */
function logWorkerTokenFailure(form: FlowForm, error: unknown, requestedScopes: readonly string[]): void {
  if (!PROVIDERS[form.provider].tokenChecks.pingOneWorkerFailure) return;
  const failure = describeWorkerTokenFailure(error, requestedScopes.join(' '));
  effects().logger.child('pingone').error(failure.message, failure);
}

/**
 * Shows the token and caches it in one synchronous render: `saveToken` puts the token in the cache before its first
 * await, so the step and everything reading the cache (status bar, step 4) change in the same commit, right after
 * the response is validated, instead of a render for the cache and another for the step. Storage and history follow
 * without holding the token back.
 * @see https://react.dev/reference/react-dom/flushSync
 */
async function showAndSave(show: (() => void) | undefined, save: () => Promise<void>): Promise<void> {
  let saved: Promise<void> = Promise.resolve();
  flushSync(() => {
    show?.();
    saved = save();
  });
  await saved;
}

export function useTokenRun(deps: TokenRunDeps): TokenRunState {
  const [run, setRun] = useState<TokenRun>(IDLE_RUN);
  const inflight = useRef<AbortController | null>(null);

  async function getToken(form: FlowForm, creds: FlowCredentials): Promise<TokenRun> {
    const { auth } = deps;
    inflight.current?.abort();
    const abort = new AbortController();
    inflight.current = abort;
    const startedAt = effects().clock.now();
    const requestedScopes = [...form.scopes];
    setRun({ status: 'running', attempts: [], startedAt, requestedScopes });
    const attempts: AttemptView[] = [];
    // The DPoP key's thumbprint is part of the cache key, so it is known before the key parts are taken.
    if (form.dpop) await dpopSession.binding().catch(() => undefined);
    const parts = cacheKeyParts(form);
    const meta = { ...parts, scope: [...parts.scope], authMethod: form.authMethod, issuer: form.issuer || undefined };
    let settled: TokenRun;
    let sent: RequestDescription | undefined;
    const showSent = () => sent && deps.onDescribed?.(sent);
    try {
      const t0 = performance.now();
      const { response, record } = await requestFor(form, creds, abort.signal, {
        onDescribed: (description) => (sent = description),
        onAttempt: (info) => {
          attempts.push({ ...info });
          // Only a retry is shown while running; the last attempt arrives with the settled run, in the same render.
          if (info.outcome === 'retry' && inflight.current === abort) setRun((r) => ({ ...r, attempts: [...attempts] }));
        },
      });
      const fetchDurationMs = performance.now() - t0;
      auth.setTokenSource(tokenSourceFor(form, creds));
      const success: TokenRun = { status: 'success', attempts, startedAt, fetchDurationMs, requestedScopes, response, record };
      settled = success;
      // After the source, so the cache schedules this token's refresh with the form's refresh window.
      const show = () => {
        setRun(success);
        showSent();
      };
      await showAndSave(inflight.current === abort ? show : undefined, () => auth.saveToken(record, meta));
    } catch (error) {
      const flowError = explainableErrorOf(error);
      logWorkerTokenFailure(form, error, requestedScopes);
      auth.recordFailure(meta, flowError.error ?? flowError.code);
      settled = { status: 'error', attempts, startedAt, requestedScopes, error: flowError };
      if (inflight.current === abort) {
        setRun(settled);
        showSent();
      }
    }
    if (inflight.current === abort) inflight.current = null; // else superseded by a newer click
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
