// One labelled form field: exact label, where the value came from, an optional hint and its field-level error.
import type { ReactNode } from 'react';
import { FieldError } from './FieldError';
import { SourceBadge } from './SourceBadge';

/** The attributes a field's control needs so its label, hint and error are announced with it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export interface FormFieldProps {
  id: string;
  /** The accessible name, exactly (tests and people find fields by it). */
  label: string;
  source?: string | undefined;
  hint?: ReactNode;
  error?: string | undefined;
  /** Extra content after the label row (e.g. a button next to the control). */
  children: (control: FieldControlProps) => ReactNode;
  className?: string;
}

/** The badge sits outside the <label> so the label's text (the accessible name) stays exact. */
export function FormField({ id, label, source, hint, error, children, className }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['cc-field', className].filter(Boolean).join(' ')}>
      <div className="cc-field__label-row">
        <label htmlFor={id} className="cc-field__label">
          {label}
        </label>
        <SourceBadge source={source} />
      </div>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      <FieldError id={`${id}-error`} message={error} />
      {hint && (
        <p id={hintId} className="cc-field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
