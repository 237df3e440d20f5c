// The list of access-token checks (signature, RFC 9068 claims), each with a pass/fail mark and a sentence.
import type { TokenCheckResult } from '../utils/tokenChecks';
import './tokenPanels.css';

export interface TokenChecksProps {
  /** null while the checks run (the JWKS is fetched) */
  results: readonly TokenCheckResult[] | null;
  title?: string;
}

export function TokenChecks({ results, title = 'Token checks (RFC 9068)' }: TokenChecksProps) {
  const failed = results?.filter((r) => !r.ok).length ?? 0;
  return (
    <section className="token-checks" aria-label={title} aria-busy={results === null}>
      <h3 className="panel-title">{title}</h3>
      {results === null ? (
        <p className="tp-muted">Checking the signature against the issuer’s JWKS…</p>
      ) : (
        <>
          <p className={failed === 0 ? 'checks-summary checks-ok' : 'checks-summary checks-failed'}>
            {failed === 0 ? 'All checks passed.' : `${failed} of ${results.length} checks failed.`}
          </p>
          <ul className="checks-list">
            {results.map((r) => (
              <li key={r.check} className={r.ok ? 'check check-ok' : 'check check-failed'}>
                <span className="check-mark" aria-hidden="true">
                  {r.ok ? '✓' : '✗'}
                </span>
                <span className="tp-sr-only">{r.ok ? 'Passed: ' : 'Failed: '}</span>
                <code className="check-name">{r.check}</code> <span className="check-message">{r.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
