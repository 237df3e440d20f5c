// Getting a token: send the described request, process the response, retry what is transient, log safely.
import type { TokenResponse } from '../../types/token';
import { systemClock, type Clock } from '../clock';
import { isPlaygroundError, OAuthResponseError } from '../errors';
import { noopLogger, type Logger } from '../logger';
import { authMethodOf, type RequestDescription } from './description';
import { computeAbsoluteExpiry } from './expiry';
import { processTokenResponse } from './response';
import { withRetry, type AttemptInfo } from './retry';
import { sendTokenRequest } from './send';

export interface RequestClientCredentialsTokenOptions {
  description: RequestDescription;
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
  /** per attempt; default 15 000 ms */
  timeoutMs?: number;
  retry?: { maxRetries?: number; baseDelayMs?: number; maxDelayMs?: number };
  onAttempt?: (info: AttemptInfo) => void;
  signal?: AbortSignal;
  logger?: Logger;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '(invalid url)';
  }
}

/**
 * Sends a described client_credentials request, validates the response and retries transient failures
 * (network, timeout, 429/500/502/503/504, honouring Retry-After). Non-retryable failures (every other 4xx,
 * `invalid_client`, invalid responses) are thrown at once; after the last retry the last error is thrown as is.
 * Logs to module `CC` only the method, endpoint path, status, codes and expiry — never tokens or credentials.
 * @throws PlaygroundError / OAuthResponseError
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export async function requestClientCredentialsToken(opts: RequestClientCredentialsTokenOptions): Promise<TokenResponse> {
  const clock = opts.clock ?? systemClock;
  const log = (opts.logger ?? noopLogger).child('CC');
  const { description } = opts;
  const path = pathOf(description.url);
  let lastStatus: number | undefined;

  log.info(`POST ${path} method=${authMethodOf(description)}`);
  try {
    const token = await withRetry(
      async () => {
        lastStatus = undefined;
        const response = await sendTokenRequest(description, {
          fetch: opts.fetch,
          timeoutMs: opts.timeoutMs,
          signal: opts.signal,
          clock,
        });
        lastStatus = response.status;
        return processTokenResponse(response, { clock });
      },
      {
        clock,
        random: opts.random,
        maxRetries: opts.retry?.maxRetries,
        baseDelayMs: opts.retry?.baseDelayMs,
        maxDelayMs: opts.retry?.maxDelayMs,
        signal: opts.signal,
        onAttempt: (info) => {
          const withStatus = info.status === undefined && lastStatus !== undefined ? { ...info, status: lastStatus } : info;
          if (info.outcome === 'retry') {
            log.warn(
              `attempt ${info.attempt} failed code=${info.code ?? 'unknown'} http=${withStatus.status ?? '-'}; retrying in ${info.delayMs}ms`,
            );
          }
          opts.onAttempt?.(withStatus);
        },
      },
    );
    const exp = token.expires_in === undefined ? 'unknown' : new Date(computeAbsoluteExpiry(token.expires_in, clock.now())).toISOString();
    log.info(`token acquired exp=${exp} token_type=${token.token_type}`);
    return token;
  } catch (error) {
    // The OAuth `error` comes from the server: keep it to a short printable token in the log line.
    const code =
      error instanceof OAuthResponseError
        ? error.error.replace(/[^\x21-\x7E]/g, '?').slice(0, 64)
        : isPlaygroundError(error)
          ? error.code
          : 'UNEXPECTED';
    const status = isPlaygroundError(error) ? error.status : undefined;
    log.error(`token request failed code=${code} http=${status ?? '-'}`);
    throw error;
  }
}
