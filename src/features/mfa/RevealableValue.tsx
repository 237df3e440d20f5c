// A secret-ish value (TOTP key URI, pairing key) masked until the user asks to see it, with a copy button.
import { useId, useState } from 'react';
import { MASK } from '../../utils/mask';
import { CopyButton } from '../../components/CopyButton';

export interface RevealableValueProps {
  /** Visible label, also used in the buttons' names ("Show key URI", "Copy key URI"). */
  label: string;
  value: string;
}

/** Masked by default (a TOTP secret or pairing key on screen is a credential); the copy button reads the value only when clicked. */
export function RevealableValue({ label, value }: RevealableValueProps) {
  const [shown, setShown] = useState(false);
  const id = useId();
  return (
    <div className="revealable">
      <span id={id} className="form-field__label">
        {label}
      </span>
      <code className="revealable__value" aria-labelledby={id}>
        {shown ? value : MASK.repeat(12)}
      </code>
      <span className="mfa-actions">
        <button type="button" className="btn btn--secondary btn--small" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
          {shown ? `Hide ${label}` : `Show ${label}`}
        </button>
        <CopyButton text={() => value} label={`Copy ${label}`} className="btn btn--secondary btn--small" />
      </span>
    </div>
  );
}
