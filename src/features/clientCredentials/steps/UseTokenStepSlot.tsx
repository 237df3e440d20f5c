// Step 4 as the page mounts it: UseTokenStep with the route and the sandbox's API base, users and microauthd base
// (a chunk of its own, loaded when step 4 shows).
import { useMemo } from 'react';
import { PROVIDERS } from '../../../config/providers';
import type { RelayCredential } from '../../../services/relayAdmin';
import type { SandboxInfo } from '../../../services/sandboxAdmin';
import { isMtlsAuthMethod, type TokenRecord } from '../../../types/token';
import type { RelayRoute } from '../../../utils/relay';
import { flowRoute } from '../model/flowRequest';
import type { FlowForm } from '../model/flowTypes';
import { UseTokenStep } from './UseTokenStep';

export interface UseTokenStepSlotProps {
  form: FlowForm;
  token: TokenRecord | undefined;
  sandboxInfo?: SandboxInfo | undefined;
  /** The sandbox origin (the OTP outbox helper lives there). */
  sandboxUrl: string;
  relayUrl: string;
  /** The pasted certificate the relay holds, if any (step 4 presents it too, RFC 8705 §3). */
  mtlsCredential: RelayCredential | undefined;
  /** The worker token from the app's TokenCache; `forceRefresh` after a 401. */
  getWorkerToken: (opts?: { forceRefresh?: boolean }) => Promise<{ accessToken: string }>;
  requestedScopes: readonly string[];
}

/**
 * Step 4's route: the same as the token request's (a certificate-bound token needs its certificate, RFC 8705 §3),
 * and, with mTLS on a provider whose row says so, the API on the mutual-TLS listener.
 */
function useStepFourRoute(props: Pick<UseTokenStepSlotProps, 'form' | 'relayUrl' | 'mtlsCredential'>, info: SandboxInfo | undefined) {
  const { form, relayUrl, mtlsCredential } = props;
  return useMemo(() => {
    let relay: RelayRoute | undefined;
    try {
      relay = flowRoute(form, { secret: '', relayUrl, mtlsCredential });
    } catch {
      relay = undefined; // step 1 shows what is missing
    }
    const mtls = isMtlsAuthMethod(form.authMethod) && PROVIDERS[form.provider].mtlsApiBase;
    return { relay, mtlsApiBase: mtls ? info?.mtls?.apiBase : undefined };
  }, [form, relayUrl, mtlsCredential, info]);
}

/**
 * Step 4: the provider's resource console. A sandbox-backed provider's API base, seeded users and microauthd base
 * come from /sandbox/info (the provider table says which providers the sandbox fills and which console they get).
 */
export function UseTokenStepSlot(props: UseTokenStepSlotProps) {
  const { form, token, sandboxInfo, sandboxUrl, getWorkerToken, requestedScopes } = props;
  const entry = PROVIDERS[form.provider];
  const info = entry.sandbox ? sandboxInfo : undefined;
  const mfaOnSandbox = info && entry.console === 'mfa';
  const { relay, mtlsApiBase } = useStepFourRoute(props, info);
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
