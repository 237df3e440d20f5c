// Each field's rule (zod), with messages written for the person typing, chosen by provider and method. The schemas
// are built on first use and then reused: importing the form's model builds none of them.
import * as z from '../../../utils/zod';
import { validateEnvironmentId } from '../../../config/pingone';
import { PINGONE_REGION_IDS } from '../../../config/pingoneRegions';
import { MAX_ASSERTION_LIFETIME_SECONDS, MAX_CLOCK_SKEW_SECONDS } from '../../../config/defaults';
import { PROVIDERS as PROVIDER_TABLE } from '../../../config/providers';
import { isMtlsAuthMethod, SIGNING_ALGS } from '../../../types/token';
import { MTLS_NEEDS_RELAY } from '../../../utils/relayRoute';
import { isPlaygroundError } from '../../../utils/errors';
import { validateAudience, validateResource, validateScopes } from '../../../utils/oauth/body';
import { unsafeCharMessage } from '../../../utils/textSafety';
import { validateEndpointUrl } from '../../../utils/urlValidation';
import type { ValidationContext } from './flowFormContext';
import { FIELD_LABELS, type FormField } from './flowFormFields';
import { FIELD_MAX_LENGTH, MAX_CLIENT_SECRET_LENGTH, MIN_HS256_SECRET_LENGTH } from './flowFormLimits';
import type { FlowForm } from './flowTypes';
import { requiredParameterOf } from './hostedFields';

export const SECRET_METHODS: readonly string[] = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt'];

/** Refuses controls, bidirectional controls and invisible characters, naming the one found (textSafety.ts). */
const safeText = (label: string) =>
  z.string().check(z.superRefine((value, ctx) => {
    const message = unsafeCharMessage(label, value);
    if (message) ctx.addIssue({ code: 'custom', message });
  }));

/** A zod schema that runs a core validator throwing InputError and reports its message. */
function fromValidator<T>(check: (value: T) => unknown) {
  return z.custom<T>().check(z.superRefine((value, ctx) => {
    try {
      check(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: isPlaygroundError(error) ? error.message : 'This value is not valid.' });
    }
  }));
}

const wholeSeconds = (min: number, max: number, what: string) =>
  z.number({ error: `${what} must be a number.` }).check(
    z.int(`${what} must be a whole number of seconds.`),
    z.minimum(min, `${what} must be at least ${min} s.`),
    z.maximum(max, `${what} must be at most ${max} s.`),
  );

/** Said both by the length check (flowFormValidation.ts) and by the Client ID's rule. */
export const CLIENT_ID_TOO_LONG = `Client ID is longer than ${FIELD_MAX_LENGTH.clientId} characters; check that you pasted the ID, not a secret or key.`;

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
    // The character rule sees the value as typed, before trim() (which would hide a leading U+FEFF).
    clientId: safeText('Client ID').check(
      z.trim(),
      z.minLength(1, 'Client ID is required: copy it from the application in your provider.'),
      z.maxLength(FIELD_MAX_LENGTH.clientId, CLIENT_ID_TOO_LONG),
    ),
    hs256Secret: z.string().check(
      z.minLength(MIN_HS256_SECRET_LENGTH, `client_secret_jwt signs with HS256, which needs a secret of at least ${MIN_HS256_SECRET_LENGTH} characters (RFC 7518 §3.2).`),
      z.maxLength(MAX_CLIENT_SECRET_LENGTH, SECRET_TOO_LONG),
    ),
    secret: z.string().check(z.minLength(1, 'Client secret is required for this authentication method.'), z.maxLength(MAX_CLIENT_SECRET_LENGTH, SECRET_TOO_LONG)),
    noKey: z.never({ error: 'private_key_jwt needs a key: generate a key pair or import one.' }),
    kid: safeText('Key ID (kid)').check(z.trim(), z.minLength(1, 'Key ID (kid) is required so the server can find your public key.')),
    signingAlg: z.enum(SIGNING_ALGS, { error: 'Choose ES256, RS256 or PS256.' }),
    scopes: fromValidator((v: string[]) => validateScopes(v)),
    audience: fromValidator((v: string) => validateAudience(v)),
    resource: fromValidator((v: string) => validateResource(v)),
    proactiveRefreshSeconds: wholeSeconds(0, 3600, 'Proactive refresh'),
    assertionLifetimeSeconds: wholeSeconds(1, MAX_ASSERTION_LIFETIME_SECONDS, 'Assertion lifetime'),
    clockSkewSeconds: wholeSeconds(0, MAX_CLOCK_SKEW_SECONDS, 'Clock-skew tolerance'),
    needsRelay: z.literal(true, { error: `${MTLS_NEEDS_RELAY} Tick “Send through the local relay”.` }),
    certificateFile: z.string().check(z.trim(), z.minLength(1, 'Name the PEM file in the relay’s certs directory, or paste a certificate and key below.')),
  };
}

const fixedSchemas = z.lazySchema(buildFixedSchemas);
const authMethodSchemas = new Map<FlowForm['provider'], z.ZodMiniType>();

/** The provider's accepted methods, one schema per provider. */
function authMethodSchema(provider: FlowForm['provider']): z.ZodMiniType {
  let schema = authMethodSchemas.get(provider);
  if (!schema) {
    const { label, authMethods } = PROVIDER_TABLE[provider];
    schema = z.enum(authMethods as [string, ...string[]], { error: `${label} accepts only ${authMethods.join(' or ')}.` });
    authMethodSchemas.set(provider, schema);
  }
  return schema;
}

/** A parameter the provider row requires (Auth0's `audience`): empty is refused with the row's message. */
function requiredParameterSchema(form: FlowForm, field: 'audience' | 'resource'): z.ZodMiniType | undefined {
  const required = requiredParameterOf(form.provider, field);
  return required ? z.pipe(safeText(FIELD_LABELS[field]), z.string().check(z.trim(), z.minLength(1, required.message))) : undefined;
}

/**
 * The rule for one field in this form, or none when the provider or method does not use the field (the cross-field
 * part: which fields a provider or method needs).
 */
export function schemaFor(field: FormField, form: FlowForm, ctx: ValidationContext): z.ZodMiniType | undefined {
  const fixed = fixedSchemas();
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
