// Activation of an ACTIVATION_REQUIRED device with its one-time passcode (6–8 digits, checked before any request).
import { useState, type FormEvent } from 'react';
import { validateOtp } from '../../services/pingone/validation';
import { isPlaygroundError } from '../../utils/errors';
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { submitOneField } from './fieldErrors';

export interface ActivateDeviceFormProps {
  /** Sends the OTP; rejects with the call's error so a 400 `INVALID_OTP` shows next to the field. */
  onActivate: (otp: string) => Promise<void>;
  /** Sandbox only: reads the OTP the sandbox "sent" (dev mailbox). Absent for a real PingOne. */
  readOtpFromOutbox?: () => Promise<string | undefined>;
  busy?: boolean;
  /** Help under the field; default: the passcode sent to the device. */
  hint?: string | undefined;
}

/** Reads the sandbox outbox and says what it found; `onFound` takes the passcode. */
function useOutboxReader(readOtpFromOutbox: (() => Promise<string | undefined>) | undefined, onFound: (otp: string) => void) {
  const [outboxNote, setOutboxNote] = useState<string | undefined>();
  async function readOutbox() {
    if (!readOtpFromOutbox) return;
    setOutboxNote(undefined);
    try {
      const found = await readOtpFromOutbox();
      if (found) {
        onFound(found);
        setOutboxNote('Filled in from the sandbox outbox.');
      } else {
        setOutboxNote('No passcode for this device in the sandbox outbox yet.');
      }
    } catch (e) {
      setOutboxNote(isPlaygroundError(e) ? e.message : 'The sandbox outbox could not be read.');
    }
  }
  return { outboxNote, readOutbox };
}

/** The OTP is kept only in this field's state: never logged, cleared after a successful activation. */
export function ActivateDeviceForm({ onActivate, readOtpFromOutbox, busy = false, hint }: ActivateDeviceFormProps) {
  const [otp, setOtp] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { outboxNote, readOutbox } = useOutboxReader(readOtpFromOutbox, (found) => {
    setOtp(found);
    setError(undefined);
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await submitOneField('otp', otp, validateOtp, onActivate, setError)) setOtp('');
  }

  return (
    <form className="mfa-inline-form" aria-label="Activate device" onSubmit={submit} noValidate>
      <TextField
        label="OTP"
        value={otp}
        onChange={setOtp}
        error={error}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={8}
        hint={hint ?? 'The 6–8 digit passcode sent to the device.'}
      />
      <div className="mfa-actions">
        <button type="submit" className="btn btn--primary btn--small" disabled={busy}>
          {busy && <Spinner />}
          Activate device
        </button>
        {readOtpFromOutbox && (
          <button type="button" className="btn btn--secondary btn--small" onClick={readOutbox} disabled={busy}>
            Read OTP from sandbox outbox
          </button>
        )}
      </div>
      {outboxNote && (
        <p className="api-muted" role="status">
          {outboxNote}
        </p>
      )}
    </form>
  );
}
