// Validating the form: one field in the context of the whole form (on blur), or every field (on submit).
import type { ValidationContext } from './flowFormContext';
import { FIELD_LABELS, formFieldsOf, type FieldErrors, type FormField } from './flowFormFields';
import { FIELD_MAX_LENGTH, MAX_SCOPE_LENGTH, MAX_SCOPES } from './flowFormLimits';
import { CLIENT_ID_TOO_LONG, schemaFor } from './flowFormRules';
import type { FlowForm } from './flowTypes';
import { providerFieldKeyOf, validateProviderField } from './hostedFields';

/** The field's length limit broken, as the message to show; the same limits decide what the progress store keeps. */
function lengthProblem(field: FormField, form: FlowForm): string | undefined {
  if (field === 'scopes') {
    const tooLong = form.scopes.some((s) => s.length > MAX_SCOPE_LENGTH);
    return form.scopes.length > MAX_SCOPES || tooLong ? `Scopes: at most ${MAX_SCOPES}, each at most ${MAX_SCOPE_LENGTH} characters.` : undefined;
  }
  if (!(field in FIELD_MAX_LENGTH)) return undefined;
  const max = FIELD_MAX_LENGTH[field as keyof typeof FIELD_MAX_LENGTH];
  if (String(form[field as keyof FlowForm]).length <= max) return undefined;
  return field === 'clientId' ? CLIENT_ID_TOO_LONG : `${FIELD_LABELS[field]} is longer than ${max} characters.`;
}

function valueOf(field: FormField, form: FlowForm, ctx: ValidationContext): unknown {
  if (field === 'clientSecret') return ctx.secret;
  if (field === 'privateKey') return form.keyRef;
  const rowKey = providerFieldKeyOf(field);
  return rowKey === undefined ? form[field as keyof FlowForm] : form.providerFields[rowKey];
}

/** Validates one field in the context of the whole form; returns the message to show, or undefined. */
export function validateField(field: FormField, form: FlowForm, ctx: ValidationContext): string | undefined {
  const rowKey = providerFieldKeyOf(field);
  if (rowKey !== undefined) return validateProviderField(form, rowKey);
  const tooLong = lengthProblem(field, form);
  if (tooLong) return tooLong;
  const schema = schemaFor(field, form, ctx);
  if (!schema) return undefined;
  const result = schema.safeParse(valueOf(field, form, ctx));
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'This value is not valid.');
}

/** Validates the whole form (on submit). */
export function validateFlowForm(form: FlowForm, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of formFieldsOf(form)) {
    const message = validateField(field, form, ctx);
    if (message) errors[field] = message;
  }
  return errors;
}
