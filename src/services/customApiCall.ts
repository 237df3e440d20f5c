// A bearer-token call to any URL (step 4 for a custom provider), recorded as the exchange the UI shows.
import { effects } from '../utils/effects';
import { InputError, isPlaygroundError } from '../utils/errors';
import { fetchWithTimeout } from '../utils/http';
import { maskAuthorization, maskedSnippet } from '../utils/mask';
import { readTextCapped } from '../utils/secureJson';
import { validateEndpointUrl } from '../utils/urlValidation';
import type { ApiExchange } from './apiExchange';

export const CUSTOM_CALL_METHODS = ['GET', 'POST'] as const;
export type CustomCallMethod = (typeof CUSTOM_CALL_METHODS)[number];
/** Longest request or response text kept on screen. */
export const CUSTOM_SNIPPET_LENGTH = 4000;

export interface BearerRequest {
  method: CustomCallMethod;
  url: string;
  /** JSON text for POST; validated before sending. */
  body?: string;
  accessToken: string;
  /** `bearer` (default); the header uses the RFC 6750 capitalisation. */
  tokenType?: string;
  timeoutMs?: number;
}

/**
 * Checks the URL and JSON body. @throws InputError (`url` or `body`) before anything is sent
 */
export function checkBearerRequest(method: CustomCallMethod, url: string, body: string | undefined): { url: URL; body?: string } {
  const parsed = validateEndpointUrl(url, 'url');
  if (method === 'GET' || body === undefined || body.trim() === '') return { url: parsed };
  try {
    JSON.parse(body);
  } catch (cause) {
    throw new InputError('body', 'The body must be valid JSON (or empty).', cause);
  }
  return { url: parsed, body };
}

/**
 * Sends one request with `Authorization: Bearer …` and returns the exchange as step 4 shows it (Authorization
 * masked, body snippet masked). HTTP errors are results, not exceptions; no response gives status 0 and `error`.
 * @throws InputError for a bad URL or body (nothing sent)
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export async function sendBearerRequest(req: BearerRequest): Promise<ApiExchange> {
  const checked = checkBearerRequest(req.method, req.url, req.body);
  const { clock } = effects();
  const scheme = (req.tokenType ?? 'bearer').toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer';
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `${scheme} ${req.accessToken}` };
  if (checked.body !== undefined) headers['Content-Type'] = 'application/json';
  const shown: ApiExchange = {
    method: req.method,
    url: checked.url.href,
    requestHeaders: { ...headers, Authorization: maskAuthorization(headers.Authorization as string) },
    // Cut like the response: the view masks and lays out what it is given, and a 1 MB body froze it (issue 19).
    requestBody: checked.body === undefined ? undefined : maskedSnippet(checked.body, { max: CUSTOM_SNIPPET_LENGTH, personalData: false }),
    status: 0,
    responseBody: '',
    durationMs: 0,
    attempt: 1,
  };
  const started = clock.now();
  try {
    const response = await fetchWithTimeout(
      checked.url.href,
      { method: req.method, headers, body: checked.body, credentials: 'omit' },
      { timeoutMs: req.timeoutMs, peer: 'the API' },
    );
    const read = await readTextCapped(response);
    const text = read.ok ? read.text : '(the response body is too large to show)';
    // Mask before cutting: a secret straddling the cut would otherwise escape the mask.
    const responseBody = maskedSnippet(text, { max: CUSTOM_SNIPPET_LENGTH, personalData: false });
    return { ...shown, status: response.status, responseBody, durationMs: clock.now() - started };
  } catch (error) {
    const timedOut = isPlaygroundError(error) && error.code === 'TIMEOUT';
    return {
      ...shown,
      durationMs: clock.now() - started,
      error: timedOut
        ? 'No answer within the time limit.'
        : 'No response: a network error, or the browser blocked it (CORS — the API must allow this origin).',
    };
  }
}
