// Turns a failed call into per-field messages: InputError names its field; a PingOne 400 names it in details[].target.
import { PingOneApiError } from '../../services/pingone/apiError';
import { InputError } from '../../utils/errors';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** `body.phone`, `phone` and `devices[0].phone` all name the `phone` field. */
function fieldOf(target: string): string {
  return target.split(/[.[\]]/).filter(Boolean).pop() ?? target;
}

/**
 * The messages for `fields` carried by `error`: the InputError's field (checked before any request), or the
 * `details[].message` of a PingOne 400 whose `target` is one of the fields. Empty when none applies.
 */
export function fieldErrorsFrom<F extends string>(error: unknown, fields: readonly F[]): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  const known = (name: string | undefined): name is F => name !== undefined && (fields as readonly string[]).includes(name);
  if (error instanceof InputError && known(error.field)) out[error.field] = error.message;
  if (error instanceof PingOneApiError && error.status === 400) {
    for (const detail of error.details) {
      const field = detail.target ? fieldOf(detail.target) : undefined;
      if (known(field) && detail.message && out[field] === undefined) out[field] = detail.message;
    }
  }
  return out;
}

/** Runs `check` and returns its InputError message, so a form can validate every field at once. */
export function messageOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}

/**
 * A one-field form's submit: `check` the value (its InputError shows and nothing is sent), then `send` it
 * trimmed; a rejection naming `field` shows next to it. Resolves true once sent.
 */
export async function submitOneField<F extends string>(
  field: F,
  value: string,
  check: (value: string) => unknown,
  send: (value: string) => Promise<void>,
  setError: (message: string | undefined) => void,
): Promise<boolean> {
  const problem = messageOf(() => check(value));
  setError(problem);
  if (problem) return false;
  try {
    await send(value.trim());
    return true;
  } catch (e) {
    setError(fieldErrorsFrom(e, [field])[field]);
    return false;
  }
}
