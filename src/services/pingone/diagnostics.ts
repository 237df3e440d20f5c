// Diagnostics for PingOne failures: what a 403 means, and what to log when the worker token fails.
import {
  PINGONE_403_HINT,
  PINGONE_ROLES_TRUTH,
  PINGONE_TOKEN_FAILURE_MESSAGE,
  requiredScopesFor,
} from '../../config/pingone';
import { HttpResponseError, isPlaygroundError, OAuthResponseError } from '../../utils/errors';
import { splitScopes } from '../../utils/scopes';
import { bodySnippet, maskSensitiveText } from '../../utils/mask';
import type { PingOneErrorBody, PingOneErrorDetail } from './types';

/** Everything the 403 card and the log line need, with no secret or personal data in it. */
export interface ForbiddenDiagnostic {
  endpoint: string;
  method: string;
  status: number;
  /** ≤ 500 characters of the response body as text, secrets and personal data masked. */
  bodySnippet: string;
  pingoneCode?: string;
  details?: PingOneErrorDetail[];
  hint: string;
  rolesTruth: string;
  /** The p1 scopes that would allow this call (any one suffices), from the scope catalog. */
  requiredScopes: string[];
  /**
   * The required scopes the token did not carry: all of them when none was granted, `[]` when one was (then the
   * scopes are not the problem — see `rolesTruth`). Absent when the token's scope claim is unknown.
   */
  missingScopes?: string[];
  /** Whether the token's `scope` claim held one of `requiredScopes`; absent when unknown. */
  tokenHadRequiredScope?: boolean;
}

export interface DiagnoseForbiddenInput {
  method: string;
  /** The URL (or path) called. */
  endpoint: string;
  status: number;
  /** The response body as received (text). */
  bodyText: string;
  /** The parsed PingOne error body, when it parsed. */
  body?: PingOneErrorBody;
  /** The request content type (tells a reorder from a create on `POST …/devices`). */
  contentType?: string;
  /** The token's granted scopes (space-delimited `scope` claim or a list); undefined when unknown. */
  grantedScopes?: string | readonly string[];
}

/**
 * Explains a 403 from the Platform API: endpoint, method, status, body snippet, PingOne's error code and details,
 * the scope hint, the truth about roles, and which p1 scope the endpoint needs versus what the token carried.
 * Pure: no I/O.
 */
export function diagnoseForbidden(input: DiagnoseForbiddenInput): ForbiddenDiagnostic {
  const requiredScopes = requiredScopesFor(input.method, input.endpoint, input.contentType);
  const diagnostic: ForbiddenDiagnostic = {
    endpoint: maskSensitiveText(input.endpoint),
    method: input.method.toUpperCase(),
    status: input.status,
    bodySnippet: bodySnippet(input.bodyText),
    hint: PINGONE_403_HINT,
    rolesTruth: PINGONE_ROLES_TRUTH,
    requiredScopes,
  };
  if (typeof input.body?.code === 'string') diagnostic.pingoneCode = input.body.code;
  if (Array.isArray(input.body?.details)) diagnostic.details = input.body.details;
  if (input.grantedScopes !== undefined && requiredScopes.length > 0) {
    const granted = new Set(splitScopes(input.grantedScopes));
    const had = requiredScopes.some((s) => granted.has(s));
    diagnostic.tokenHadRequiredScope = had;
    diagnostic.missingScopes = had ? [] : requiredScopes;
  }
  return diagnostic;
}

/** What to log when the worker token request fails: status, body minus secrets, the scope string it asked for. */
export interface WorkerTokenFailure {
  message: typeof PINGONE_TOKEN_FAILURE_MESSAGE;
  status?: number;
  /** The error body as text (RFC 6749 §5.2 `error` / `error_description`, or a snippet), secrets masked. */
  body?: string;
  /** The scope string that was requested, so scope problems are visible at a glance. */
  scope: string;
  code?: string;
}

/**
 * Builds the log record for a failed worker token request from the error family's typed fields (status, code,
 * OAuth `error`/`error_description`, the masked body snippet) — never the request.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function describeWorkerTokenFailure(error: unknown, scopeString: string): WorkerTokenFailure {
  const out: WorkerTokenFailure = { message: PINGONE_TOKEN_FAILURE_MESSAGE, scope: scopeString };
  if (!isPlaygroundError(error)) return out;
  out.status = error.status;
  out.code = error.code;
  if (error instanceof OAuthResponseError) {
    out.body = bodySnippet(JSON.stringify({ error: error.error, error_description: error.error_description }));
  } else if (error instanceof HttpResponseError && error.bodySnippet !== undefined) {
    out.body = bodySnippet(error.bodySnippet);
  } else {
    out.body = bodySnippet(error.message);
  }
  return out;
}
