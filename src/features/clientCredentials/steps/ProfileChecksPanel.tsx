// The `Profile checks` region: the configuration held against FAPI 2.0 and OAuth 2.1, one line per requirement,
// each with its clause, its status in words (never colour alone), the reason and a link to the specification.
import { useId, type ReactNode } from 'react';
import { IconBlocked, IconInfo, IconPass } from '../../../components/icons/statusIcons';
import type { ProfileCheck, ProfileStatus } from '../../../utils/oauth/profileChecks';

const STATUS_ICON: Record<ProfileStatus, ReactNode> = { met: <IconPass />, 'not met': <IconBlocked />, 'not applicable': <IconInfo /> };
const STATUS_CLASS: Record<ProfileStatus, string> = { met: 'ok', 'not met': 'error', 'not applicable': 'na' };

/** "FAPI 2.0 Security Profile (final): 6 met" (or "…: 4 met, 2 not met") for each specification, in order. */
function summaryOf(checks: readonly ProfileCheck[]): string[] {
  const bySpec = new Map<string, Record<ProfileStatus, number>>();
  for (const check of checks) {
    const counts = bySpec.get(check.spec) ?? { met: 0, 'not met': 0, 'not applicable': 0 };
    counts[check.status] += 1;
    bySpec.set(check.spec, counts);
  }
  return [...bySpec].map(([spec, counts]) => {
    const parts = (Object.keys(counts) as ProfileStatus[]).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
    return `${spec}: ${parts.join(', ')}`;
  });
}

function CheckLine({ check }: { check: ProfileCheck }) {
  return (
    <li className={`cc-lint__item cc-lint__item--${STATUS_CLASS[check.status]}`}>
      {STATUS_ICON[check.status]} <strong className="cc-profile__status">{check.status}</strong>
      {' — '}
      <a href={check.link} target="_blank" rel="noreferrer">
        {check.spec} {check.clause}
      </a>
      : {check.requirement} <span className="cc-profile__reason">{check.reason}</span>
    </li>
  );
}

/**
 * Always present as a region, with a one-line summary per specification; the lines themselves fold away so step 1
 * stays short. Statuses are words: a screen reader and a colour-blind reader get the same answer.
 * @see https://openid.net/specs/fapi-security-profile-2_0-final.html
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-v2-1/
 */
export function ProfileChecksPanel({ checks }: { checks: readonly ProfileCheck[] }) {
  const headingId = useId();
  const notMet = checks.filter((c) => c.status === 'not met').length;
  return (
    <section className="cc-panel cc-profile" aria-labelledby={headingId}>
      <h3 id={headingId} className="cc-panel__title">
        Profile checks
      </h3>
      <p className="cc-muted">
        This configuration against the FAPI 2.0 Security Profile and OAuth 2.1, as far as a client can tell; an input that is not known yet makes its
        line not applicable, never a guess.
      </p>
      <ul className="cc-profile__summary">
        {summaryOf(checks).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <details className="cc-profile__details">
        <summary>Each requirement ({notMet === 0 ? 'none not met' : `${notMet} not met`})</summary>
        <ul className="cc-lint__list" aria-label="Profile requirements">
          {checks.map((check) => (
            <CheckLine key={check.id} check={check} />
          ))}
        </ul>
      </details>
    </section>
  );
}
