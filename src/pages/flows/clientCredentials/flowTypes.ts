// The Client Credentials page's state shapes: the contract between the flow hook and the step components.
import type { AuthMethod, SigningAlg, TokenRecord, TokenResponse } from '../../../types/token';

export type ProviderPreset = 'sandbox' | 'pingone' | 'microauthd' | 'custom';

/** What the user configures in step 1. Secrets live in the credential manager, never in this object. */
export interface FlowForm {
  provider: ProviderPreset;
  /** PingOne / sandbox environment ID */
  environmentId: string;
  /** PingOne region key (NA, CA, EU, AU, SG, AP) */
  region: string;
  /** Custom / microauthd: an issuer, a discovery URL, or empty when a bare token endpoint is given */
  issuerOrDiscoveryUrl: string;
  tokenEndpoint: string;
  /** issuer from discovery, used for assertion audience alternatives and token checks */
  issuer: string;
  jwksUri: string;
  clientId: string;
  authMethod: AuthMethod;
  /** id of the selected signing key in the key store */
  keyRef: string;
  kid: string;
  signingAlg: SigningAlg;
  scopes: string[];
  audience: string;
  resource: string;
  proactiveRefreshSeconds: number;
  assertionLifetimeSeconds: number;
  clockSkewSeconds: number;
}

/** One attempt as the attempts timeline shows it (mirrors the retry listener's AttemptInfo). */
export interface AttemptView {
  attempt: number;
  startedAt: number;
  durationMs: number;
  outcome: 'success' | 'retry' | 'failed';
  status?: number;
  code?: string;
  delayMs?: number;
  /** what the server's Retry-After asked for, when it sent one */
  retryAfterMs?: number;
}

/** A token request failure as the error card shows it: plain data, safe to render and log. */
export interface FlowError {
  code: string;
  message: string;
  status?: number;
  /** OAuth `error` (RFC 6749 §5.2) */
  error?: string;
  error_description?: string;
  field?: string;
}

export interface TokenRun {
  status: 'idle' | 'running' | 'success' | 'error';
  attempts: AttemptView[];
  startedAt?: number;
  /** wall time of the network exchange, for the "click to rendered" figure */
  fetchDurationMs?: number;
  requestedScopes: string[];
  response?: TokenResponse;
  record?: TokenRecord;
  error?: FlowError;
}
