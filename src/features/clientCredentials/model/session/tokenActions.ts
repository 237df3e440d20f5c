// `Get token` in the session: always a new request (never the cache), attempts as they happen, cancellable; then
// storage + cache + history, the provider the token came from, and step 4's worker token from the cache.
import { PROVIDERS } from '../../../../config/providers';
import type { TokenSource } from '../../../../contexts/authStores';
import { describeWorkerTokenFailure } from '../../../../services/pingone/diagnostics';
import type { WorkerToken } from '../../../../services/pingone/pingoneTokenClient';
import { effects } from '../../../../utils/effects';
import { explainableErrorOf } from '../../../../utils/errorExplain';
import { InputError } from '../../../../utils/errors';
import type { RequestDescription } from '../../../../utils/oauth/description';
import { sendDpopTokenRequest } from '../../../../utils/oauth/dpopRequest';
import type { AttemptInfo } from '../../../../utils/oauth/retry';
import { requestClientCredentialsToken, type RequestClientCredentialsTokenOptions } from '../../../../utils/oauth/token';
import { keyValueOf } from '../../../../utils/tokenCacheKey';
import { formFieldOf, type FormField } from '../flowFormSchema';
import { cacheKeyParts, describeFlowRequest, flowCacheKey, flowRoute, type FlowCredentials } from '../flowRequest';
import type { AttemptView, FlowForm, TokenRun } from '../flowTypes';
import { identityOfForm } from '../providerPresets';
import { withFieldError, type FormActions } from './formActions';
import type { PreviewActions } from './previewActions';
import { credentialsOf, type SessionContext } from './sessionContext';

export interface TokenActions {
  /** Validates everything (submit); returns the first invalid field (step 1 is shown; the page focuses it). */
  checkConfiguration(): FormField | undefined;
  /** Sends the request for the current form; resolves when the run has settled (never rejects). */
  getToken(): Promise<TokenRun>;
  /** Cancels the request in flight (its attempts and waits); the run ends as cancelled. */
  cancelToken(): void;
  /** The worker token for step 4 from the app's TokenCache (never a new request unless missing or forced). */
  getWorkerToken(opts?: { forceRefresh?: boolean }): Promise<WorkerToken>;
}

type Hooks = { onDescribed?: (d: RequestDescription) => void; onAttempt?: (info: AttemptInfo) => void };

