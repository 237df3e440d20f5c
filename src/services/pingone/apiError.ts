// PingOneApiError: a non-2xx answer from the Platform API, carrying PingOne's code, message and details.
import { HttpResponseError } from '../../utils/errors';
import type { ForbiddenDiagnostic } from './diagnostics';
import type { PingOneErrorBody, PingOneErrorDetail } from './types';

export interface PingOneApiErrorInit {
  status: number;
  method: string;
  /** The URL called (ids only; no secrets are ever in PingOne URLs). */
  endpoint: string;
  body?: PingOneErrorBody;
  /** ≤ 500 characters of the body as text, masked. */
  bodySnippet: string;
  /** From `Retry-After` (429/503), a typed field the retry policy reads. */
  retryAfterMs?: number;
  diagnostic?: ForbiddenDiagnostic;
}

/**
 * A Platform API error. `code` is always `API_ERROR`; PingOne's own code (`ACCESS_FAILED`, `INVALID_DATA`,
 * `NOT_FOUND`, `REQUEST_LIMITED`…) is `pingoneCode`, and `details[].target` names the offending field so the UI
 * can show the message next to it. A 403 carries a {@link ForbiddenDiagnostic}.
 */
export class PingOneApiError extends HttpResponseError {
  readonly method: string;
  readonly endpoint: string;
  readonly pingoneCode: string | undefined;
  readonly pingoneMessage: string | undefined;
  /** PingOne's error `id`, for support tickets. */
  readonly requestId: string | undefined;
  readonly details: PingOneErrorDetail[];
  declare readonly bodySnippet: string;
  readonly diagnostic: ForbiddenDiagnostic | undefined;

  constructor(init: PingOneApiErrorInit) {
    const code = init.body?.code;
    const text = init.body?.message;
    const summary = [code, text].filter(Boolean).join(': ') || init.bodySnippet.slice(0, 120) || 'no body';
    super('API_ERROR', `PingOne API ${init.method} returned ${init.status} (${summary}).`, {
      status: init.status,
      bodySnippet: init.bodySnippet,
      retryAfterMs: init.retryAfterMs,
    });
    this.name = 'PingOneApiError';
    this.method = init.method;
    this.endpoint = init.endpoint;
    this.pingoneCode = code;
    this.pingoneMessage = text;
    this.requestId = init.body?.id;
    this.details = Array.isArray(init.body?.details) ? init.body.details : [];
    this.diagnostic = init.diagnostic;
  }

  /** The detail message for a form field (`details[].target`), if PingOne named that field. */
  messageFor(field: string): string | undefined {
    return this.details.find((d) => d.target === field)?.message;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      method: this.method,
      endpoint: this.endpoint,
      pingoneCode: this.pingoneCode,
      details: this.details,
      bodySnippet: this.bodySnippet,
      diagnostic: this.diagnostic,
    };
  }
}

/** Reads a PingOne error body out of parsed JSON, tolerating anything. */
export function asPingOneErrorBody(value: unknown): PingOneErrorBody | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const body: PingOneErrorBody = {};
  if (typeof v.id === 'string') body.id = v.id;
  if (typeof v.code === 'string') body.code = v.code;
  if (typeof v.message === 'string') body.message = v.message;
  if (Array.isArray(v.details)) {
    body.details = v.details
      .filter((d): d is Record<string, unknown> => d !== null && typeof d === 'object')
      .map((d) => ({
        code: typeof d.code === 'string' ? d.code : undefined,
        target: typeof d.target === 'string' ? d.target : undefined,
        message: typeof d.message === 'string' ? d.message : undefined,
        innerError: d.innerError && typeof d.innerError === 'object' ? (d.innerError as Record<string, unknown>) : undefined,
      }));
  }
  return body.code || body.message || body.details ? body : undefined;
}
