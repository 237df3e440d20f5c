// The flow's exchanges as sequence-diagram rows: each token attempt (with its wait and Retry-After), then the
// step-4 API calls, in the order they happened.
import type { ApiExchange } from '../../../services/apiExchange';
import type { DiagramExchange } from '../../../components/SequenceDiagram';
import { requiredScopesFor } from '../../../config/pingone';
import type { AttemptInfo } from '../../../utils/oauth/retry';
import type { RequestDescription } from '../../../utils/oauth/description';
import { maskRequestDescription } from '../../../utils/oauth/requestMask';

/** One Get token (or an introspection or revocation): its attempts and what it sent, kept after the next one starts. */
export interface TokenRunTrace {
  /** Which request of the authorization server this was (default: the token request). */
  kind?: 'token' | 'introspect' | 'revoke';
  startedAt: number;
  attempts: readonly AttemptInfo[];
  authMethod: string;
  viaRelay: boolean;
  /** The request as the Request step described it; shown masked on selection. */
  description: RequestDescription | null;
  tokenEndpoint: string;
}

/** A step-4 exchange with the time it was sent (the clients report it when it settles). */
export interface TimedApiExchange extends ApiExchange {
  id: number;
  at: number;
  viaRelay: boolean;
}

/** The path of a URL, or the text as given when it is not one. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** `POST /as/token client_secret_basic`: the path and the auth method, never a credential. */
export function tokenLabel(tokenEndpoint: string, authMethod: string): string {
  return `POST ${pathOf(tokenEndpoint)} ${authMethod}`;
}

/** The masked request view of a token attempt: the description's masked copy, and the answer's status. */
function attemptDetail(trace: TokenRunTrace, a: AttemptInfo, status: number): ApiExchange | undefined {
  if (!trace.description) return undefined;
  const shown = maskRequestDescription(trace.description);
  const answer = a.oauthError ? JSON.stringify({ error: a.oauthError }) : '';
  return {
    method: shown.method, url: shown.url, requestHeaders: shown.headers, requestBody: shown.body,
    status, responseBody: answer, durationMs: a.durationMs, attempt: a.attempt,
  };
}

/**
 * A token request's attempts as rows. A success carries no status in the attempt record: the token endpoint
 * answers 200 (RFC 6749 §5.1). The token itself never enters a row.
 */
export function tokenRows(trace: TokenRunTrace): DiagramExchange[] {
  const label = tokenLabel(trace.tokenEndpoint, trace.authMethod);
  return trace.attempts.map((a) => {
    const status = a.status ?? (a.outcome === 'success' ? 200 : 0);
    const row: DiagramExchange = { id: `${trace.kind ?? 'token'}-${trace.startedAt}-${a.attempt}`, to: 'token', viaRelay: trace.viaRelay, label, status, attempt: a.attempt };
    const code = a.oauthError ?? (a.status === undefined ? a.code : undefined);
    if (code) row.errorCode = code;
    if (a.outcome === 'retry' && a.delayMs !== undefined) {
      row.waitMs = a.delayMs;
      row.retryAfter = a.retryAfterMs !== undefined;
    }
    const detail = attemptDetail(trace, a, status);
    if (detail) row.detail = detail;
    return row;
  });
}

/** A step-4 call as a row; a 403 carries the hint marker with the scope the endpoint needs (PingOne's catalog). */
export function apiRow(x: TimedApiExchange): DiagramExchange {
  const path = pathOf(x.url);
  const row: DiagramExchange = { id: `api-${x.id}`, to: 'api', viaRelay: x.viaRelay, label: `${x.method} ${path}`, status: x.status, attempt: x.attempt, detail: x };
  if (x.status === 403) {
    const needs = requiredScopesFor(x.method, path, x.requestHeaders['Content-Type']);
    row.hint = needs.length > 0 ? `needs ${needs.join(' or ')}` : 'permission missing';
  }
  return row;
}

/** Every row, oldest first: token attempts at their start, API calls and `extra` rows (refreshes) at theirs. */
export function flowSequence(
  traces: readonly TokenRunTrace[],
  api: readonly TimedApiExchange[],
  extra: ReadonlyArray<{ at: number; row: DiagramExchange }> = [],
): DiagramExchange[] {
  const timed: Array<{ at: number; rows: DiagramExchange[] }> = extra.map((e) => ({ at: e.at, rows: [e.row] }));
  for (const t of traces) {
    const rows = tokenRows(t);
    t.attempts.forEach((a, i) => timed.push({ at: a.startedAt, rows: rows.slice(i, i + 1) }));
  }
  for (const x of api) timed.push({ at: x.at, rows: [apiRow(x)] });
  // A stable sort: rows that started in the same millisecond keep the order they were reported in.
  return timed.sort((a, b) => a.at - b.at).flatMap((t) => t.rows);
}
