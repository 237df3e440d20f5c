// The form before anything fills it: the defaults of config/defaults.ts and the sandbox as the provider.
import { DEFAULT_PINGONE_REGION } from '../../../config/pingoneRegions';
import { DEFAULT_ASSERTION_LIFETIME_SECONDS, DEFAULT_AUTH_METHOD, DEFAULT_CLOCK_SKEW_SECONDS, DEFAULT_PROACTIVE_REFRESH_SECONDS, DEFAULT_SIGNING_ALG } from '../../../config/defaults';
import { DEFAULT_ASSERTION_AUDIENCE, DEFAULT_ASSERTION_TYP } from '../../../utils/oauth/assertionAudience';
import type { FlowForm } from './flowTypes';

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
