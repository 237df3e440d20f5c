// The inline error card: "We hit an issue", the OAuth error or HTTP status, the server's words, causes and a fix.
import { useId, type ReactNode } from 'react';
import { explainError, RELAY_HELPS, type ExplainableError } from '../utils/errorExplain';
import { FoldedText } from './FoldedText';
import './tokenPanels.css';

export interface ErrorCardProps {
  error: ExplainableError;
  /** Overrides the heading's context, e.g. "Token request failed". */
  context?: string;
  /**
   * The `Send through the local relay` control (a {@link RelayToggle}), shown when the relay is the fix: a CORS
   * block, a network failure, or a relay that is not running.
   */
  relayControl?: ReactNode;
  /** A fix the caller can offer as a control (e.g. another assertion audience), shown after `Try this`. */
  action?: ReactNode;
}

/**
 * A `role="alert"` card. Everything the server sent (`error_description`) is rendered as React text, never as
 * HTML: a description such as `<img src=x onerror=…>` shows literally; a long one is folded to its start.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function ErrorCard({ error, context, relayControl, action }: ErrorCardProps) {
  const headingId = useId();
  const explanation = explainError(error);
  // Status 0 (a browser's opaque redirect, a network error) is no HTTP status anyone sent.
  const showStatus = error.status !== undefined && error.status > 0 && explanation.label !== `HTTP ${error.status}`;

  return (
    <div className="error-card" role="alert" aria-labelledby={headingId}>
      <h3 id={headingId} className="error-card-heading">
        {explanation.heading}
        {context ? <span className="error-card-context"> — {context}</span> : null}
      </h3>
      <p className="error-card-codes">
        <code className="error-card-code">{explanation.label}</code>
        {showStatus && <span className="error-card-status">HTTP {error.status}</span>}
      </p>
      <p className="error-card-summary">{explanation.summary}</p>
      {error.error_description && (
        <blockquote className="error-card-description">
          <span className="error-card-field">error_description: </span>
          <FoldedText text={error.error_description} />
        </blockquote>
      )}
      {!error.error_description && error.message && error.message !== explanation.summary && (
        <p className="error-card-message">{error.message}</p>
      )}
      {explanation.likelyCauses.length > 0 && (
        <>
          <h4 className="error-card-subheading">Likely causes</h4>
          <ul className="error-card-causes">
            {explanation.likelyCauses.map((cause) => (
              <li key={cause}>{cause}</li>
            ))}
          </ul>
        </>
      )}
      <p className="error-card-fix">
        <strong>Try this: </strong>
        {explanation.fixHint}
      </p>
      {error.reason && error.code !== 'RELAY_REFUSED' && (
        <p className="error-card-message">
          <span className="error-card-field">relay: </span>
          <FoldedText text={error.reason} />
        </p>
      )}
      {relayControl && RELAY_HELPS.has(error.code) ? <div className="error-card-relay">{relayControl}</div> : null}
      {action}
    </div>
  );
}
