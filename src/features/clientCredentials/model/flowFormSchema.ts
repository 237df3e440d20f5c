// Field-level validation of the Client Credentials form (zod), with messages written for the person typing.
import { z } from '../../../utils/zod';
import { validateEnvironmentId } from '../../../config/pingone';
import { DEFAULT_PINGONE_REGION, PINGONE_REGION_IDS } from '../../../config/pingoneRegions';
import { DEFAULT_ASSERTION_LIFETIME_SECONDS, DEFAULT_AUTH_METHOD, DEFAULT_CLOCK_SKEW_SECONDS, DEFAULT_PROACTIVE_REFRESH_SECONDS, DEFAULT_SIGNING_ALG, MAX_ASSERTION_LIFETIME_SECONDS, MAX_CLOCK_SKEW_SECONDS } from '../../../config/defaults';
import { PROVIDER_IDS } from '../../../config/providerBasics';
import { PROVIDERS as PROVIDER_TABLE } from '../../../config/providers';
import { AUTH_METHODS, isMtlsAuthMethod, SIGNING_ALGS } from '../../../types/token';
import { ASSERTION_AUDIENCES, ASSERTION_TYPS, DEFAULT_ASSERTION_AUDIENCE, DEFAULT_ASSERTION_TYP } from '../../../utils/oauth/assertionAudience';
import { MTLS_NEEDS_RELAY } from '../../../utils/relayRoute';
import { isPlaygroundError } from '../../../utils/errors';
import { validateAudience, validateResource, validateScopes } from '../../../utils/oauth/body';
import { isSafeIdentifierText, unsafeCharMessage } from '../../../utils/textSafety';
import { validateEndpointUrl } from '../../../utils/urlValidation';
import type { FlowForm } from './flowTypes';
import { MAX_PROVIDER_FIELDS, PROVIDER_FIELD_KEY, PROVIDER_FIELD_MAX_LENGTH, providerFieldKeyOf, providerFieldRefsOf, requiredParameterOf, validateProviderField, type ProviderFieldRef } from './hostedFields';

/**
 * A form field, including the two whose values never enter FlowForm (they live in the credential manager) and a
 * hosted provider row's own fields (`providerFields.tenant`…).
 */
export type FormField = keyof FlowForm | 'clientSecret' | 'privateKey' | ProviderFieldRef;
export type FieldErrors = Partial<Record<FormField, string>>;

/** Values validation needs that are not in FlowForm. */
export interface ValidationContext {
  secret: string;
  /** whether the key named by `keyRef` is loaded */
  hasKey: boolean;
  /** whether the relay holds a pasted client certificate (then no file names are needed) */
  hasMtlsCredential?: boolean;
}

export const SECRET_METHODS: readonly string[] = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt'];
/** HS256 keys must be at least as long as the hash output: 256 bits (RFC 7518 §3.2). */
export const MIN_HS256_SECRET_LENGTH = 32;
/**
 * The longest client secret accepted. Providers issue 32–64 characters (PingOne, Auth0, Okta, Keycloak), so 1024 is
 * generous; a 100 KB secret made a 133 KB Basic header, answered 431. Even at 1024 characters, each
 * percent-encoded (RFC 6749 §2.3.1) and then base64-encoded, the header stays under half of Node's default 16 KiB
 * limit for all headers together, leaving room for the rest (a DPoP proof, cookies).
 * @see https://nodejs.org/api/http.html#httpmaxheadersize
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export const MAX_CLIENT_SECRET_LENGTH = 1024;

export const DEFAULT_FLOW_FORM: FlowForm = Object.freeze({
  provider: 'sandbox',
  environmentId: '',
  region: DEFAULT_PINGONE_REGION,
  issuerOrDiscoveryUrl: '',
  tokenEndpoint: '',
  issuer: '',
  jwksUri: '',
  clientId: '',
  authMethod: DEFAULT_AUTH_METHOD,
  keyRef: '',
  kid: '',
  signingAlg: DEFAULT_SIGNING_ALG,
  scopes: [],
  audience: '',
  resource: '',
  proactiveRefreshSeconds: DEFAULT_PROACTIVE_REFRESH_SECONDS,
  assertionLifetimeSeconds: DEFAULT_ASSERTION_LIFETIME_SECONDS,
  clockSkewSeconds: DEFAULT_CLOCK_SKEW_SECONDS,
  viaRelay: false,
  dpop: false,
  mtlsCertRef: '',
  mtlsKeyRef: '',
  mtlsCaRef: '',
  mtlsTokenEndpoint: '',
  assertionAudience: DEFAULT_ASSERTION_AUDIENCE,
  assertionTyp: DEFAULT_ASSERTION_TYP,
  introspectionEndpoint: '',
  revocationEndpoint: '',
  providerFields: {},
  certificateHeader: 'x5t#S256',
}) as FlowForm;

/**
 * The longest value each text field accepts. The field checks and the progress store both read this table, so
 * whatever a field accepts survives a reload, and what it refuses is refused with a message, never dropped silently.
 */
