// The 403 card: which call was refused, what the server said, which scope it needs, and what to check.
import { useId } from 'react';
import { maskSensitiveText } from '../utils/mask';
import './apiPanels.css';
import { IconShield } from './icons/objectIcons';

export interface ForbiddenCardProps {
  method: string;
  endpoint: string;
  status: number;
  /** ≤ 500 characters of the response body, already masked by the client (masked again here). */
  bodySnippet: string;
  /** The provider's hint, e.g. PINGONE_403_HINT or microauthd's scope sentence. */
  hint: string;
  /** PingOne only: worker apps get rights from roles, not scopes. */
  rolesTruth?: string;
  /** The scopes that would allow this call (any one suffices). */
  requiredScopes?: readonly string[];
  /** Whether the token carried one of them; undefined when the token's scopes are unknown. */
  tokenHasScope?: boolean;
  /** The provider's own error code (PingOne `ACCESS_FAILED`…), when it sent one. */
  providerCode?: string;
}

/** "needs X — your token does not have it", the one line that answers "why 403?". */
export function scopeVerdict(required: readonly string[] | undefined, has: boolean | undefined): string | undefined {
  if (!required || required.length === 0) return undefined;
  const needs = required.length === 1 ? required[0] : `one of ${required.join(', ')}`;
  if (has === undefined) return `This call needs ${needs} — your token's scopes are unknown (not a JWT?).`;
  if (has) return `This call needs ${needs} — your token has it, so the scope is not what is missing.`;
  return `This call needs ${needs} — your token does not have it.`;
}

/**
 * A `role="alert"` card for HTTP 403 with the endpoint, method, status, body snippet and the hints.
 * Server text is rendered as React text, never as markup.
 */
export function ForbiddenCard(props: ForbiddenCardProps) {
  const headingId = useId();
  const verdict = scopeVerdict(props.requiredScopes, props.tokenHasScope);
  return (
    <div className="forbidden-card" role="alert" aria-labelledby={headingId}>
      <h3 id={headingId} className="forbidden-card__heading">
        <IconShield /> We hit an issue — HTTP {props.status} Forbidden
      </h3>
      <dl className="forbidden-card__facts">
        <dt>Endpoint</dt>
        <dd>
          <code>{maskSensitiveText(props.endpoint)}</code>
        </dd>
        <dt>Method</dt>
        <dd>
          <code>{props.method}</code>
        </dd>
        <dt>Status</dt>
        <dd>
          {props.status}
          {props.providerCode ? ` (${props.providerCode})` : ''}
        </dd>
        <dt>Response body</dt>
        <dd>
          <pre className="api-code">{maskSensitiveText(props.bodySnippet) || '(empty body)'}</pre>
        </dd>
      </dl>
      {verdict && <p className="forbidden-card__verdict">{verdict}</p>}
      <p className="forbidden-card__hint">
        <strong>Hint: </strong>
        {props.hint}
      </p>
      {props.rolesTruth && (
        <p className="forbidden-card__truth">
          <strong>How PingOne really decides: </strong>
          {props.rolesTruth}
        </p>
      )}
    </div>
  );
}

export interface ApiErrorAlertProps {
  /** HTTP status when there was one (0 or undefined: no response). */
  status?: number;
  /** A short label such as the provider's code (`INVALID_DATA`) or the playground's (`NETWORK`). */
  code?: string;
  message: string;
  /** Per-field messages the server sent (PingOne `details[]`), shown as a list. */
  details?: ReadonlyArray<{ target?: string; message?: string }>;
}

/** The sibling of {@link ForbiddenCard} for every other failure: status, code and the server's words. */
export function ApiErrorAlert({ status, code, message, details }: ApiErrorAlertProps) {
  const shown = (details ?? []).filter((d) => d.message);
  return (
    <div className="api-error" role="alert">
      <p className="api-error__heading">
        We hit an issue{status ? ` — HTTP ${status}` : ''}
        {code ? (
          <>
            {' '}
            <code>{code}</code>
          </>
        ) : null}
      </p>
      <p className="api-error__message">{maskSensitiveText(message)}</p>
      {shown.length > 0 && (
        <ul className="api-error__details">
          {shown.map((d, i) => (
            <li key={i}>
              {d.target ? <code>{d.target}</code> : null}
              {d.target ? ': ' : ''}
              {maskSensitiveText(d.message ?? '')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
