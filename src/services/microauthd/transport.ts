// One microauthd AUTH-server call: fetch with a timeout, a masked exchange record, log lines and typed errors.
import { MICROAUTHD_SCOPE_CATALOG } from '../../config/microauthd';
import { matchGrantedScopes, scopeForEndpoint } from '../../config/scopeCatalog';
import { grantedScopeOf } from '../../utils/grantedScope';
import { splitScopes } from '../../utils/scopes';
import { DEFAULT_TIMEOUT_MS } from '../../config/defaults';
import { PlaygroundError } from '../../utils/errors';
import { MASK, maskAuthorization, maskedSnippet, maskSensitiveText } from '../../utils/mask';
import { parseJsonSafely } from '../../utils/secureJson';
import { reportExchange, sendResourceExchange, type ExchangeDeps, type ExchangeRequest } from '../apiExchange';
import { MicroauthdApiError, MicroauthdForbiddenError, type ForbiddenScopeInfo } from './errors';
import type { MicroauthdToken } from './types';

export const DEFAULT_MICROAUTHD_TIMEOUT_MS = DEFAULT_TIMEOUT_MS;
/** Longest response text kept in an exchange record. */
export const EXCHANGE_SNIPPET_LENGTH = 2000;
const PASSWORD_MEMBERS = new Set(['password', 'new_password']);
const FIELDS = ['new_password', 'username', 'email', 'password'];

export interface CallRequest {
  method: 'GET' | 'POST';
  url: string;
  /** The path relative to the base URL, for log lines (ids only). */
  path: string;
  token: MicroauthdToken;
  body?: Record<string, unknown>;
}

export type CallDeps = ExchangeDeps;

/** The body as shown and logged: password members replaced by bullets, other secrets masked. */
export function maskRequestBody(body: Record<string, unknown>, personalData: boolean): string {
  const shown = Object.fromEntries(
    Object.entries(body).map(([k, v]) => [k, PASSWORD_MEMBERS.has(k) ? MASK.repeat(8) : v]),
  );
  return maskSensitiveText(JSON.stringify(shown), { personalData });
}

/** The granted scopes: what the caller said, else the token's `scope` claim (decoded, not verified), else unknown. */
export function grantedScopesOf(token: MicroauthdToken): string[] | undefined {
  const granted = grantedScopeOf(token);
  return granted === undefined ? undefined : splitScopes(granted);
}

/** Which scope the endpoint needs and whether the token holds it (name or UUID). */
export function diagnoseScope(method: string, url: string, token: MicroauthdToken): ForbiddenScopeInfo {
  const entry = scopeForEndpoint(MICROAUTHD_SCOPE_CATALOG, method, url);
  const granted = grantedScopesOf(token);
  const hit = entry && granted ? matchGrantedScopes([entry], granted).recognised[0] : undefined;
  return {
    requiredScope: entry ? { name: entry.name, id: entry.id } : undefined,
    tokenHasScope: entry && granted ? hit !== undefined : undefined,
    grantedAs: hit?.grantedAs,
    grantedScopes: granted ?? [],
  };
}

function serverMessageOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const message = (value as Record<string, unknown>).message;
  return typeof message === 'string' ? message : undefined;
}

/**
 * Sends one request; returns the parsed JSON body.
 * @throws MicroauthdForbiddenError (403), MicroauthdApiError (other non-2xx),
 *   PlaygroundError NETWORK / TIMEOUT / ABORTED / INVALID_RESPONSE
 */
export async function callMicroauthd(req: CallRequest, deps: CallDeps): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${req.token.accessToken}` };
  const bodyText = req.body === undefined ? undefined : JSON.stringify(req.body);
  if (bodyText !== undefined) headers['Content-Type'] = 'application/json';
  const request: ExchangeRequest = {
    method: req.method,
    url: req.url,
    requestHeaders: { ...headers, Authorization: maskAuthorization(headers.Authorization as string) },
    // The user's own view keeps usernames and emails; passwords never appear.
    requestBody: req.body === undefined ? undefined : maskRequestBody(req.body, false),
    attempt: 1,
  };
  if (req.body !== undefined) deps.logger.debug(`${req.method} ${req.path} body`, { body: maskRequestBody(req.body, true) });
  const { response, text, durationMs, request: sentRequest } = await sendResourceExchange(request, { headers, body: bodyText }, deps, {
    peer: 'microauthd', label: 'microauthd', logPath: req.path,
  }, req.token);
  const status = response.status;
  const snippet = maskedSnippet(text, { max: EXCHANGE_SNIPPET_LENGTH, personalData: false });
  reportExchange(deps, { ...sentRequest, status, responseBody: snippet, durationMs });
  const parsed = text.length > 0 ? parseJsonSafely(text) : undefined;
  const line = { method: req.method, path: req.path, status, durationMs };

  if (status >= 200 && status < 300) {
    deps.logger.info(`${req.method} ${req.path} → ${status} (${durationMs} ms)`, line);
    if (!parsed?.ok) throw new PlaygroundError('INVALID_RESPONSE', 'microauthd answered with a body that is not JSON.', { status });
    return parsed.value;
  }

  const serverMessage = parsed?.ok ? serverMessageOf(parsed.value) : undefined;
  const field = status === 400 && serverMessage ? FIELDS.find((f) => serverMessage.startsWith(f)) : undefined;
  const init = {
    status, method: req.method, url: req.url, bodySnippet: snippet,
    serverMessage, field: field || undefined,
  };
  if (status === 403) {
    const error = new MicroauthdForbiddenError(init, diagnoseScope(req.method, req.url, req.token));
    deps.logger.error(`${req.method} ${req.path} → 403 ${serverMessage ?? ''}. ${error.hint}`, {
      ...line, requiredScope: error.requiredScope?.name, tokenHasScope: error.tokenHasScope,
    });
    throw error;
  }
  const error = status === 401
    ? new MicroauthdApiError(init, 'microauthd rejected the access token (401): it is missing, expired, or not signed by this server.')
    : new MicroauthdApiError(init);
  deps.logger.warn(`${req.method} ${req.path} → ${status} ${serverMessage ?? ''} (${durationMs} ms)`, { ...line, serverMessage });
  throw error;
}
