// The Client Credentials page's state shapes: the contract between the flow hook and the step components.
import type { ProviderId } from '../../../config/providerBasics';
import type { AuthMethod, SigningAlg, TokenRecord, TokenResponse } from '../../../types/token';
import type { ExplainableError } from '../../../utils/errorExplain';
import type { AssertionAudience, AssertionTyp } from '../../../utils/oauth/assertionAudience';
import type { AttemptInfo } from '../../../utils/oauth/retry';
import type { X509HeaderChoice } from '../../../utils/x509Thumbprint';


/** What the user configures in step 1. Secrets live in the credential manager, never in this object. */
export interface FlowForm {
  provider: ProviderId;
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
  /** `Send through the local relay`: the token request and the step-4 calls go from Node (CORS, mTLS). */
  viaRelay: boolean;
  /** Bind the token to this browser's DPoP key (RFC 9449): a proof on the token request and on every API call. */
  dpop: boolean;
  /** mTLS (RFC 8705): PEM file names in the relay's certificate directory; never the PEMs themselves. */
  mtlsCertRef: string;
  mtlsKeyRef: string;
  /** a CA the relay trusts for the server (the sandbox's demo CA) */
  mtlsCaRef: string;
  /** discovery's `mtls_endpoint_aliases.token_endpoint` (RFC 8705 §5): used instead of tokenEndpoint with mTLS */
  mtlsTokenEndpoint: string;
  /** `Assertion audience`: which URL a JWT method's `aud` names (RFC 7523bis issuer, RFC 7523 token endpoint, or the URL called). */
  assertionAudience: AssertionAudience;
  /** Whether the assertion header carries `typ` (auto: `client-authentication+jwt` with the issuer mode, else `JWT`). */
  assertionTyp: AssertionTyp;
  /** Typed by hand; empty means discovery's or the provider row's (tokenManagementEndpoints). */
  introspectionEndpoint: string;
  revocationEndpoint: string;
  /**
   * A hosted provider row's own fields as typed (Entra's `tenant`, Okta's `domain` and `authorizationServer`…), by
   * the row's field keys (config/providers/*.ts). Names of servers only, never a secret; they give the endpoints.
   */
  providerFields: Record<string, string>;
  /** A certificate credential's thumbprint header(s) in the assertion (RFC 7515 §4.1.7/§4.1.8); the row's default. */
  certificateHeader: X509HeaderChoice;
}

/** One attempt of the token request, as the retry policy reports it and the attempts timeline shows it. */
export type AttemptView = AttemptInfo;

/** A token request failure as the error card shows it: plain data, safe to render and log. */
export type FlowError = ExplainableError;

export interface TokenRun {
  status: 'idle' | 'running' | 'success' | 'error';
  attempts: AttemptView[];
  startedAt?: number;
  /** wall time of the network exchange, for the "click to rendered" figure */
  fetchDurationMs?: number;
  requestedScopes: string[];
  /** The audience mode the run's assertions were signed with (JWT methods): what the error card suggests after. */
  assertionAudience?: AssertionAudience | undefined;
  response?: TokenResponse;
  record?: TokenRecord;
  error?: FlowError;
}
