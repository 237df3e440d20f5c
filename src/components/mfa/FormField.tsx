// A labelled input with its field error linked by aria-describedby, used by the step-4 consoles' small forms.
import { useId, type InputHTMLAttributes } from 'react';
import { FieldError } from '../FieldError';

export interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  /** Visible label and accessible name. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** A short help line under the field. */
  hint?: string;
}

/** `aria-invalid` and the error text make the problem reachable by screen readers, not only by colour. */
export function FormField({ label, value, onChange, error, hint, className, ...inputProps }: FormFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['form-field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      <input
        {...inputProps}
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint && (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
