// A hosted provider row's fields in the form (Entra ID, Auth0, Okta, Keycloak, Cognito): their starting values, how
// each is named as a form field (for errors and focus), its check, and the parameters the row requires.
import type { ProviderId } from '../../../config/providerBasics';
import { PROVIDERS } from '../../../config/providers';
import type { ProviderField, RequiredParameter } from '../../../config/providers/types';
import type { X509HeaderChoice } from '../../../utils/x509Thumbprint';
import type { FlowForm } from './flowTypes';

/** A row field as a form field name: `providerFields.tenant`, so its error and focus work like every other field's. */
export type ProviderFieldRef = `providerFields.${string}`;

const PREFIX = 'providerFields.';

/** A row field key is a short identifier (the rows' own keys); anything else is refused on read (share link, storage). */
export const PROVIDER_FIELD_KEY = /^[A-Za-z][A-Za-z0-9]{0,31}$/;
/** The longest value a row field keeps (a host, a URL with a path, a realm). */
export const PROVIDER_FIELD_MAX_LENGTH = 2048;
/** More keys than any row has. */
export const MAX_PROVIDER_FIELDS = 8;

export function providerFieldRef(key: string): ProviderFieldRef {
  return `${PREFIX}${key}`;
}

/** The row field key a form field name refers to, or undefined when it names another field. */
export function providerFieldKeyOf(field: string): string | undefined {
  return field.startsWith(PREFIX) ? field.slice(PREFIX.length) : undefined;
}

/** The fields of the provider's row (none for the sandbox, PingOne, microauthd and Custom). */
export function hostedFieldsOf(provider: ProviderId): readonly ProviderField[] {
  return PROVIDERS[provider].hosted?.fields ?? [];
}

/** What a row's fields start with (Okta's `default` authorization server); empty strings otherwise. */
export function initialProviderFields(provider: ProviderId): Record<string, string> {
  return Object.fromEntries(hostedFieldsOf(provider).map((f) => [f.key, f.initialValue ?? '']));
}

/** The certificate header a row starts with (Entra's current docs: `x5t#S256`); the same default elsewhere. */
export function initialCertificateHeader(provider: ProviderId): X509HeaderChoice {
  return PROVIDERS[provider].hosted?.certificateHeader ?? 'x5t#S256';
}

/** The label of a row field, for messages ("Tenant ID or domain"), or undefined for a key the row does not have. */
export function providerFieldLabel(provider: ProviderId, key: string): string | undefined {
  return hostedFieldsOf(provider).find((f) => f.key === key)?.label;
}

/** The form field names of the row's fields, in screen order (validated and focused like the others). */
export function providerFieldRefsOf(form: Pick<FlowForm, 'provider'>): ProviderFieldRef[] {
  return hostedFieldsOf(form.provider).map((f) => providerFieldRef(f.key));
}

/**
 * The row field's message for its value as typed (the row's own validator), or undefined when it can be used.
 * A key the row does not have is no field of this form: nothing to say.
 */
export function validateProviderField(form: Pick<FlowForm, 'provider' | 'providerFields'>, key: string): string | undefined {
  const field = hostedFieldsOf(form.provider).find((f) => f.key === key);
  if (!field) return undefined;
  const value = form.providerFields[key] ?? '';
  if (value.length > PROVIDER_FIELD_MAX_LENGTH) return `${field.label} is longer than ${PROVIDER_FIELD_MAX_LENGTH} characters.`;
  return field.validate(value);
}

/** The row's requirement for a token-request parameter (Auth0's `audience`), if it has one. */
export function requiredParameterOf(provider: ProviderId, field: RequiredParameter['field']): RequiredParameter | undefined {
  return PROVIDERS[provider].hosted?.requiredParameters.find((p) => p.field === field);
}
