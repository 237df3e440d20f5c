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

/**
 * Holds the form. A field is validated when it loses focus; once it shows an error it is re-validated on every
 * change, so the message goes away as soon as the input is fixed — but the typed text is never replaced.
 */
export function useFlowForm(
  initial: () => { form: FlowForm; sources: FieldSources; numberDrafts?: NumberDrafts | undefined },
  context: (form: FlowForm) => ValidationContext,
): FlowFormState {
  const [start] = useState(initial);
  const [state, setState] = useState(() => ({ form: start.form, sources: start.sources, errors: {} as FieldErrors }));
  const [numberDrafts, setNumberDrafts] = useState<NumberDrafts>(() => start.numberDrafts ?? {});

  function revalidateShown(form: FlowForm, errors: FieldErrors): FieldErrors {
    const next: FieldErrors = {};
    for (const key of Object.keys(errors) as FormField[]) {
      const message = validateField(key, form, context(form));
      if (message) next[key] = message;
    }
    return next;
  }

  function setField<K extends keyof FlowForm>(field: K, value: FlowForm[K], source = 'typed') {
    setState((s) => {
      const form = { ...s.form, [field]: value };
      return { form, sources: { ...s.sources, [field]: source }, errors: revalidateShown(form, s.errors) };
    });
  }

  function setNumberField(field: NumericField, text: string) {
    setNumberDrafts((d) => ({ ...d, [field]: text }));
    const value = parseNumberDraft(text);
    setState((s) => {
      const form = { ...s.form, [field]: value };
      const errors = revalidateShown(form, s.errors);
      return { form, sources: { ...s.sources, [field]: 'typed' }, errors };
    });
  }

  function applyPatches(patches: readonly FormPatch[]) {
    setState((s) => {
      let merged = { form: s.form, sources: s.sources };
      for (const patch of patches) merged = mergePatch(merged.form, merged.sources, patch);
      return { ...merged, errors: revalidateShown(merged.form, s.errors) };
    });
  }

  function touch(field: FormField, ctx?: ValidationContext) {
    setState((s) => {
      const message = validateField(field, s.form, ctx ?? context(s.form));
      const errors = { ...s.errors };
      if (message) errors[field] = message;
      else delete errors[field];
      return { ...s, errors };
    });
  }

  function setFieldError(field: FormField, message: string | undefined) {
    setState((s) => {
      const errors = { ...s.errors };
      if (message) errors[field] = message;
      else delete errors[field];
      return { ...s, errors };
    });
  }

  function validateAll(): FieldErrors {
    const errors = validateFlowForm(state.form, context(state.form));
    setState((s) => ({ ...s, errors }));
    return errors;
  }

  return { ...state, numberDrafts, setField, setNumberField, applyPatches, touch, setFieldError, validateAll };
}
