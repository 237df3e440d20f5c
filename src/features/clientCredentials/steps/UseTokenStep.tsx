// Step 4 (Use the token): the provider's resource console — MFA devices, microauthd users, or a custom API call.
import { decodeJwt } from 'jose';
import { CollapsibleSection } from '../../../components/CollapsibleSection';
import { CustomApiCall } from '../../customApi/CustomApiCall';
import { InfoBox } from '../../../components/InfoBox';
import { MfaDeviceConsole } from '../../mfa/MfaDeviceConsole';
import type { PickableUser } from '../../mfa/UserPicker';
import { MicroauthdConsole } from '../../microauthd/MicroauthdConsole';
import { ScopeCatalogPanel } from '../../microauthd/ScopeCatalogPanel';
import { ScopeAdvisor } from '../../../components/ScopeAdvisor';
import { MICROAUTHD_DEFAULT_BASE_URL, MICROAUTHD_MODEL, MICROAUTHD_SCOPE_CATALOG } from '../../../config/microauthd';
import { apiBase as pingOneApiBase, PINGONE_ROLES_TRUTH, PINGONE_SCOPE_CATALOG, PINGONE_WORKER_SCOPES } from '../../../config/pingone';
import { PROVIDERS, type ProviderEntry } from '../../../config/providers';
import type { TokenRecord } from '../../../types/token';
import type { RelayRoute } from '../../../utils/relay';
import type { FlowForm } from '../model/flowTypes';
import { IconBook, IconShield } from '../../../components/icons/objectIcons';

export interface UseTokenStepProps {
  form: FlowForm;
  token: TokenRecord | undefined;
  /** The local sandbox origin (enables the OTP outbox helper). */
  sandboxUrl?: string;
  /** Platform API base with `/v1`; default for PingOne: from the region. */
  apiBase?: string;
  microauthdBase?: string;
  /** The token from the TokenCache with the configured scopes; `forceRefresh` after a 401. */
  getWorkerToken: (opts?: { forceRefresh?: boolean }) => Promise<{ accessToken: string }>;
  /** The sandbox's seeded users, so the picker is filled before any `Load users`. */
  sandboxUsers?: readonly PickableUser[];
  /** The scopes sent in the token request (step 3), for the advisor. */
  requestedScopes?: readonly string[];
  /** The token request's route: step 4 goes the same way (CORS; the certificate a bound token needs). */
  relay?: RelayRoute | undefined;
}

/** The capabilities the PingOne worker scope list stands for: the advisor's starting point for PingOne. */
const PINGONE_DEFAULT_WANTED = [
  ...new Set(PINGONE_SCOPE_CATALOG.filter((e) => PINGONE_WORKER_SCOPES.includes(e.name)).map((e) => e.capability)),
];
/** microauthd's own least-privilege example ("Portal-Only Access"): view users and reset passwords. */
const MICROAUTHD_DEFAULT_WANTED = ['users.list', 'users.read', 'users.resetPassword'];

/** The granted scope: the token response's `scope`, else the JWT's `scope` claim (read, not verified), else unknown. */
export function grantedScopeOf(token: TokenRecord): string | undefined {
  if (token.scope !== undefined) return token.scope;
  try {
    const claim = decodeJwt(token.accessToken).scope;
    return typeof claim === 'string' ? claim : undefined;
  } catch {
    return undefined;
  }
}

/** microauthd's AUTH base: given, else the issuer, else the discovery URL without its well-known suffix. */
function microauthdBaseOf(form: FlowForm, given: string | undefined): string {
  if (given) return given;
  if (form.issuer) return form.issuer;
  const fromDiscovery = form.issuerOrDiscoveryUrl.replace(/\/\.well-known\/openid-configuration\/?$/, '');
  return fromDiscovery || MICROAUTHD_DEFAULT_BASE_URL;
}

type StepProps = UseTokenStepProps & { token: TokenRecord };

