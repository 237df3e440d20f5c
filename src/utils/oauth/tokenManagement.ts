// Introspecting and revoking a token: describe each attempt afresh, send, process, retry what is transient, log safely.
import { effects } from '../effects';
import { isPlaygroundError } from '../errors';
import { authMethodOf, type RequestDescription } from './description';
import { failureCode, pathOf } from './logFields';
import { INTROSPECTION_ENDPOINT_PEER, REVOCATION_ENDPOINT_PEER } from './peers';
import { processIntrospectionResponse, type IntrospectionResult } from './introspection';
import type { RelayRoute } from '../relay';
import { createAttemptStatus, withRetry, type AttemptInfo } from './retry';
import { processRevocationResponse } from './revocation';
import { sendTokenRequest } from './send';

export interface TokenManagementOptions {
  /** Builds attempt `n`'s request (a JWT client authentication signs a new assertion each time, RFC 7523 §3). */
  describe: (attempt: number) => Promise<RequestDescription>;
  /** The description each attempt sent, for the preview and the cURL / fetch snippets. */
  onDescribed?: (description: RequestDescription, attempt: number) => void;
  onAttempt?: (info: AttemptInfo) => void;
  random?: () => number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The token request's route: through the local relay when it goes there (CORS, mTLS). */
  relay?: RelayRoute | undefined;
}

async function run<T>(what: 'introspection' | 'revocation', opts: TokenManagementOptions, process: (r: Response) => Promise<T>): Promise<T> {
  const log = effects().logger.child(what === 'introspection' ? 'INTROSPECT' : 'REVOKE');
  const peer = what === 'introspection' ? INTROSPECTION_ENDPOINT_PEER : REVOCATION_ENDPOINT_PEER;
  const status = createAttemptStatus();
  const first = await opts.describe(1);
  log.info(`POST ${pathOf(first.url)} method=${authMethodOf(first)}`);
  try {
    return await withRetry(
      async (attempt) => {
        status.reset();
        const description = attempt === 1 ? first : await opts.describe(attempt);
        opts.onDescribed?.(description, attempt);
        const response = await sendTokenRequest(description, { timeoutMs: opts.timeoutMs, signal: opts.signal, relay: opts.relay, peer });
        status.note(response);
        return process(response);
      },
      { peer, random: opts.random, signal: opts.signal, onAttempt: (info) => opts.onAttempt?.(status.attach(info)) },
    );
  } catch (error) {
    const status = isPlaygroundError(error) ? error.status : undefined;
    log.error(`${what} failed code=${failureCode(error)} http=${status ?? '-'}`);
    throw error;
  }
}

/**
 * Introspects a token (RFC 7662 §2): retried on network errors, timeouts and 429/5xx like the token request.
 * Logs the endpoint path, the method and `active` — never the token or the claims.
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2
 */
export async function introspectToken(opts: TokenManagementOptions): Promise<IntrospectionResult> {
  const result = await run('introspection', opts, processIntrospectionResponse);
  effects().logger.child('INTROSPECT').info(`active=${String(result.active)}`);
  return result;
}

/**
 * Revokes a token (RFC 7009 §2); a 503 with Retry-After is retried after the wait it asks for (§2.2.1).
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2
 */
export async function revokeToken(opts: TokenManagementOptions): Promise<{ revoked: true }> {
  const result = await run('revocation', opts, processRevocationResponse);
  effects().logger.child('REVOKE').info('token revoked');
  return result;
}
