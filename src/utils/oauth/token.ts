// Getting a token: describe each attempt afresh, send it, process the response, retry what is transient, log safely.
import type { TokenRecord, TokenResponse } from '../../types/token';
import { effects } from '../effects';
import { isPlaygroundError } from '../errors';
import { diagnoseNetworkFailure } from '../reachability';
import type { RelayRoute } from '../relay';
import { authMethodOf, type RequestDescription } from './description';
import { failureCode, pathOf } from './logFields';
import { processTokenResponse } from './response';
import { createAttemptStatus, withRetry, type AttemptInfo } from './retry';
import { TOKEN_ENDPOINT_PEER } from './peers';
import { sendTokenRequest, type SendTokenRequestOptions } from './send';
import { toTokenRecord } from './tokenRecord';

export interface RequestClientCredentialsTokenOptions {
  /**
   * Builds the request for attempt `n` (1-based). Called once per attempt, so a JWT client authentication
   * (private_key_jwt, client_secret_jwt) signs a fresh assertion with a new `jti` each time: a server refuses a
   * replayed assertion (RFC 7523 §3 item 7).
   */
  describe: (attempt: number) => Promise<RequestDescription>;
  /** The description actually sent by attempt `n`, for the request preview. */
  onDescribed?: (description: RequestDescription, attempt: number) => void;
  random?: () => number;
  /** per attempt; default 15 000 ms */
  timeoutMs?: number;
  retry?: { maxRetries?: number; baseDelayMs?: number; maxDelayMs?: number };
  onAttempt?: (info: AttemptInfo) => void;
  signal?: AbortSignal;
  /** Send every attempt through the local relay (CORS, mTLS client certificate). */
  relay?: RelayRoute | undefined;
  /**
   * Sends one attempt's description; default {@link sendTokenRequest}. A DPoP token request passes
   * `sendDpopTokenRequest` here (a fresh proof per send and the one nonce retry, RFC 9449 §8).
   */
  send?: (description: RequestDescription, opts: SendTokenRequestOptions) => Promise<Response>;
}

/** A token as the server sent it (validated) and as the playground keeps it (absolute expiry). */
export interface ClientCredentialsToken {
  response: TokenResponse;
  record: TokenRecord;
}

/** One attempt's description, timed as the `build` phase (a JWT method's `sign` happens inside it). */
async function describeTimed(describe: RequestClientCredentialsTokenOptions['describe'], attempt: number): Promise<RequestDescription> {
  const built = effects().timing.start('build');
  try {
    return await describe(attempt);
  } finally {
    built();
  }
}

/**
 * Sends a client_credentials request, validates the response and retries transient failures (network, timeout,
 * 429/500/502/503/504, honouring Retry-After), describing every attempt anew. Non-retryable failures (every other
 * 4xx, `invalid_client`, invalid responses, input errors) are thrown at once; after the last retry the last error
 * is thrown as is. Logs to module `CC` only the method, endpoint path, status, codes and expiry — never tokens or
 * credentials. Fetch, clock and logger come from {@link effects}.
 * @throws PlaygroundError / TokenEndpointError / OAuthResponseError
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 */
export async function requestClientCredentialsToken(opts: RequestClientCredentialsTokenOptions): Promise<ClientCredentialsToken> {
  const log = effects().logger.child('CC');
  const status = createAttemptStatus();
  // The first description is built before any attempt: bad input fails here, before a request or an attempt.
  const first = await describeTimed(opts.describe, 1);
  log.info(`POST ${pathOf(first.url)} method=${authMethodOf(first)}`);

  try {
    const token = await withRetry(
      async (attempt) => {
        status.reset();
        const description = attempt === 1 ? first : await describeTimed(opts.describe, attempt);
        opts.onDescribed?.(description, attempt);
        const response = await (opts.send ?? sendTokenRequest)(description, { timeoutMs: opts.timeoutMs, signal: opts.signal, relay: opts.relay });
        status.note(response);
        const validated = effects().timing.start('validate');
        try {
          const body = await processTokenResponse(response);
          return { response: body, record: toTokenRecord(body, effects().clock.now()) };
        } finally {
          validated();
        }
      },
      {
        peer: TOKEN_ENDPOINT_PEER,
        random: opts.random,
        maxRetries: opts.retry?.maxRetries,
        baseDelayMs: opts.retry?.baseDelayMs,
        maxDelayMs: opts.retry?.maxDelayMs,
        signal: opts.signal,
        onAttempt: (info) => {
          const withStatus = status.attach(info);
          if (info.outcome === 'retry') {
            log.warn(
              `attempt ${info.attempt} failed code=${info.code ?? 'unknown'} http=${withStatus.status ?? '-'}; retrying in ${info.delayMs}ms`,
            );
          }
          opts.onAttempt?.(withStatus);
        },
      },
    );
    const exp = token.response.expires_in === undefined ? 'unknown' : new Date(token.record.expAt).toISOString();
    log.info(`token acquired exp=${exp} token_type=${token.response.token_type}`);
    return token;
  } catch (caught) {
    // After the retries, a direct request that got no answer: blocked by CORS, or nothing there? (The relay has no CORS.)
    const error = opts.relay ? caught : await diagnoseNetworkFailure(caught, first.url, TOKEN_ENDPOINT_PEER);
    const status = isPlaygroundError(error) ? error.status : undefined;
    log.error(`token request failed code=${failureCode(error)} http=${status ?? '-'}`);
    throw error;
  }
}