export const FIELD_MAX_LENGTH = {
  environmentId: 200,
  region: 10,
  issuerOrDiscoveryUrl: 8192,
  tokenEndpoint: 8192,
  issuer: 8192,
  jwksUri: 8192,
  clientId: 256,
  keyRef: 256,
  kid: 256,
  audience: 8192,
  resource: 8192,
  mtlsCertRef: 256,
  mtlsKeyRef: 256,
  mtlsCaRef: 256,
  mtlsTokenEndpoint: 8192,
  introspectionEndpoint: 8192,
  revocationEndpoint: 8192,
} as const satisfies Partial<Record<keyof FlowForm, number>>;
export const MAX_SCOPES = 100;
export const MAX_SCOPE_LENGTH = 256;
/** The text of an advanced number field as typed (kept as typed so "1e3" never comes back as 1000). */
export const MAX_NUMBER_DRAFT_LENGTH = 32;

export const NUMERIC_FIELDS = ['proactiveRefreshSeconds', 'assertionLifetimeSeconds', 'clockSkewSeconds'] as const satisfies ReadonlyArray<keyof FlowForm>;
export type NumericField = (typeof NUMERIC_FIELDS)[number];
export type NumberDrafts = Partial<Record<NumericField, string>>;

/** The number a typed draft stands for: NaN while it is empty or not a number (the field then shows its error). */
export function parseNumberDraft(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** How a person reads each field's name in messages (the labels of step 1). */
export const FIELD_LABELS: Record<FormField, string> = {
  provider: 'Provider', environmentId: 'Environment ID', region: 'Region', issuerOrDiscoveryUrl: 'Issuer or discovery URL',
  tokenEndpoint: 'Token endpoint', issuer: 'Issuer', jwksUri: 'JWKS URI', clientId: 'Client ID', authMethod: 'Authentication method',
  keyRef: 'Key to sign with', kid: 'Key ID (kid)', signingAlg: 'Signing algorithm', scopes: 'Scopes', audience: 'Audience',
  resource: 'Resource', proactiveRefreshSeconds: 'Proactive refresh', assertionLifetimeSeconds: 'Assertion lifetime',
  clockSkewSeconds: 'Clock-skew tolerance', clientSecret: 'Client secret', privateKey: 'Private key',
  viaRelay: 'Send through the local relay', dpop: 'Bind the token with DPoP', mtlsCertRef: 'Client certificate file', mtlsKeyRef: 'Client key file',
  mtlsCaRef: 'Server CA file', mtlsTokenEndpoint: 'mTLS token endpoint', assertionAudience: 'Assertion audience',
  assertionTyp: 'Send the typ header', introspectionEndpoint: 'Introspection endpoint', revocationEndpoint: 'Revocation endpoint',
  providerFields: 'Provider fields',
  certificateHeader: 'Certificate thumbprint header',
};

const text = (field: keyof typeof FIELD_MAX_LENGTH) => z.string().max(FIELD_MAX_LENGTH[field]);
/** An identifier field's stored shape: its limit, and none of the characters textSafety.ts refuses. */
const identifier = (field: keyof typeof FIELD_MAX_LENGTH) => text(field).refine(isSafeIdentifierText);
const resourceShape = text('resource').refine((v) => v.trim() === '' || isValidResource(v));

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
 * and the progress store: what a field refuses when typed, a link or stored progress cannot plant either.
 */
export const flowFormShape = {
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
  scopes: z.array(z.string().max(MAX_SCOPE_LENGTH)).max(MAX_SCOPES),
  audience: identifier('audience'),
  resource: resourceShape,
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
  providerFields: z.record(z.string().regex(PROVIDER_FIELD_KEY), z.string().max(PROVIDER_FIELD_MAX_LENGTH))
    .refine((fields) => Object.keys(fields).length <= MAX_PROVIDER_FIELDS),
  certificateHeader: z.enum(['x5t#S256', 'x5t', 'both']),
} satisfies Record<keyof FlowForm, z.ZodType>;

/** The whole form's shape. */
export const flowFormSchema = z.object(flowFormShape);

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

/** Refuses controls, bidirectional controls and invisible characters, naming the one found (textSafety.ts). */
const safeText = (label: string) =>
  z.string().superRefine((value, ctx) => {
    const message = unsafeCharMessage(label, value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

/** A zod schema that runs a core validator throwing InputError and reports its message. */
function fromValidator<T>(check: (value: T) => unknown) {
  return z.custom<T>().superRefine((value, ctx) => {
    try {
      check(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: isPlaygroundError(error) ? error.message : 'This value is not valid.' });
    }
  });
}

const wholeSeconds = (min: number, max: number, what: string) =>
  z.number({ error: `${what} must be a number.` })
    .int(`${what} must be a whole number of seconds.`)
    .min(min, `${what} must be at least ${min} s.`)
    .max(max, `${what} must be at most ${max} s.`);

const CLIENT_ID_TOO_LONG = `Client ID is longer than ${FIELD_MAX_LENGTH.clientId} characters; check that you pasted the ID, not a secret or key.`;

// The character rule sees the value as typed, before trim() (which would hide a leading U+FEFF).
const clientIdSchema = safeText('Client ID')
  .trim()
  .min(1, 'Client ID is required: copy it from the application in your provider.')
  .max(FIELD_MAX_LENGTH.clientId, CLIENT_ID_TOO_LONG);

const SECRET_TOO_LONG =
  `Client secret is longer than ${MAX_CLIENT_SECRET_LENGTH} characters: check that you pasted the secret, not a key or ` +
  'a token. Sent in a Basic header, a secret that long outgrows servers’ header limits (the server answers 431).';

/** The schemas that depend on nothing but the field, built on first use and then reused for every check. */
function buildFixedSchemas() {
  return {
    environmentId: fromValidator(validateEnvironmentId),
    region: z.enum(PINGONE_REGION_IDS, { error: 'Choose a PingOne region.' }),
    issuerOrDiscoveryUrl: fromValidator((v: string) => validateEndpointUrl(v, 'Issuer or discovery URL')),
    tokenEndpoint: fromValidator((v: string) => validateEndpointUrl(v, 'Token endpoint')),
    // Typed by hand, so held to the token endpoint's rules (https, or http on loopback; no credentials in the URL).
    introspectionEndpoint: fromValidator((v: string) => validateEndpointUrl(v, 'Introspection endpoint')),
    revocationEndpoint: fromValidator((v: string) => validateEndpointUrl(v, 'Revocation endpoint')),
    clientId: clientIdSchema,
    hs256Secret: z.string()
      .min(MIN_HS256_SECRET_LENGTH, `client_secret_jwt signs with HS256, which needs a secret of at least ${MIN_HS256_SECRET_LENGTH} characters (RFC 7518 §3.2).`)
      .max(MAX_CLIENT_SECRET_LENGTH, SECRET_TOO_LONG),
    secret: z.string().min(1, 'Client secret is required for this authentication method.').max(MAX_CLIENT_SECRET_LENGTH, SECRET_TOO_LONG),
    noKey: z.never({ error: 'private_key_jwt needs a key: generate a key pair or import one.' }),
    kid: safeText('Key ID (kid)').trim().min(1, 'Key ID (kid) is required so the server can find your public key.'),
    signingAlg: z.enum(SIGNING_ALGS, { error: 'Choose ES256, RS256 or PS256.' }),
    scopes: fromValidator((v: string[]) => validateScopes(v)),
    audience: fromValidator((v: string) => validateAudience(v)),
    resource: fromValidator((v: string) => validateResource(v)),
    proactiveRefreshSeconds: wholeSeconds(0, 3600, 'Proactive refresh'),
    assertionLifetimeSeconds: wholeSeconds(1, MAX_ASSERTION_LIFETIME_SECONDS, 'Assertion lifetime'),
    clockSkewSeconds: wholeSeconds(0, MAX_CLOCK_SKEW_SECONDS, 'Clock-skew tolerance'),
    needsRelay: z.literal(true, { error: `${MTLS_NEEDS_RELAY} Tick “Send through the local relay”.` }),
    certificateFile: z.string().trim().min(1, 'Name the PEM file in the relay’s certs directory, or paste a certificate and key below.'),
  };
}

let fixedSchemas: ReturnType<typeof buildFixedSchemas> | undefined;
const authMethodSchemas = new Map<FlowForm['provider'], z.ZodType>();

/** The provider's accepted methods, one schema per provider. */
function authMethodSchema(provider: FlowForm['provider']): z.ZodType {
  let schema = authMethodSchemas.get(provider);
  if (!schema) {
    const { label, authMethods } = PROVIDER_TABLE[provider];
    schema = z.enum(authMethods as [string, ...string[]], { error: `${label} accepts only ${authMethods.join(' or ')}.` });
    authMethodSchemas.set(provider, schema);
  }
  return schema;
}

/** The schema for one field; cross-field rules (which fields a provider or method needs) come first in validateField. */
function schemaFor(field: FormField, form: FlowForm, ctx: ValidationContext): z.ZodType | undefined {
  const fixed = (fixedSchemas ??= buildFixedSchemas());
  const provider = PROVIDER_TABLE[form.provider];
  switch (field) {
    case 'environmentId':
      return provider.requiresEnvironmentId ? fixed.environmentId : undefined;
    case 'region':
      return provider.choosesRegion ? fixed.region : undefined;
    case 'issuerOrDiscoveryUrl':
      return form.issuerOrDiscoveryUrl.trim() === '' ? undefined : fixed.issuerOrDiscoveryUrl;
    case 'authMethod':
      return authMethodSchema(form.provider);
    case 'clientSecret':
      if (!SECRET_METHODS.includes(form.authMethod)) return undefined;
      return form.authMethod === 'client_secret_jwt' ? fixed.hs256Secret : fixed.secret;
    case 'privateKey':
      return form.authMethod === 'private_key_jwt' && !ctx.hasKey ? fixed.noKey : undefined;
    case 'kid':
      return form.authMethod === 'private_key_jwt' ? fixed.kid : undefined;
    case 'resource':
      if (form.resource.trim() === '') return requiredParameterSchema(form, 'resource');
      return fixed.resource;
    case 'introspectionEndpoint':
    case 'revocationEndpoint':
      return form[field].trim() === '' ? undefined : fixed[field];
    case 'viaRelay':
      return isMtlsAuthMethod(form.authMethod) ? fixed.needsRelay : undefined;
    case 'mtlsCertRef':
    case 'mtlsKeyRef':
      return isMtlsAuthMethod(form.authMethod) && !ctx.hasMtlsCredential ? fixed.certificateFile : undefined;
    case 'audience':
      return requiredParameterSchema(form, 'audience') ?? fixed.audience;
    case 'tokenEndpoint':
    case 'clientId':
    case 'signingAlg':
    case 'scopes':
    case 'proactiveRefreshSeconds':
    case 'assertionLifetimeSeconds':
    case 'clockSkewSeconds':
      return fixed[field];
    default:
      return undefined;
  }
}

/** A parameter the provider row requires (Auth0's `audience`): empty is refused with the row's message. */
function requiredParameterSchema(form: FlowForm, field: 'audience' | 'resource'): z.ZodType | undefined {
  const required = requiredParameterOf(form.provider, field);
  return required ? safeText(FIELD_LABELS[field]).pipe(z.string().trim().min(1, required.message)) : undefined;
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

/** Every field the submit checks, in the order they appear on screen (focus goes to the first error). */
export const FORM_FIELDS: readonly FormField[] = [
  'provider', 'environmentId', 'region', 'issuerOrDiscoveryUrl', 'tokenEndpoint', 'clientId', 'authMethod',
  'clientSecret', 'privateKey', 'kid', 'signingAlg', 'viaRelay', 'mtlsCertRef', 'mtlsKeyRef', 'scopes', 'audience', 'resource',
  'proactiveRefreshSeconds', 'assertionLifetimeSeconds', 'clockSkewSeconds', 'introspectionEndpoint', 'revocationEndpoint',
];

/** The fields of this form in screen order: a hosted provider's own fields come right after `Provider`. */
export function formFieldsOf(form: Pick<FlowForm, 'provider'>): readonly FormField[] {
  const rowFields = providerFieldRefsOf(form);
  return rowFields.length === 0 ? FORM_FIELDS : [FORM_FIELDS[0] as FormField, ...rowFields, ...FORM_FIELDS.slice(1)];
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

/** The id of a field's input, so labels, errors and "focus the first error" agree. */
export function fieldId(field: FormField | string): string {
  return `cc-${field}`;
}

/** The form field an error names, if it names one: core errors use the form's field names, so no translation. */
export function formFieldOf(field: string | undefined): FormField | undefined {
  return field !== undefined && (FORM_FIELDS as readonly string[]).includes(field) ? (field as FormField) : undefined;
}
