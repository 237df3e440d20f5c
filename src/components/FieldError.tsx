// The message under a form field when its value is invalid; linked to the field by id (aria-describedby).
import './formControls.css';
import { IconWarning } from './icons/statusIcons';

export interface FieldErrorProps {
  /** The id the field's aria-describedby / aria-errormessage points at. */
  id: string;
  message?: string | undefined;
}

/** Renders nothing when there is no message, so the field's description stays quiet. */
export function FieldError({ id, message }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" aria-live="polite">
      <IconWarning />{' '}
      {message}
    </p>
  );
}
