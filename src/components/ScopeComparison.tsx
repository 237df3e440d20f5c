// Requested vs granted scopes, with the differences highlighted and explained.
import { useId } from 'react';
import { splitScopes } from '../utils/scopes';
import './tokenPanels.css';

export interface ScopeComparisonProps {
  requested: readonly string[];
  /** the response's `scope` (or the token's `scope` claim); undefined when the server said nothing */
  granted: string | readonly string[] | undefined;
}

export interface ScopeDiff {
  requested: string[];
  granted: string[];
  notGranted: string[];
  notRequested: string[];
  /** false when the server did not state the granted scope */
  grantedKnown: boolean;
}

/**
 * Compares the scope sets. A response without `scope` means the server granted exactly what was requested.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export function diffScopes(requested: readonly string[], granted: string | readonly string[] | undefined): ScopeDiff {
  const req = splitScopes(requested);
  const grantedKnown = granted !== undefined;
  const got = grantedKnown ? splitScopes(granted) : req;
  return {
    requested: req,
    granted: got,
    notGranted: req.filter((s) => !got.includes(s)),
    notRequested: got.filter((s) => !req.includes(s)),
    grantedKnown,
  };
}

function ScopeList({ title, scopes, other, missingLabel }: { title: string; scopes: string[]; other: string[]; missingLabel: string }) {
  return (
    <div className="scope-column">
      <h4 className="scope-column-title">{title}</h4>
      {scopes.length === 0 ? (
        <p className="tp-muted">(none)</p>
      ) : (
        <ul aria-label={title} className="scope-list">
          {scopes.map((s) => {
            const differs = !other.includes(s);
            return (
              <li key={s} className={differs ? 'scope-item scope-diff' : 'scope-item'}>
                <code>{s}</code>
                {differs && <span className="scope-badge">{missingLabel}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function ScopeComparison({ requested, granted }: ScopeComparisonProps) {
  const headingId = useId();
  const diff = diffScopes(requested, granted);
  const differs = diff.notGranted.length > 0 || diff.notRequested.length > 0;

  return (
    <section className="scope-comparison" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-title">
        Requested vs granted scopes
      </h3>
      <div className="scope-columns">
        <ScopeList title="Requested scopes" scopes={diff.requested} other={diff.granted} missingLabel="not granted" />
        <ScopeList title="Granted scopes" scopes={diff.granted} other={diff.requested} missingLabel="not requested" />
      </div>
      {!diff.grantedKnown && (
        <p className="tp-muted">
          The server did not return <code>scope</code>: by RFC 6749 §5.1 that means it granted what was requested.
        </p>
      )}
      {differs && (
        <div className="scope-why">
          <h4>Why are the granted scopes different?</h4>
          {diff.notGranted.length > 0 && (
            <p>
              Not granted: <code>{diff.notGranted.join(' ')}</code>. A server may issue fewer scopes than asked for
              (RFC 6749 §3.3) when the client is not allowed them. On PingOne, <code>p1:*</code> platform scopes are
              not issued to client_credentials: the worker app’s role assignments decide what it may do.
            </p>
          )}
          {diff.notRequested.length > 0 && (
            <p>
              Granted without being requested: <code>{diff.notRequested.join(' ')}</code>. The server added the
              client’s default scopes (typical when no scope, or a partial one, is requested). Ask only for what
              the calls need — least privilege.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