export function tokenActions(ctx: SessionContext, form: Pick<FormActions, 'validateAll' | 'setActiveIndex'>, preview: Pick<PreviewActions, 'show'>): TokenActions {
  const { stores } = ctx;
  let inflight: AbortController | null = null;

  /**
   * With `Bind the token with DPoP`: every send carries a fresh proof from the app's DPoP key, and a server's
   * `use_dpop_nonce` is answered once with its nonce (RFC 9449 §5, §8).
   */
  async function dpopSend(f: FlowForm): Promise<RequestClientCredentialsTokenOptions['send']> {
    if (!f.dpop) return undefined;
    const binding = await stores.dpop.binding();
    return (description, opts) => sendDpopTokenRequest(description, { ...opts, ...binding });
  }

  /** One token request for the form: every attempt describes the request anew, so JWT methods sign a new jti. */
  async function requestFor(f: FlowForm, creds: FlowCredentials, signal: AbortSignal | undefined, hooks: Hooks) {
    return requestClientCredentialsToken({
      describe: () => describeFlowRequest(f, creds),
      send: await dpopSend(f),
      // Through the local relay when the box is ticked or the method is mTLS; the description itself stays direct.
      relay: flowRoute(f, creds),
      onDescribed: hooks.onDescribed,
      onAttempt: hooks.onAttempt,
      signal,
    });
  }

  /** Proactive refresh re-runs this same request (with a new assertion) for this key only. */
  function tokenSourceFor(f: FlowForm, creds: FlowCredentials): TokenSource {
    const key = flowCacheKey(f, stores.dpop.jkt());
    return {
      authMethod: f.authMethod,
      proactiveRefreshSeconds: f.proactiveRefreshSeconds,
      issuer: f.issuer || undefined,
      async fetch(asked, signal) {
        if (keyValueOf(asked) !== key.value) {
          throw new InputError('tokenSource', 'The flow only knows how to fetch the token it was configured for; get that one in the flow first.');
        }
        return (await requestFor(f, creds, signal, {})).record;
      },
    };
  }

  /** A failed worker token names the status, the body (no secrets) and the scopes it asked for. */
  function logWorkerTokenFailure(f: FlowForm, error: unknown, requestedScopes: readonly string[]): void {
    if (!PROVIDERS[f.provider].tokenChecks.pingOneWorkerFailure) return;
    const failure = describeWorkerTokenFailure(error, requestedScopes.join(' '));
    effects().logger.child('pingone').error(failure.message, failure);
  }

  async function run(f: FlowForm, creds: FlowCredentials): Promise<TokenRun> {
    inflight?.abort();
    const abort = new AbortController();
    inflight = abort;
    const current = () => inflight === abort;
    const startedAt = effects().clock.now();
    const requestedScopes = [...f.scopes];
    const assertionAudience = f.assertionAudience;
    ctx.set('run', { status: 'running', attempts: [], startedAt, requestedScopes, assertionAudience });
    const attempts: AttemptView[] = [];
    // The DPoP key's thumbprint is part of the cache key, so it is known before the key parts are taken.
    if (f.dpop) await stores.dpop.binding().catch(() => undefined);
    const parts = cacheKeyParts(f, stores.dpop.jkt());
    const meta = { ...parts, scope: [...parts.scope], authMethod: f.authMethod, issuer: f.issuer || undefined };
    let sent: RequestDescription | undefined;
    let settled: TokenRun;
    try {
      const t0 = performance.now();
      const { response, record } = await requestFor(f, creds, abort.signal, {
        onDescribed: (description) => (sent = description),
        onAttempt: (info) => {
          attempts.push({ ...info });
          // Only a retry is shown while running; the last attempt arrives with the settled run, in the same render.
          if (info.outcome === 'retry' && current()) ctx.set('run', (r) => ({ ...r, attempts: [...attempts] }));
        },
      });
      settled = { status: 'success', attempts, startedAt, fetchDurationMs: performance.now() - t0, requestedScopes, assertionAudience, response, record };
      // The source first, so the cache schedules this token's refresh with the form's refresh window. The run, the
      // cache and the identity change in one synchronous block: React renders them together, once.
      stores.setTokenSource(tokenSourceFor(f, creds));
      if (current()) ctx.set('run', settled);
      const saved = stores.saveToken(record, meta);
      stores.identity.tokenObtained(flowCacheKey(f, stores.dpop.jkt()).value, identityOfForm(f));
      if (sent && current()) preview.show(sent);
      await saved;
    } catch (error) {
      const flowError = explainableErrorOf(error);
      logWorkerTokenFailure(f, error, requestedScopes);
      stores.recordFailure(meta, flowError.error ?? flowError.code);
      settled = { status: 'error', attempts, startedAt, requestedScopes, assertionAudience, error: flowError };
      if (current()) {
        ctx.set('run', settled);
        if (sent) preview.show(sent);
        const field = formFieldOf(flowError.field);
        if (field) ctx.set('errors', (errors) => withFieldError(errors, field, flowError.message));
      }
    }
    if (current()) inflight = null; // else superseded by a newer click
    return settled;
  }

  function checkConfiguration(): FormField | undefined {
    const first = (Object.keys(form.validateAll()) as FormField[])[0];
    if (first) form.setActiveIndex(0);
    return first;
  }

  return {
    checkConfiguration,
    async getToken() {
      if (checkConfiguration()) return ctx.get().run;
      const s = ctx.get();
      return run(s.form, credentialsOf(s, ctx));
    },
    cancelToken() {
      inflight?.abort(new DOMException('Cancelled by the user', 'AbortError'));
    },
    async getWorkerToken(opts) {
      const { form: f } = ctx.get();
      const key = flowCacheKey(f, stores.dpop.jkt());
      if (opts?.forceRefresh) stores.cache.invalidate(key);
      const { accessToken } = await stores.cache.get(key);
      // A DPoP-bound token is sent with the app's DPoP key on every call (RFC 9449 §7.1).
      return f.dpop ? { accessToken, dpop: await stores.dpop.binding() } : { accessToken };
    },
  };
}