function PingOneStep(props: StepProps) {
  const { form, token, sandboxUrl, getWorkerToken, sandboxUsers, requestedScopes } = props;
  let base = props.apiBase;
  if (!base && PROVIDERS[form.provider].choosesRegion) {
    try {
      base = pingOneApiBase(form.region);
    } catch {
      base = undefined;
    }
  }
  if (!base) {
    return (
      <InfoBox variant="warning" title="Where is the API?">
        The Platform API address is not known yet. {PROVIDERS[form.provider].sandbox ? 'Load the local sandbox in step 1.' : 'Choose the region in step 1.'}
      </InfoBox>
    );
  }
  return (
    <>
      <p className="use-token-intro">
        Your worker token now calls the PingOne Platform API: pick a user, list their MFA devices, add one, activate it
        with the one-time passcode, rename it or delete it. Every call shows exactly what was sent and what came back.
      </p>
      <MfaDeviceConsole
        apiBase={base}
        environmentId={form.environmentId}
        getWorkerToken={getWorkerToken}
        sandboxUrl={sandboxUrl}
        initialUsers={sandboxUsers}
        relay={props.relay}
      />
      <CollapsibleSection title={<><IconShield /> Which scopes does this worker really need?</>} headingLevel={3}>
        <ScopeAdvisor
          catalog={PINGONE_SCOPE_CATALOG}
          defaultWanted={PINGONE_DEFAULT_WANTED}
          configured={form.scopes}
          requested={requestedScopes}
          granted={grantedScopeOf(token)}
          modelNote={PINGONE_ROLES_TRUTH}
        />
      </CollapsibleSection>
    </>
  );
}

function MicroauthdStep(props: StepProps) {
  const { form, token, getWorkerToken, requestedScopes } = props;
  const granted = grantedScopeOf(token);
  return (
    <>
      <p className="use-token-intro">
        microauthd gates five user operations on its AUTH server with built-in scopes. Try each one: a call your token
        is not scoped for comes back 403, and the card says which scope it needs.
      </p>
      <MicroauthdConsole
        baseUrl={microauthdBaseOf(form, props.microauthdBase)}
        getToken={getWorkerToken}
        relay={props.relay}
      />
      <CollapsibleSection title={<><IconBook /> Scopes: what your token carries</>} headingLevel={3}>
        <ScopeCatalogPanel granted={granted} model={MICROAUTHD_MODEL} />
        <ScopeAdvisor
          catalog={MICROAUTHD_SCOPE_CATALOG}
          defaultWanted={MICROAUTHD_DEFAULT_WANTED}
          configured={form.scopes}
          requested={requestedScopes}
          granted={granted}
          modelNote={MICROAUTHD_MODEL.leastPrivilege}
        />
      </CollapsibleSection>
    </>
  );
}

function CustomCallStep({ form, token }: StepProps) {
  return <CustomApiCall accessToken={token.accessToken} tokenType={token.tokenType} defaultUrl={/^https?:\/\//i.test(form.audience) ? form.audience : ''} />;
}

/** The provider table names each provider's console by key; this is where a key becomes a component. */
const CONSOLES: Record<ProviderEntry['console'], (props: StepProps) => React.JSX.Element> = {
  mfa: PingOneStep,
  microauthd: MicroauthdStep,
  customCall: CustomCallStep,
};

/**
 * Step 4: the console of the provider's row in the provider table — the MFA device console and scope advisor
 * (PingOne, sandbox), the scope-gated user calls and scope catalog (microauthd), an editable bearer call (Custom).
 */
export function UseTokenStep(props: UseTokenStepProps) {
  const { form, token } = props;
  if (!token) {
    return (
      <InfoBox variant="info" title="No token yet">
        Go back to step 3 and press Get token: this step uses that access token to call the API.
      </InfoBox>
    );
  }
  const Console = CONSOLES[PROVIDERS[form.provider].console];
  return <Console {...props} token={token} />;
}
