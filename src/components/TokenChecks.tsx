// The list of access-token checks (signature, RFC 9068 claims), each with a pass/fail mark and a sentence.
import { memo } from 'react';
import type { TokenCheckResult } from '../utils/tokenChecks';
import './tokenPanels.css';
import { IconFail, IconPass } from './icons/statusIcons';

export interface TokenChecksProps {
  /** The checks that need only the token (header and claims): known as soon as the token is. */
  results: readonly TokenCheckResult[];
  /**
   * The signature check: `null` while it is being verified (the issuer's JWKS may still be on its way), undefined
   * when there is none (an opaque token).
   */
  signature?: TokenCheckResult | null;
  title?: string;
}

function CheckItem({ result }: { result: TokenCheckResult }) {
  if (result.notApplicable) {
    return (
      <li className="check check-na">
        <span className="check-mark" aria-hidden="true">–</span>
        <span className="tp-sr-only">Not applicable: </span>
        <code className="check-name">{result.check}</code> <span className="check-message">{result.message}</span>
      </li>
    );
  }
  return (
    <li className={result.ok ? 'check check-ok' : 'check check-failed'}>
      <span className="check-mark" aria-hidden="true">
        {result.ok ? <IconPass /> : <IconFail />}
      </span>
      <span className="tp-sr-only">{result.ok ? 'Passed: ' : 'Failed: '}</span>
      <code className="check-name">{result.check}</code> <span className="check-message">{result.message}</span>
    </li>
  );
}

function summaryOf(all: readonly TokenCheckResult[], verifying: boolean): { text: string; className: string } {
  const results = all.filter((r) => !r.notApplicable);
  if (results.length === 0 && !verifying) return { text: 'Not applicable to this token.', className: 'checks-na' };
  const failed = results.filter((r) => !r.ok).length;
  if (failed > 0) {
    const text = verifying ? `Verifying the signature; ${failed} of ${results.length} other checks failed.` : `${failed} of ${results.length} checks failed.`;
    return { text, className: 'checks-failed' };
  }
  return verifying ? { text: 'Verifying the signature; the other checks passed.', className: 'checks-pending' } : { text: 'All checks passed.', className: 'checks-ok' };
}

/**
 * The claim checks show at once; the signature line reads `Verifying signature…` until the JWKS answer is in,
 * and the region is `aria-busy` meanwhile so assistive technology waits for the final list.
 */
export const TokenChecks = memo(function TokenChecks({ results, signature, title = 'Token checks (RFC 9068)' }: TokenChecksProps) {
  const verifying = signature === null;
  const all = signature ? [signature, ...results] : results;
  const summary = summaryOf(all, verifying);
  return (
    <section className="token-checks" aria-label={title} aria-busy={verifying}>
      <h3 className="panel-title">{title}</h3>
      <p className={`checks-summary ${summary.className}`}>{summary.text}</p>
      <ul className="checks-list">
        {verifying && (
          <li className="check check-pending">
            <span className="check-mark" aria-hidden="true">
              …
            </span>
            <code className="check-name">signature</code> <span className="check-message">Verifying signature…</span>
          </li>
        )}
        {all.map((r) => (
          <CheckItem key={r.check} result={r} />
        ))}
      </ul>
    </section>
  );
});
