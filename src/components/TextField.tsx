// A labelled text input for the step-4 consoles' small forms: the shared FormField around a plain <input>.
import { useId, type InputHTMLAttributes } from 'react';
import { FormField } from './FormField';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  /** Visible label and accessible name. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** A short help line under the field. */
  hint?: string;
}

/** `aria-invalid` and the error text make the problem reachable by screen readers, not only by colour. */
export function TextField({ label, value, onChange, error, hint, className, ...inputProps }: TextFieldProps) {
  const id = useId();
  return (
    <FormField id={id} label={label} error={error} hint={hint} className={['form-field', className].filter(Boolean).join(' ')}>
      {(control) => <input {...inputProps} {...control} className="input" value={value} onChange={(e) => onChange(e.target.value)} />}
    </FormField>
  );
}
