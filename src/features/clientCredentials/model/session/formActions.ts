// Step 1's form in the session: values as typed, where each came from, and field-level errors (on blur, on submit).
// A field is validated when it loses focus; once it shows an error it is re-validated on every change, so the
// message goes away as soon as the input is fixed — but the typed text is never replaced.
import { parseNumberDraft, validateField, validateFlowForm, type FieldErrors, type FormField, type NumericField, type ValidationContext } from '../flowFormSchema';
import type { FlowForm } from '../flowTypes';
import { mergePatch, type FormPatch } from '../providerPresets';
import { validationContextOf, type SessionContext } from './sessionContext';
import type { FlowSessionState } from './sessionState';

export interface FormActions {
  setField<K extends keyof FlowForm>(field: K, value: FlowForm[K], source?: string): void;
  setNumberField(field: NumericField, text: string): void;
  applyPatches(patches: readonly FormPatch[]): void;
  /** Validates one field now (on blur). */
  touch(field: FormField): void;
  setFieldError(field: FormField, message: string | undefined): void;
  /** Validates every field (on submit); returns the errors, also shown. */
  validateAll(): FieldErrors;
  setActiveIndex(index: number): void;
}

/** Re-checks only the fields already showing an error, so typing never raises a new one before blur. */
function revalidateShown(form: FlowForm, errors: FieldErrors, ctx: ValidationContext): FieldErrors {
  const next: FieldErrors = {};
  for (const key of Object.keys(errors) as FormField[]) {
    const message = validateField(key, form, ctx);
    if (message) next[key] = message;
  }
  return next;
}

function sameErrors(a: FieldErrors, b: FieldErrors): boolean {
  const keys = Object.keys(a) as FormField[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export function withFieldError(errors: FieldErrors, field: FormField, message: string | undefined): FieldErrors {
  if (errors[field] === message) return errors;
  const next = { ...errors };
  if (message) next[field] = message;
  else delete next[field];
  return next;
}

/** The state after `patches`, with the shown errors re-checked against the new values. */
export function patched(s: FlowSessionState, patches: readonly FormPatch[], ctx: SessionContext): FlowSessionState {
  let merged = { form: s.form, sources: s.sources };
  for (const patch of patches) merged = mergePatch(merged.form, merged.sources, patch);
  const next = { ...s, ...merged };
  return { ...next, errors: revalidateShown(next.form, s.errors, validationContextOf(next, ctx)) };
}

/** Re-checks the shown errors after a change outside the form (a secret typed, a key loaded). */
export function revalidated(s: FlowSessionState, ctx: SessionContext): FlowSessionState {
  const errors = revalidateShown(s.form, s.errors, validationContextOf(s, ctx));
  return sameErrors(errors, s.errors) ? s : { ...s, errors };
}

export function formActions(ctx: SessionContext): FormActions {
  const { store } = ctx;
  const apply = (patches: readonly FormPatch[]) => store.update((s) => patched(s, patches, ctx));
  const setFieldError = (field: FormField, message: string | undefined) => ctx.set('errors', (errors) => withFieldError(errors, field, message));
  return {
    setField: (field, value, source = 'typed') => apply([{ values: { [field]: value }, source }]),
    setNumberField(field, text) {
      store.update((s) => patched({ ...s, numberDrafts: { ...s.numberDrafts, [field]: text } }, [{ values: { [field]: parseNumberDraft(text) }, source: 'typed' }], ctx));
    },
    applyPatches: apply,
    touch(field) {
      const s = ctx.get();
      setFieldError(field, validateField(field, s.form, validationContextOf(s, ctx)));
    },
    setFieldError,
    validateAll() {
      const s = ctx.get();
      const errors = validateFlowForm(s.form, validationContextOf(s, ctx));
      // A valid form keeps the same errors object, so pressing Get token does not re-render step 1's error slots.
      ctx.set('errors', (current) => (sameErrors(current, errors) ? current : errors));
      return errors;
    },
    setActiveIndex: (index) => ctx.set('activeIndex', index),
  };
}
