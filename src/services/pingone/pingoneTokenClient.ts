// PingOneTokenClient: the one way the app calls the PingOne Platform API, always with the cached worker token.
import { validateEnvironmentId } from '../../config/pingone';
import { InputError } from '../../utils/errors';
import { effects } from '../../utils/effects';
import { grantedScopeOf } from '../../utils/grantedScope';
import { diagnoseNetworkFailure } from '../../utils/reachability';
import type { RelayRoute } from '../../utils/relay';
import { withRetry, type AttemptInfo } from '../../utils/oauth/retry';
import { validateEndpointUrl } from '../../utils/urlValidation';
import { PingOneApiError } from './apiError';
import { createDeviceMethods, type PingOneDeviceMethods } from './devices';
import { attemptPlatformCall, DEFAULT_PINGONE_TIMEOUT_MS, type ResourceDpop } from './transport';
import type { ApiExchange, PlatformRequest, PlatformRequestOptions } from './types';
import { createUserMethods, type PingOneUserMethods } from './users';

/** What `getToken` hands back: the worker access token (and its granted scope, when the cache knows it). */
export interface WorkerToken {
  accessToken: string;
  scope?: string;
  /** A DPoP-bound token (RFC 9449): every call sends `Authorization: DPoP` and a fresh proof with `ath`. */
  dpop?: ResourceDpop | undefined;
}

export interface PingOneTokenClientOptions {
  /** The Platform API base with `/v1`: `https://api.pingone.com/v1`, or the sandbox `http://localhost:4500/v1`. */
  apiBase: string;
  environmentId: string;
  /**
   * The worker token, from the TokenCache (requested with `workerScopeString()`). `forceRefresh` means the
   * cached token was rejected (401): invalidate it and fetch a new one.
   */
  getToken: (opts?: { forceRefresh?: boolean }) => Promise<WorkerToken>;
  /** [0, 1), for retry jitter. */
  random?: () => number;
  /** Every HTTP exchange (each attempt), for step 4's request/response view. */
  onExchange?: (exchange: ApiExchange) => void;
  /** Retry attempts, for the attempts timeline. */
  onAttempt?: (info: AttemptInfo) => void;
  timeoutMs?: number;
  /** Retries after the first attempt on 429/5xx/network (default 3, the product maximum). */
  maxRetries?: number;
  /** Send through the local relay (CORS; mTLS with the certificate a bound token needs, RFC 8705 §3). */
  relay?: RelayRoute | undefined;
}

export interface PingOneTokenClient extends PingOneDeviceMethods, PingOneUserMethods {
  /** `path` is relative to `{apiBase}/environments/{environmentId}` and starts with `/` (e.g. `/users`). */
  request: PlatformRequest;
}

/** `{apiBase}/environments/{envId}`: https (or http to loopback) only, and a UUID environment ID. */
function environmentBase(apiBase: string, environmentId: string): string {
  const url = validateEndpointUrl(apiBase, 'apiBase');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/environments/${validateEnvironmentId(environmentId)}`;
}

/**
 * Creates the PingOne Platform API client: every MFA device call uses the same cached worker token.
 * Retries 429/5xx/network errors with backoff and jitter, honouring Retry-After (≤ 3 retries, never other 4xx);
 * on 401 refreshes the token once and retries once; on 403 throws a {@link PingOneApiError} with a diagnostic.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export function createPingOneTokenClient(options: PingOneTokenClientOptions): PingOneTokenClient {
  const base = environmentBase(options.apiBase, options.environmentId);
  const timeoutMs = options.timeoutMs ?? DEFAULT_PINGONE_TIMEOUT_MS;

  const request: PlatformRequest = async <T>(method: string, path: string, opts: PlatformRequestOptions = {}) => {
    if (!path.startsWith('/') || path.includes('..')) throw new InputError('path', 'The API path must start with "/".');
    const verb = method.toUpperCase();
    const logger = effects().logger.child('pingone');
    const url = `${base}${path}`;
    let attempt = 0;
    for (let refreshed = false; ; refreshed = true) {
      const token = await options.getToken(refreshed ? { forceRefresh: true } : undefined);
      const grantedScopes = grantedScopeOf(token);
      try {
        const result = await withRetry(
          () =>
            attemptPlatformCall(
              {
                method: verb,
                url,
                path,
                accessToken: token.accessToken,
                dpop: token.dpop,
                grantedScopes,
                body: opts.body,
                contentType: opts.contentType,
                attempt: ++attempt,
              },
              { logger, timeoutMs, signal: opts.signal, onExchange: options.onExchange, relay: options.relay },
            ),
          {
            peer: 'the PingOne API',
            random: options.random,
            maxRetries: Math.min(options.maxRetries ?? 3, 3),
            onAttempt: options.onAttempt,
            signal: opts.signal,
          },
        );
        return result as T;
      } catch (error) {
        // An expired or revoked token: refresh once. A second 401 is real and goes to the caller.
        if (!refreshed && error instanceof PingOneApiError && error.status === 401) {
          logger.info(`${verb} ${path} → 401; refreshing the worker token and retrying once`);
          continue;
        }
        // After the retries: blocked by CORS, or nothing there? (Through the relay there is no CORS to ask about.)
        throw options.relay ? error : await diagnoseNetworkFailure(error, url, 'the PingOne API');
      }
    }
  };

  return { request, ...createDeviceMethods(request), ...createUserMethods(request) };
}
