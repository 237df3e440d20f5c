// The user's mfaEnabled flag: read it, and flip it with a checkbox labelled "MFA enabled".
import { useId } from 'react';
import { Spinner } from '../../components/Spinner';
import { useLastResult } from './useLastResult';
import { IconLock } from '../../components/icons/objectIcons';

export interface MfaEnabledToggleProps {
  /** `GET …/mfaEnabled`; rejects with the call's error (the console shows it). */
  read: () => Promise<boolean>;
  /** `PUT …/mfaEnabled`; resolves to the value PingOne stored. */
  write: (enabled: boolean) => Promise<boolean>;
  disabled?: boolean;
}

/** Key it by user id: a new user starts as "unknown" until read or set. */
export function MfaEnabledToggle({ read, write, disabled = false }: MfaEnabledToggleProps) {
  const id = useId();
  // A failed call is shown by the console's error card; the checkbox keeps the last known value.
  const { value, busy, run } = useLastResult<boolean>();

  return (
    <section className="mfa-panel" aria-label="MFA enabled flag">
      <h3 className="api-heading"><IconLock /> MFA for this user</h3>
      <div className="form-field form-field--check">
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={value ?? false}
          aria-describedby={`${id}-state`}
          disabled={busy || disabled}
          onChange={(e) => run(() => write(e.target.checked))}
        />
        <label htmlFor={id}>MFA enabled</label>
        {busy && <Spinner label="Saving the MFA flag" />}
      </div>
      <p id={`${id}-state`} className="api-muted">
        {value === undefined ? 'Not read yet.' : value ? 'PingOne says: MFA is on for this user.' : 'PingOne says: MFA is off for this user.'}
      </p>
      <button type="button" className="btn btn--secondary btn--small" onClick={() => run(read)} disabled={busy || disabled}>
        Read MFA status
      </button>
    </section>
  );
}
