// One microauthd console call at a time: what is running, the per-field errors, the failure card and the result.
import { useState } from 'react';
import { MicroauthdApiError } from '../../services/microauthd/errors';
import { InputError } from '../../utils/errors';

export type ConsoleAction = 'list' | 'read' | 'provision' | 'reset' | 'deactivate';
export type ConsoleField = 'id' | 'new_password' | 'username' | 'email' | 'password';
export type ConsoleFieldErrors = Partial<Record<ConsoleField, string>>;
export type ConsoleRun = (action: ConsoleAction, title: string, call: () => Promise<unknown>) => Promise<void>;

const FIELDS: readonly ConsoleField[] = ['id', 'new_password', 'username', 'email', 'password'];

function fieldError(error: unknown): ConsoleFieldErrors {
  const field = error instanceof InputError || error instanceof MicroauthdApiError ? error.field : undefined;
  return field && (FIELDS as readonly string[]).includes(field) ? { [field]: error instanceof Error ? error.message : '' } : {};
}

/**
 * `run` clears the previous outcome, then shows the call's result, or puts a named field's error next to that
 * field; anything else (and a server error naming a field) also gets the failure card.
 */
export function useConsoleRun() {
  const [errors, setErrors] = useState<ConsoleFieldErrors>({});
  const [busy, setBusy] = useState<ConsoleAction | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<{ title: string; value: unknown } | undefined>();

  const run: ConsoleRun = async (action, title, call) => {
    setBusy(action);
    setErrors({});
    setFailure(null);
    setResult(undefined);
    try {
      const value = await call();
      if (value !== undefined) setResult({ title, value });
    } catch (error) {
      const byField = fieldError(error);
      setErrors(byField);
      if (Object.keys(byField).length === 0 || !(error instanceof InputError)) setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return { errors, busy, failure, result, run };
}
