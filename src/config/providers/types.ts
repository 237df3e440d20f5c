// The shape of a hosted-provider row (Entra ID, Auth0, Okta, Keycloak, Cognito): the fields a person types, the
// endpoints they give, the methods offered, the defaults, and what the provider's own errors mean. Data only.
import type { AuthMethod } from '../../types/token';
import type { X509HeaderChoice } from '../../utils/x509Thumbprint';

/** One field of a provider row, as the form renders it (label exactly as the product spec names it). */
export interface ProviderField {
  /** Key in the form's `providerFields` map. */
  key: string;
  label: string;
  placeholder: string;
  help: string;
  /** A value a first visit starts with (e.g. Okta's `default` authorization server); absent means empty. */
  initialValue?: string;
  /** The field-level message for a value that cannot be used, or undefined when it can (empty is "required"). */
  validate(value: string): string | undefined;
}

/** The values of a row's fields, keyed by {@link ProviderField.key}. */
export type ProviderFieldValues = Partial<Record<string, string>>;

/** The endpoints a row's fields give; empty strings while the fields are incomplete or invalid. */
export interface HostedEndpoints {
  tokenEndpoint: string;
  /** Empty when the fields cannot name it (discovery then fills it, RFC 8414 §3). */
  issuer: string;
  discoveryUrl: string;
  jwksUri: string;
  introspectionEndpoint?: string;
  revocationEndpoint?: string;
}

/**
 * A provider's documented answer to a failed client-credentials request, with its likely cause and fix.
 * `error` is the RFC 6749 §5.2 code; `match` a fragment of `error_description` that identifies the case (the
 * provider's own code, e.g. `AADSTS7000215`). At least one is given; `source` is where it is documented.
 */
export interface ProviderErrorHint {
  error?: string;
  match?: string;
  cause: string;
  fix: string;
  source: string;
}

/** A token-request parameter a provider requires beyond RFC 6749 §4.4.2 (Auth0's `audience`). */
export interface RequiredParameter {
  /** The form field that holds it (`audience` or `resource`). */
  field: 'audience' | 'resource';
  /** The field-level message when it is missing. */
  message: string;
  source: string;
}

/** A helper that builds a scope value from a few inputs (Entra's `{resource}/.default`, Cognito's `{server}/{scope}`). */
export interface ScopeHelper {
  label: string;
  inputs: readonly ProviderField[];
  /** The scope value, or undefined while an input is missing or invalid. */
  build(values: ProviderFieldValues): string | undefined;
  source: string;
}

/** A behaviour worth knowing before the first request, with its source. */
export interface ProviderQuirk {
  text: string;
  source: string;
}

/** What a hosted provider row adds to the provider table. */
export interface HostedProvider {
  fields: readonly ProviderField[];
  /** Pure: the endpoints for these field values (empty strings while incomplete). */
  endpoints(values: ProviderFieldValues): HostedEndpoints;
  /** Set when the provider refuses token requests made by a web page: the relay is then pre-ticked. */
  browserRefused?: { reason: string; source: string };
  requiredParameters: readonly RequiredParameter[];
  /** For private_key_jwt with a certificate credential: which thumbprint header(s) the assertion carries. */
  certificateHeader?: X509HeaderChoice;
  /** Where the row's facts come from: token endpoint and auth methods pages. */
  sources: readonly string[];
  scopeHelper?: ScopeHelper;
  quirks: readonly ProviderQuirk[];
  errorKnowledge: readonly ProviderErrorHint[];
}

/** The part of a hosted row the provider table's entry also needs (methods, template, assertion audience). */
export interface HostedRow extends HostedProvider {
  authMethods: readonly AuthMethod[];
  tokenEndpointTemplate: string;
  /** The client assertion `aud` this server documents; see ProviderEntry.assertionAudience. */
  assertionAudience: 'issuer' | 'token_endpoint' | 'endpoint';
}
