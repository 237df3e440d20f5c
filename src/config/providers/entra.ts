// Microsoft Entra ID (v2.0 endpoints): a tenant ID or domain names every endpoint.
import { entraDefaultScope } from '../../utils/providerScopes';
import { hostFrom, isGuid, NO_HOSTED_ENDPOINTS } from './fieldRules';
import type { HostedEndpoints, HostedRow, ProviderFieldValues } from './types';

const LOGIN = 'https://login.microsoftonline.com';
const CLIENT_CREDS = 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow';
const CERT_CREDS = 'https://learn.microsoft.com/entra/identity-platform/certificate-credentials';
const OIDC = 'https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc';
const ERRORS = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';

/** `common` and `consumers` cannot issue client-credentials tokens (AADSTS9001023, reference-error-codes). */
const MULTI_TENANT = new Set(['common', 'consumers']);

/** The tenant segment: a GUID or a verified domain name ("in GUID or domain-name format", client-creds flow). */
export function entraTenant(value: string | undefined): string | undefined {
  const text = (value ?? '').trim();
  if (isGuid(text)) return text.toLowerCase();
  const host = hostFrom(text);
  return host !== undefined && !host.includes(':') ? host : undefined;
}

function validateTenant(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return 'Tenant ID or domain is required: the Directory (tenant) ID or a domain such as contoso.onmicrosoft.com.';
  if (MULTI_TENANT.has(text.toLowerCase())) {
    return `"${text}" cannot issue client-credentials tokens (AADSTS9001023); use your tenant ID or domain.`;
  }
  if (entraTenant(text) === undefined) return 'Tenant ID or domain must be a GUID or a domain name such as contoso.onmicrosoft.com.';
  return undefined;
}

/**
 * Entra's v2.0 endpoints for a tenant. The issuer stays empty: the v2.0 issuer names the tenant's GUID, which a
 * domain does not give, so discovery fills it. Entra has no introspection or revocation endpoint for these tokens.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri
 */
export function entraEndpoints(values: ProviderFieldValues): HostedEndpoints {
  const tenant = entraTenant(values.tenant);
  if (tenant === undefined) return { ...NO_HOSTED_ENDPOINTS };
  const base = `${LOGIN}/${tenant}`;
  return {
    tokenEndpoint: `${base}/oauth2/v2.0/token`,
    issuer: '',
    discoveryUrl: `${base}/v2.0/.well-known/openid-configuration`,
    jwksUri: `${base}/discovery/v2.0/keys`,
  };
}

export const ENTRA: HostedRow = {
  fields: [
    {
      key: 'tenant',
      label: 'Tenant ID or domain',
      placeholder: 'contoso.onmicrosoft.com or 00000000-0000-0000-0000-000000000000',
      help: 'The Directory (tenant) ID from the app registration\'s Overview, or one of the tenant\'s domains.',
      validate: validateTenant,
    },
  ],
  endpoints: entraEndpoints,
  // The secret goes in the body in Microsoft's own example; Basic "is also supported" (client-creds flow page).
  // A certificate credential is private_key_jwt with the certificate's thumbprint in the header (certificate-credentials).
  authMethods: ['client_secret_post', 'client_secret_basic', 'private_key_jwt'],
  tokenEndpointTemplate: `${LOGIN}/<tenant>/oauth2/v2.0/token`,
  // certificate-credentials: aud = https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token
  assertionAudience: 'token_endpoint',
  // Current page: alg PS256 with x5t#S256; older versions of the same page: RS256 with x5t (SHA-1).
  certificateHeader: 'x5t#S256',
  browserRefused: {
    reason:
      'Microsoft Entra ID refuses token requests sent from a web page for confidential clients ' +
      '("AADSTS9002326: Cross-origin token redemption is permitted only for the \'Single-Page Application\' client-type"), ' +
      'so the request goes through the local relay, which sends no Origin header.',
    // Not on Microsoft's error-code page; the refusal text as reported by users of browser-based clients.
    source: 'https://github.com/hoppscotch/hoppscotch/issues/3572',
  },
  requiredParameters: [],
  sources: [CLIENT_CREDS, CERT_CREDS, OIDC],
  scopeHelper: {
    label: 'Scope from a resource',
    inputs: [
      {
        key: 'resource',
        label: 'Resource (application ID URI)',
        placeholder: 'https://graph.microsoft.com or api://00000000-0000-0000-0000-000000000000',
        help: 'The API\'s application ID URI; the scope is that URI followed by /.default.',
        validate: (v) => (entraDefaultScope(v) === undefined ? 'Enter the resource\'s application ID URI.' : undefined),
      },
    ],
    build: (values) => entraDefaultScope(values.resource),
    source: CLIENT_CREDS,
  },
  quirks: [
    { text: 'The scope is the resource\'s application ID URI followed by /.default, and all scopes must be for one resource.', source: CLIENT_CREDS },
    { text: 'Application permissions must be granted by a tenant administrator before a token is issued.', source: CLIENT_CREDS },
    { text: 'Error responses carry error_codes (the AADSTS numbers), trace_id and correlation_id besides error and error_description.', source: CLIENT_CREDS },
    { text: 'A certificate credential\'s assertion header names the certificate: x5t#S256 (SHA-256, with PS256) in the current docs, x5t (SHA-1, with RS256) in older ones.', source: CERT_CREDS },
  ],
  errorKnowledge: [
    { match: 'AADSTS7000215', error: 'invalid_client', cause: 'The client secret is wrong (often the secret\'s ID was copied instead of its value).', fix: 'Copy the secret\'s Value from Certificates & secrets, or create a new secret.', source: ERRORS },
    { match: 'AADSTS7000222', error: 'invalid_client', cause: 'The client secret has expired.', fix: 'Create a new client secret for the app, or switch to a certificate credential.', source: ERRORS },
    { match: 'AADSTS7000218', cause: 'The request carries neither client_secret nor client_assertion.', fix: 'Choose an authentication method with a credential (client secret or certificate).', source: ERRORS },
    { match: 'AADSTS700016', cause: 'No application with this client ID exists in this tenant.', fix: 'Check the Application (client) ID and that the tenant is the one the app is registered in.', source: ERRORS },
    { match: 'AADSTS90002', cause: 'The tenant was not found.', fix: 'Check the tenant ID or domain; a domain must be verified in the tenant.', source: ERRORS },
    { match: 'AADSTS9001023', cause: 'The /common or /consumers endpoint cannot issue client-credentials tokens.', fix: 'Use the tenant ID or one of its domains.', source: ERRORS },
    { match: 'AADSTS70011', error: 'invalid_scope', cause: 'The scope is not a valid client-credentials scope.', fix: 'Use the resource\'s application ID URI followed by /.default, e.g. https://graph.microsoft.com/.default.', source: CLIENT_CREDS },
    { match: 'AADSTS700022', cause: 'The scope names more than one resource.', fix: 'Request one resource per token: a single {resource}/.default.', source: ERRORS },
    { match: 'AADSTS500011', cause: 'The resource named by the scope has no service principal in this tenant.', fix: 'Check the resource URI, and that the API is registered or consented in this tenant.', source: ERRORS },
    { match: 'AADSTS700027', cause: 'The client assertion failed signature validation.', fix: 'Upload this certificate to the app registration, sign with its private key, and send its thumbprint header.', source: ERRORS },
    { match: 'AADSTS9002326', cause: 'The token request came from a web page (it carried an Origin header), which Entra refuses for confidential clients.', fix: 'Send the request through the local relay.', source: 'https://github.com/hoppscotch/hoppscotch/issues/3572' },
  ],
};
