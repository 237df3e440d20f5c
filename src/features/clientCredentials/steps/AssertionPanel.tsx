// The client assertion decoded (header + claims) with the linter's findings; and a box to lint a pasted one.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { useId, useState, type ReactNode } from 'react';
import { JsonView } from '../../../components/JsonView';
import { useNow } from '../../../hooks/useNow';
import { lintClientAssertion, lintClientAssertionReport, type AssertionExpectations, type AssertionLintReport, type LintFinding } from '../../../utils/oauth/assertionLint';
import { IconBlocked, IconPass, IconWarning } from '../../../components/icons/statusIcons';
import { IconSignature } from '../../../components/icons/objectIcons';

export type AssertionContext = Omit<AssertionExpectations, 'now'>;

const LEVEL_ICON: Record<LintFinding['level'], ReactNode> = { ok: <IconPass />, warning: <IconWarning />, error: <IconBlocked /> };

function decode(jwt: string): { header: unknown; claims: unknown } | null {
  try {
    return { header: decodeProtectedHeader(jwt), claims: decodeJwt(jwt) };
  } catch {
    return null;
  }
}

/** The findings as a list; the level is spelled out for screen readers, not only shown as an icon. */
export function LintResults({ findings, label }: { findings: readonly LintFinding[]; label: string }) {
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.filter((f) => f.level === 'warning').length;
  return (
    <div className="cc-lint">
      <p className="cc-lint__summary">
        {errors === 0 && warnings === 0 ? 'Looks right: every check passed.' : `${errors} error(s), ${warnings} warning(s).`}
      </p>
      <ul className="cc-lint__list" aria-label={label}>
        {findings.map((f, i) => (
          <li key={`${f.rule}-${i}`} className={`cc-lint__item cc-lint__item--${f.level}`}>
            {LEVEL_ICON[f.level]}{' '}
            <span className="visually-hidden">{f.level}: </span>
            <code>{f.rule}</code> — {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** How a claim or header value was sent, as text (an array stays an array, absence is said). */
function sentValue(value: unknown): string {
  if (value === undefined) return '(not sent)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The `aud` and `typ` exactly as sent, and the two sentences on audience injection with the RFC 7523bis link:
 * what a person needs to judge the `Assertion audience` setting against the server in use.
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/
 */
function AudienceSent({ report }: { report: AssertionLintReport }) {
  return (
    <div className="cc-assertion-audience">
      <dl className="cc-assertion-audience__sent">
        <dt>
          <code>aud</code> sent
        </dt>
        <dd>
          <code>{sentValue(report.sent.aud)}</code>
        </dd>
        <dt>
          <code>typ</code> sent
        </dt>
        <dd>
          <code>{sentValue(report.sent.typ)}</code>
        </dd>
      </dl>
      <p className="cc-muted">
        {report.audience.text}{' '}
        <a href={report.audience.link} target="_blank" rel="noreferrer">
          RFC 7523bis
        </a>
      </p>
    </div>
  );
}

/** The assertion the request carries, decoded and linted (re-linted every second so expiry shows). */
export function AssertionPanel({ assertion, context }: { assertion: string; context: AssertionContext }) {
  const now = useNow();
  const decoded = decode(assertion);
  const headingId = useId();
  const report = lintClientAssertionReport(assertion, { ...context, now });
  return (
    <section className="cc-panel" aria-labelledby={headingId}>
      <h3 id={headingId} className="cc-panel__title">
        <IconSignature /> Client assertion (decoded)
      </h3>
      {decoded ? (
        <div className="cc-two-columns">
          <JsonView value={decoded.header} label="Assertion header" />
          <JsonView value={decoded.claims} label="Assertion claims" />
        </div>
      ) : (
        <p>The assertion could not be decoded.</p>
      )}
      <AudienceSent report={report} />
      <LintResults findings={report.findings} label="Assertion checks" />
    </section>
  );
}

/** A textarea to paste any client assertion and lint it against this configuration. */
export function PasteAssertionLinter({ context }: { context: AssertionContext }) {
  const [text, setText] = useState('');
  const now = useNow();
  const id = useId();
  const jwt = text.trim();
  return (
    <section className="cc-panel">
      <label htmlFor={id} className="cc-field__label">
        Paste an assertion to lint
      </label>
      <textarea
        id={id}
        className="input input--mono"
        rows={3}
        spellCheck={false}
        autoComplete="off"
        placeholder="eyJhbGciOi…"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {jwt !== '' && <LintResults findings={lintClientAssertion(jwt, { ...context, now })} label="Pasted assertion checks" />}
    </section>
  );
}
