// One Platform API attempt: fetch with a timeout, masked exchange record and log line, typed errors.
import { DEFAULT_TIMEOUT_MS } from '../../config/defaults';
import { effects } from '../../utils/effects';
import { PlaygroundError } from '../../utils/errors';
import { bodySnippet, maskAuthorization, maskKnownValues, maskSensitiveText } from '../../utils/mask';
import { parseRetryAfter } from '../../utils/oauth/retry';
import { parseJsonSafely } from '../../utils/secureJson';
import { reportExchange, sendResourceExchange, type ExchangeDeps, type ExchangeRequest, type ResourceDpop } from '../apiExchange';
import { asPingOneErrorBody, PingOneApiError } from './apiError';
import { diagnoseForbidden } from './diagnostics';

export const DEFAULT_PINGONE_TIMEOUT_MS = DEFAULT_TIMEOUT_MS;
/** Longest response text kept for step 4's request/response view. */
export const EXCHANGE_BODY_LENGTH = 4000;

export interface AttemptRequest {
  method: string;
  url: string;
  /** The path relative to the environment, for log lines. */
  path: string;
  accessToken: string;
  /** A DPoP-bound token: sent with the DPoP scheme and a proof per request. */
  dpop?: ResourceDpop | undefined;
  /** Granted scopes of the token, when known (for 403 diagnostics). */
  grantedScopes?: string;
  body?: unknown;
  contentType?: string;
  attempt: number;
}

export type AttemptDeps = ExchangeDeps;

export type { ResourceDpop } from '../apiExchange';

/** The secret values a request body carries (the OTP of an activation), to scrub from the response. */
function secretValues(body: unknown): string[] {
  const otp = (body as { otp?: unknown } | undefined)?.otp;
  return typeof otp === 'string' ? [otp] : [];
}

/**
 * Sends one request and returns the parsed JSON body (undefined for an empty body).
 * @throws PingOneApiError for any non-2xx; PlaygroundError NETWORK / TIMEOUT / ABORTED / INVALID_RESPONSE
 */
export async function attemptPlatformCall(req: AttemptRequest, deps: AttemptDeps): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${req.accessToken}` };
  const bodyText = req.body === undefined ? undefined : JSON.stringify(req.body);
  if (bodyText !== undefined) headers['Content-Type'] = req.contentType ?? 'application/json';
  const shownHeaders = { ...headers, Authorization: maskAuthorization(headers.Authorization as string) };
  // The user's own view keeps phone/email; OTPs, TOTP secrets and pairing keys are masked everywhere.
  const requestBody = bodyText === undefined ? undefined : maskSensitiveText(bodyText, { personalData: false });
  const logPath = maskSensitiveText(req.path);
  const request: ExchangeRequest = { method: req.method, url: req.url, requestHeaders: shownHeaders, requestBody, attempt: req.attempt };
  if (bodyText !== undefined) deps.logger.debug(`${req.method} ${logPath} body`, { body: maskSensitiveText(bodyText) });

  const sent = await sendResourceExchange(request, { headers, body: bodyText }, deps, { peer: 'the PingOne API', label: 'PingOne', logPath }, req);
  const { response, durationMs } = sent;
  // A server may echo what it was sent (an OTP in an error message): scrub the request's secrets from the reply.
  const text = maskKnownValues(sent.text, secretValues(req.body));
  const status = response.status;
  const parsed = text.length > 0 ? parseJsonSafely(text) : undefined;
  reportExchange(deps, { ...sent.request, status, responseBody: bodySnippet(text, { max: EXCHANGE_BODY_LENGTH, personalData: false }), durationMs });
  const line = { method: req.method, path: logPath, status, durationMs, attempt: req.attempt };
  if (status >= 200 && status < 300) {
    deps.logger.info(`${req.method} ${logPath} → ${status} (${durationMs} ms)`, line);
    if (parsed === undefined) return undefined;
    if (!parsed.ok) throw new PlaygroundError('INVALID_RESPONSE', 'PingOne answered with a body that is not JSON.', { status });
    return parsed.value;
  }

  const errorBody = parsed?.ok ? asPingOneErrorBody(parsed.value) : undefined;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), effects().clock.now());
  const diagnostic =
    status === 403
      ? diagnoseForbidden({
          method: req.method,
          endpoint: req.url,
          status,
          bodyText: text,
          body: errorBody,
          contentType: req.contentType || undefined,
          grantedScopes: req.grantedScopes,
        })
      : undefined;
  const error = new PingOneApiError({
    status,
    method: req.method,
    endpoint: req.url,
    body: errorBody,
    bodySnippet: bodySnippet(text),
    retryAfterMs,
    diagnostic,
  });
  if (diagnostic) deps.logger.error(`${req.method} ${logPath} → 403 forbidden. ${diagnostic.hint}`, { ...line, diagnostic });
  else deps.logger.warn(`${req.method} ${logPath} → ${status} ${error.pingoneCode ?? ''} (${durationMs} ms)`, {
    ...line, pingoneCode: error.pingoneCode, bodySnippet: error.bodySnippet,
  });
  throw error;
}
