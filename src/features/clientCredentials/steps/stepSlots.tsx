// Steps 3 and 4 as the page mounts them: adapters from the flow's state to TokenStep and UseTokenStep.
import { useMemo, useSyncExternalStore } from 'react';
import { RelayToggle } from '../../../components/RelayToggle';
import { PROVIDERS } from '../../../config/providers';
import { useConfig } from '../../../hooks/useConfig';
import { isMtlsAuthMethod } from '../../../types/token';
import type { RelayRoute } from '../../../utils/relay';
import { flowRoute } from '../model/flowRequest';
import { mtlsCredentialStore, relayChoice } from '../model/relayChoice';
import type { SandboxInfo } from '../../../services/sandboxAdmin';
import type { TokenRecord } from '../../../types/token';
import type { RequestDescription } from '../../../utils/oauth/description';
import type { FlowForm, TokenRun } from '../model/flowTypes';
import { TokenStep, type TokenStepProps } from './TokenStep';
import { UseTokenStep } from './UseTokenStep';

export interface TokenStepSlotProps {
  run: TokenRun;
  onGetToken: () => void;
  form: FlowForm;
  description: RequestDescription | null;
  management?: TokenStepProps['management'];
}

export interface UseTokenStepSlotProps {
  form: FlowForm;
  token: TokenRecord | undefined;
  sandboxInfo?: SandboxInfo | undefined;
  /** The sandbox origin (the OTP outbox helper lives there). */
  sandboxUrl: string;
  /** The worker token from the app's TokenCache; `forceRefresh` after a 401. */
  getWorkerToken: (opts?: { forceRefresh?: boolean }) => Promise<{ accessToken: string }>;
  requestedScopes: readonly string[];
}

/** Step 3: the token run (attempts, response or error card with the relay box, token checks, history). */
export function TokenStepSlot(props: TokenStepSlotProps) {
  const relayUrl = useConfig().config.relay.url;
  const relayControl = <RelayToggle checked={props.form.viaRelay} onChange={relayChoice.choose} relayUrl={relayUrl} />;
  return <TokenStep {...props} relayControl={relayControl} />;
}

/**
 * Step 4's route: the same as the token request's (a certificate-bound token needs its certificate, RFC 8705 §3),
 * and, with mTLS on a provider whose row says so, the API on the mutual-TLS listener.
 */
function useStepFourRoute(form: FlowForm, info: SandboxInfo | undefined): { relay: RelayRoute | undefined; mtlsApiBase: string | undefined } {
  const relayUrl = useConfig().config.relay.url;
  const credential = useSyncExternalStore(mtlsCredentialStore.subscribe, mtlsCredentialStore.getSnapshot, mtlsCredentialStore.getSnapshot);
  return useMemo(() => {
    let relay: RelayRoute | undefined;
    try {
      relay = flowRoute(form, { secret: '', relayUrl, mtlsCredential: credential });
    } catch {
      relay = undefined; // step 1 shows what is missing
    }
    const mtls = isMtlsAuthMethod(form.authMethod) && PROVIDERS[form.provider].mtlsApiBase;
    return { relay, mtlsApiBase: mtls ? info?.mtls?.apiBase : undefined };
  }, [form, relayUrl, credential, info]);
}

/**
 * Step 4: the provider's resource console. A sandbox-backed provider's API base, seeded users and microauthd base
 * come from /sandbox/info (the provider table says which providers the sandbox fills and which console they get).
 */
export function UseTokenStepSlot({ form, token, sandboxInfo, sandboxUrl, getWorkerToken, requestedScopes }: UseTokenStepSlotProps) {
  const entry = PROVIDERS[form.provider];
  const info = entry.sandbox ? sandboxInfo : undefined;
  const mfaOnSandbox = info && entry.console === 'mfa';
  const { relay, mtlsApiBase } = useStepFourRoute(form, info);
  return (
    <UseTokenStep
      form={form}
      token={token}
      getWorkerToken={getWorkerToken}
      requestedScopes={requestedScopes}
      sandboxUrl={mfaOnSandbox ? sandboxUrl : undefined}
      apiBase={mfaOnSandbox ? (mtlsApiBase ?? info.apiBase) : undefined}
      relay={relay}
      sandboxUsers={mfaOnSandbox ? info.users : undefined}
      microauthdBase={entry.console === 'microauthd' && info?.microauthdBase ? form.issuer || info.microauthdBase : undefined}
    />
  );
}
