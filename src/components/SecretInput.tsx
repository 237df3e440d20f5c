// A masked input (type=password) with a Show/Hide toggle, for client secrets and other credentials.
import { useState, type InputHTMLAttributes } from 'react';
import './formControls.css';

export interface SecretInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  id: string;
  /** Names what is revealed, for the toggle's accessible name: "Show client secret". */
  revealName?: string;
}

/**
 * Masked by default. Autocomplete and spell-check are off so browsers neither store nor send the value to a
 * spelling service; the value is never rendered anywhere but the input itself.
 */
export function SecretInput({ id, revealName = 'secret', className, ...inputProps }: SecretInputProps) {
  const [shown, setShown] = useState(false);
  return (
    <span className="secret-input">
      <input
        {...inputProps}
        id={id}
        type={shown ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        className={['input', className].filter(Boolean).join(' ')}
      />
      <button
        type="button"
        className="btn btn--secondary btn--small"
        aria-controls={id}
        aria-pressed={shown}
        aria-label={`${shown ? 'Hide' : 'Show'} ${revealName}`}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? 'Hide' : 'Show'}
      </button>
    </span>
  );
}
