// Form state for step 1: values as typed, where each came from, and field-level errors (on blur and on submit).
import { useState } from 'react';
import { parseNumberDraft, validateField, validateFlowForm, type FieldErrors, type FormField, type NumberDrafts, type NumericField, type ValidationContext } from '../model/flowFormSchema';
import type { FlowForm } from '../model/flowTypes';
import { mergePatch, type FieldSources, type FormPatch } from '../model/providerPresets';

export type { NumericField } from '../model/flowFormSchema';

export interface FlowFormState {
  form: FlowForm;
  sources: FieldSources;
  errors: FieldErrors;
  /** Text of number inputs as typed (so "12a" stays on screen with its error instead of becoming NaN). */
  numberDrafts: NumberDrafts;
  setField<K extends keyof FlowForm>(field: K, value: FlowForm[K], source?: string): void;
  setNumberField(field: NumericField, text: string): void;
  applyPatches(patches: readonly FormPatch[]): void;
  /** Validates one field now (on blur); `ctx` overrides the context for values not yet rendered (a new secret). */
  touch(field: FormField, ctx?: ValidationContext): void;
  setFieldError(field: FormField, message: string | undefined): void;
  /** Validates every field (on submit); returns the errors, also shown. */
  validateAll(): FieldErrors;
}

type FormState = { form: FlowForm; sources: FieldSources; errors: FieldErrors };
type Context = (form: FlowForm) => ValidationContext;

/** Re-checks only the fields already showing an error, so typing never raises a new one before blur. */
function revalidateShown(form: FlowForm, errors: FieldErrors, context: Context): FieldErrors {
  const next: FieldErrors = {};
  for (const key of Object.keys(errors) as FormField[]) {
    const message = validateField(key, form, context(form));
    if (message) next[key] = message;
  }
  return next;
}

function sameErrors(a: FieldErrors, b: FieldErrors): boolean {
  const keys = Object.keys(a) as FormField[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function withFieldError(errors: FieldErrors, field: FormField, message: string | undefined): FieldErrors {
  const next = { ...errors };
  if (message) next[field] = message;
  else delete next[field];
  return next;
}

function withValue(s: FormState, field: keyof FlowForm, value: unknown, source: string, context: Context): FormState {
  const form = { ...s.form, [field]: value };
  return { form, sources: { ...s.sources, [field]: source }, errors: revalidateShown(form, s.errors, context) };
}

function withPatches(s: FormState, patches: readonly FormPatch[], context: Context): FormState {
  let merged = { form: s.form, sources: s.sources };
  for (const patch of patches) merged = mergePatch(merged.form, merged.sources, patch);
  return { ...merged, errors: revalidateShown(merged.form, s.errors, context) };
}

/**
 * Holds the form. A field is validated when it loses focus; once it shows an error it is re-validated on every
 * change, so the message goes away as soon as the input is fixed — but the typed text is never replaced.
 */
export function useFlowForm(
  initial: () => { form: FlowForm; sources: FieldSources; numberDrafts?: NumberDrafts | undefined },
  context: Context,
): FlowFormState {
  const [start] = useState(initial);
  const [state, setState] = useState<FormState>(() => ({ form: start.form, sources: start.sources, errors: {} }));
  const [numberDrafts, setNumberDrafts] = useState<NumberDrafts>(() => start.numberDrafts ?? {});

  function setField<K extends keyof FlowForm>(field: K, value: FlowForm[K], source = 'typed') {
    setState((s) => withValue(s, field, value, source, context));
  }

  function setNumberField(field: NumericField, text: string) {
    setNumberDrafts((d) => ({ ...d, [field]: text }));
    const value = parseNumberDraft(text);
    setState((s) => withValue(s, field, value, 'typed', context));
  }

  function touch(field: FormField, ctx?: ValidationContext) {
    setState((s) => ({ ...s, errors: withFieldError(s.errors, field, validateField(field, s.form, ctx ?? context(s.form))) }));
  }

  function validateAll(): FieldErrors {
    const errors = validateFlowForm(state.form, context(state.form));
    // A valid form stays the same state object, so pressing Get token does not re-render step 1's error slots.
    setState((s) => (sameErrors(s.errors, errors) ? s : { ...s, errors }));
    return errors;
  }

  return {
    ...state,
    numberDrafts,
    setField,
    setNumberField,
    applyPatches: (patches) => setState((s) => withPatches(s, patches, context)),
    touch,
    setFieldError: (field, message) => setState((s) => ({ ...s, errors: withFieldError(s.errors, field, message) })),
    validateAll,
  };
}
