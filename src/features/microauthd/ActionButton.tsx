// A console button: disabled while any call runs, with a spinner on the one that is running.
import { Spinner } from '../../components/Spinner';
import type { ConsoleAction } from './useConsoleRun';

export interface ActionButtonProps {
  action: ConsoleAction;
  label: string;
  busy: ConsoleAction | null;
  onClick: () => void;
  variant?: string;
}

export function ActionButton({ action, label, busy, onClick, variant = 'btn--secondary' }: ActionButtonProps) {
  return (
    <button type="button" className={`btn ${variant}`} onClick={onClick} disabled={busy !== null}>
      {busy === action && <Spinner />}
      {label}
    </button>
  );
}
