// The form's stored shape (zod), which share links, the progress store and profiles read, and the entry the rest of
// the app imports the form's model from. Each concept lives in its own file next to this one:
//   flowFormFields.ts     field names, labels, screen order, input ids
//   flowFormDefaults.ts   the form before anything fills it
//   flowFormLimits.ts     length limits of fields and secrets
//   flowFormNumbers.ts    the advanced number fields and their drafts as typed
//   flowFormContext.ts    what validation needs besides the form
//   flowFormRules.ts      each field's rule and message, chosen by provider and method (built on first use)
//   flowFormValidation.ts one field, or the whole form, validated
import * as z from '../../../utils/zod';
import { PROVIDER_IDS } from '../../../config/providerBasics';
import { AUTH_METHODS, SIGNING_ALGS } from '../../../types/token';
import { ASSERTION_AUDIENCES, ASSERTION_TYPS } from '../../../utils/oauth/assertionAudience';
import { validateResource } from '../../../utils/oauth/body';
import { isSafeIdentifierText } from '../../../utils/textSafety';
import { FIELD_MAX_LENGTH, MAX_SCOPE_LENGTH, MAX_SCOPES } from './flowFormLimits';
import type { FlowForm } from './flowTypes';
import { MAX_PROVIDER_FIELDS, PROVIDER_FIELD_KEY, PROVIDER_FIELD_MAX_LENGTH } from './hostedFields';

export type { ValidationContext } from './flowFormContext';
export { DEFAULT_FLOW_FORM } from './flowFormDefaults';
export { FIELD_LABELS, fieldId, FORM_FIELDS, formFieldOf, formFieldsOf, type FieldErrors, type FormField } from './flowFormFields';
export { FIELD_MAX_LENGTH, MAX_CLIENT_SECRET_LENGTH, MAX_SCOPE_LENGTH, MAX_SCOPES, MIN_HS256_SECRET_LENGTH } from './flowFormLimits';
export { MAX_NUMBER_DRAFT_LENGTH, NUMERIC_FIELDS, parseNumberDraft, type NumberDrafts, type NumericField } from './flowFormNumbers';
export { SECRET_METHODS } from './flowFormRules';
export { validateField, validateFlowForm } from './flowFormValidation';

const text = (field: keyof typeof FIELD_MAX_LENGTH, ...more: Array<z.core.$ZodCheck<string>>) => z.string().check(z.maxLength(FIELD_MAX_LENGTH[field]), ...more);
/** An identifier field's stored shape: its limit, and none of the characters textSafety.ts refuses. */
const identifier = (field: keyof typeof FIELD_MAX_LENGTH) => text(field, z.refine(isSafeIdentifierText));
const resourceShape = () => text('resource', z.refine((v) => v.trim() === '' || isValidResource(v)));

function isValidResource(value: string): boolean {
  try {
    validateResource(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Each FlowForm field's shape (types, the limits above, and for identifiers the character rule), for share links
 * and the progress store: what a field refuses when typed, a link or stored progress cannot plant either. Built on
 * first use, not at import (issue 24: the flow chunk's evaluation is a long task of the page load; see lazySchema).
 */
export const flowFormShape = z.lazySchema(() => ({
  provider: z.enum(PROVIDER_IDS),
  environmentId: text('environmentId'),
  region: text('region'),
  issuerOrDiscoveryUrl: text('issuerOrDiscoveryUrl'),
  tokenEndpoint: text('tokenEndpoint'),
  issuer: text('issuer'),
  jwksUri: text('jwksUri'),
  clientId: identifier('clientId'),
  authMethod: z.enum(AUTH_METHODS),
  keyRef: text('keyRef'),
  kid: identifier('kid'),
  signingAlg: z.enum(SIGNING_ALGS),
  scopes: z.array(z.string().check(z.maxLength(MAX_SCOPE_LENGTH))).check(z.maxLength(MAX_SCOPES)),
  audience: identifier('audience'),
  resource: resourceShape(),
  proactiveRefreshSeconds: z.number(),
  assertionLifetimeSeconds: z.number(),
  clockSkewSeconds: z.number(),
  viaRelay: z.boolean(),
  dpop: z.boolean(),
  mtlsCertRef: text('mtlsCertRef'),
  mtlsKeyRef: text('mtlsKeyRef'),
  mtlsCaRef: text('mtlsCaRef'),
  mtlsTokenEndpoint: text('mtlsTokenEndpoint'),
  assertionAudience: z.enum(ASSERTION_AUDIENCES),
  assertionTyp: z.enum(ASSERTION_TYPS),
  introspectionEndpoint: text('introspectionEndpoint'),
  revocationEndpoint: text('revocationEndpoint'),
  // Keys are the rows' identifiers (a crafted link cannot add `__proto__` or a thousand members).
  providerFields: z.record(z.string().check(z.regex(PROVIDER_FIELD_KEY)), z.string().check(z.maxLength(PROVIDER_FIELD_MAX_LENGTH)))
    .check(z.refine((fields) => Object.keys(fields).length <= MAX_PROVIDER_FIELDS)),
  certificateHeader: z.enum(['x5t#S256', 'x5t', 'both']),
}) satisfies Record<keyof FlowForm, z.ZodMiniType>);

/** The whole form's shape. */
export const flowFormSchema = z.lazySchema(() => z.object(flowFormShape()));

/**
 * The fields of `source` that their own rule in flowFormShape accepts, each checked on its own so that one bad value
 * never spoils the rest; every other field `source` holds (not undefined) is handed to `refused`. What a profile keeps
 * and what a progress save writes.
 */
export function fieldsPassingTheirRules(source: object, refused: (field: keyof FlowForm) => void = () => undefined): Partial<FlowForm> {
  const shape = flowFormShape();
  const values = source as Readonly<Record<string, unknown>>;
  const passed: Record<string, unknown> = {};
  for (const field of Object.keys(shape) as Array<keyof FlowForm>) {
    if (!Object.hasOwn(values, field) || values[field] === undefined) continue;
    const valid = shape[field].safeParse(values[field]);
    if (valid.success) passed[field] = valid.data;
    else refused(field);
  }
  return passed as Partial<FlowForm>;
}
