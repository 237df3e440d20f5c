// Step 4 for a custom provider: an editable GET/POST to any URL with the bearer token, showing status and body.
import { useId, useState, type FormEvent } from 'react';
import type { ApiExchange } from '../services/pingone/types';
import { systemClock, type Clock } from '../utils/clock';
import { InputError } from '../utils/errors';
import { maskAuthorization, maskedSnippet, maskSensitiveText } from '../utils/mask';
import { readTextCapped } from '../utils/secureJson';
import { validateEndpointUrl } from '../utils/urlValidation';
import { ApiExchangeView } from './ApiExchangeView';
import { FieldError } from './FieldError';
import { Spinner } from './Spinner';
import { FormField } from './mfa/FormField';
import './apiPanels.css';

export const CUSTOM_CALL_METHODS = ['GET', 'POST'] as const;
export type CustomCallMethod = (typeof CUSTOM_CALL_METHODS)[number];
/** Longest response text kept on screen. */
export const CUSTOM_SNIPPET_LENGTH = 4000;
export const CUSTOM_TIMEOUT_MS = 15_000;

export interface BearerRequest {
  method: CustomCallMethod;
  url: string;
  /** JSON text for POST; validated before sending. */
  body?: string;
  accessToken: string;
  /** `bearer` (default); the header uses the RFC 6750 capitalisation. */
  tokenType?: string;
  fetch?: typeof fetch;
  clock?: Clock;
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
  const clock = req.clock ?? systemClock;
  const doFetch = req.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const scheme = (req.tokenType ?? 'bearer').toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer';
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `${scheme} ${req.accessToken}` };
  if (checked.body !== undefined) headers['Content-Type'] = 'application/json';
  const shown: ApiExchange = {
    method: req.method,
    url: checked.url.href,
    requestHeaders: { ...headers, Authorization: maskAuthorization(headers.Authorization as string) },
    ...(checked.body !== undefined ? { requestBody: maskSensitiveText(checked.body, { personalData: false }) } : {}),
    status: 0,
    responseBody: '',
    durationMs: 0,
    attempt: 1,
  };
  const controller = new AbortController();
  const timer = clock.setTimeout(() => controller.abort(), req.timeoutMs ?? CUSTOM_TIMEOUT_MS);
  const started = clock.now();
  try {
    const response = await doFetch(checked.url.href, {
      method: req.method,
      headers,
      ...(checked.body !== undefined ? { body: checked.body } : {}),
      credentials: 'omit',
      signal: controller.signal,
    });
    const read = await readTextCapped(response);
    const text = read.ok ? read.text : '(the response body is too large to show)';
    // Mask before cutting: a secret straddling the cut would otherwise escape the mask.
    const responseBody = maskedSnippet(text, { max: CUSTOM_SNIPPET_LENGTH, personalData: false });
    return { ...shown, status: response.status, responseBody, durationMs: clock.now() - started };
  } catch {
    const timedOut = controller.signal.aborted;
    return {
      ...shown,
      durationMs: clock.now() - started,
      error: timedOut
        ? 'No answer within the time limit.'
        : 'No response: a network error, or the browser blocked it (CORS — the API must allow this origin).',
    };
  } finally {
    clock.clearTimeout(timer);
  }
}

export interface CustomApiCallProps {
  accessToken: string;
  tokenType?: string;
  /** Pre-filled URL, e.g. the configured audience. */
  defaultUrl?: string;
  fetch?: typeof fetch;
  /** Receives each exchange (for a shared log). */
  onExchange?: (exchange: ApiExchange) => void;
}

/** The form. The token goes only into the Authorization header of the request the user sends. */
export function CustomApiCall({ accessToken, tokenType, defaultUrl = '', fetch: fetchImpl, onExchange }: CustomApiCallProps) {
  const methodId = useId();
  const bodyId = useId();
  const [method, setMethod] = useState<CustomCallMethod>('GET');
  const [url, setUrl] = useState(defaultUrl);
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<{ url?: string; body?: string }>({});
  const [busy, setBusy] = useState(false);
  const [exchange, setExchange] = useState<ApiExchange | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setBusy(true);
    try {
      const result = await sendBearerRequest({
        method,
        url,
        accessToken,
        ...(method === 'POST' ? { body } : {}),
        ...(tokenType ? { tokenType } : {}),
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      });
      setExchange(result);
      onExchange?.(result);
    } catch (error) {
      // Only input problems throw (nothing was sent): put them next to the field they name.
      const field = error instanceof InputError && error.field === 'body' ? 'body' : 'url';
      setErrors({ [field]: error instanceof Error ? error.message : 'The request could not be sent.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="custom-call">
      <form className="mfa-panel" aria-label="Call an API with the token" onSubmit={submit} noValidate>
        <h3 className="api-heading">🚀 Call your API with the token</h3>
        <p className="api-muted">
          The access token goes in the Authorization header. The API must allow this page’s origin (CORS).
        </p>
        <div className="form-field">
          <label htmlFor={methodId} className="form-field__label">
            Method
          </label>
          <select id={methodId} className="input" value={method} onChange={(e) => setMethod(e.target.value as CustomCallMethod)}>
            {CUSTOM_CALL_METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </div>
        <FormField label="URL" type="url" value={url} onChange={setUrl} error={errors.url} spellCheck={false} placeholder="https://api.example.com/resource" />
        {method === 'POST' && (
          <div className="form-field">
            <label htmlFor={bodyId} className="form-field__label">
              Request body (JSON)
            </label>
            <textarea
              id={bodyId}
              className="input api-textarea"
              rows={5}
              value={body}
              spellCheck={false}
              onChange={(e) => setBody(e.target.value)}
              aria-invalid={errors.body ? true : undefined}
              aria-describedby={errors.body ? `${bodyId}-error` : undefined}
            />
            <FieldError id={`${bodyId}-error`} message={errors.body} />
          </div>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy && <Spinner />}
          Send request
        </button>
      </form>
      {exchange && <ApiExchangeView exchange={exchange} />}
    </div>
  );
}
