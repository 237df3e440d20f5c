// The form's fields as people and the page see them: their names, their labels, their screen order and input ids.
import type { FlowForm } from './flowTypes';
import { providerFieldRefsOf, type ProviderFieldRef } from './hostedFields';

/**
 * A form field, including the two whose values never enter FlowForm (they live in the credential manager) and a
 * hosted provider row's own fields (`providerFields.tenant`…).
 */
export type FormField = keyof FlowForm | 'clientSecret' | 'privateKey' | ProviderFieldRef;
export type FieldErrors = Partial<Record<FormField, string>>;

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

/** The id of a field's input, so labels, errors and "focus the first error" agree. */
export function fieldId(field: FormField | string): string {
  return `cc-${field}`;
}

/** The form field an error names, if it names one: core errors use the form's field names, so no translation. */
export function formFieldOf(field: string | undefined): FormField | undefined {
  return field !== undefined && (FORM_FIELDS as readonly string[]).includes(field) ? (field as FormField) : undefined;
}
