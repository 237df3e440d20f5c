// Errors from the microauthd AUTH server: a general API error and the 403 with its scope diagnosis.
import { HttpResponseError } from '../../utils/errors';
import { MICROAUTHD_MODEL } from '../../config/microauthd';

export interface MicroauthdApiErrorInit {
  status: number;
  method: string;
  /** The URL called (ids only; no secrets in microauthd URLs). */
  url: string;
  /** microauthd's `message` from `{success:false,message}`, when the body had one. */
  serverMessage?: string;
  /** ≤ 2000 characters of the response body as text, masked. */
  bodySnippet: string;
  /** The form field a 400 names (`username`, `email`, `password`, `new_password`), when recognisable. */
  field?: string;
}

/** A non-2xx answer from microauthd's AUTH server. `code` is always `API_ERROR`. */
export class MicroauthdApiError extends HttpResponseError {
  readonly method: string;
  readonly url: string;
  readonly serverMessage: string | undefined;
  declare readonly bodySnippet: string;

  constructor(init: MicroauthdApiErrorInit, message?: string) {
    const summary = init.serverMessage ?? (init.bodySnippet.slice(0, 120) || 'no body');
    super('API_ERROR', message ?? `microauthd ${init.method} returned ${init.status} (${summary}).`, {
      status: init.status,
      field: init.field,
      bodySnippet: init.bodySnippet,
    });
    this.name = 'MicroauthdApiError';
    this.method = init.method;
    this.url = init.url;
    this.serverMessage = init.serverMessage;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), method: this.method, url: this.url, serverMessage: this.serverMessage, bodySnippet: this.bodySnippet };
  }
}

export interface ForbiddenScopeInfo {
  /** The built-in scope the endpoint needs (undefined when the catalog does not know the endpoint). */
  requiredScope: { name: string; id: string | undefined } | undefined;
  /** Whether the token's scope claim held it (by name or UUID); undefined when the granted scopes are unknown. */
  tokenHasScope: boolean | undefined;
  /** How the token carried it, when it did. */
  grantedAs: 'name' | 'id' | undefined;
  /** The token's granted scopes as a list (empty when unknown or none). */
  grantedScopes: string[];
}

function forbiddenHint(info: ForbiddenScopeInfo): string {
  const scope = info.requiredScope;
  if (!scope) return 'The endpoint is not in the microauthd scope catalog, so the needed scope is unknown.';
  const label = scope.id ? `${scope.name} (${scope.id})` : scope.name;
  if (info.tokenHasScope === undefined) return `This call needs the scope ${label}; the token's scopes are unknown.`;
  if (!info.tokenHasScope) {
    return `This call needs the scope ${label}, which the token does not carry. Assign it to the client ` +
      `(mad CLI, Admin UI or ADMIN API) and get a new token.`;
  }
  return `The token carries ${scope.name} (as its ${info.grantedAs === 'id' ? 'UUID' : 'name'}) yet the server ` +
    `refused. ${MICROAUTHD_MODEL.nameUuidMismatch}`;
}

/**
 * microauthd answered 403 `{"success":false,"message":"Permission Denied"}`: the token lacks the built-in scope
 * the endpoint is gated by. Names that scope and says whether the token had it.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export class MicroauthdForbiddenError extends MicroauthdApiError {
  readonly requiredScope: ForbiddenScopeInfo['requiredScope'];
  readonly tokenHasScope: boolean | undefined;
  readonly grantedAs: 'name' | 'id' | undefined;
  readonly grantedScopes: string[];
  /** A sentence for the 403 card. */
  readonly hint: string;

  constructor(init: MicroauthdApiErrorInit, info: ForbiddenScopeInfo) {
    const hint = forbiddenHint(info);
    super(init, `microauthd ${init.method} returned 403 (${init.serverMessage ?? 'Forbidden'}). ${hint}`);
    this.name = 'MicroauthdForbiddenError';
    this.requiredScope = info.requiredScope;
    this.tokenHasScope = info.tokenHasScope;
    this.grantedAs = info.grantedAs;
    this.grantedScopes = info.grantedScopes;
    this.hint = hint;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      requiredScope: this.requiredScope,
      tokenHasScope: this.tokenHasScope,
      grantedAs: this.grantedAs,
      grantedScopes: this.grantedScopes,
      hint: this.hint,
    };
  }
}
