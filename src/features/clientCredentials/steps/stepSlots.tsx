// Steps 3 and 4 as the page mounts them: adapters from the flow's state to TokenStep and UseTokenStep.
import { PROVIDERS } from '../../../config/providers';
import type { SandboxInfo } from '../../../services/sandboxAdmin';
import type { TokenRecord } from '../../../types/token';
import type { RequestDescription } from '../../../utils/oauth/description';
import type { FlowForm, TokenRun } from '../model/flowTypes';
import { TokenStep } from './TokenStep';
import { UseTokenStep } from './UseTokenStep';

export interface TokenStepSlotProps {
  run: TokenRun;
  onGetToken: () => void;
  form: FlowForm;
  description: RequestDescription | null;
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

/** Step 3: the token run (attempts, response or error card, token checks, history). */
export function TokenStepSlot(props: TokenStepSlotProps) {
  return <TokenStep {...props} />;
}

/**
 * Step 4: the provider's resource console. A sandbox-backed provider's API base, seeded users and microauthd base
 * come from /sandbox/info (the provider table says which providers the sandbox fills and which console they get).
 */
export function UseTokenStepSlot({ form, token, sandboxInfo, sandboxUrl, getWorkerToken, requestedScopes }: UseTokenStepSlotProps) {
  const entry = PROVIDERS[form.provider];
  const info = entry.sandbox ? sandboxInfo : undefined;
  const mfaOnSandbox = info && entry.console === 'mfa';
  return (
    <UseTokenStep
      form={form}
      token={token}
      getWorkerToken={getWorkerToken}
      requestedScopes={requestedScopes}
      sandboxUrl={mfaOnSandbox ? sandboxUrl : undefined}
      apiBase={mfaOnSandbox ? info.apiBase : undefined}
      sandboxUsers={mfaOnSandbox ? info.users : undefined}
      microauthdBase={entry.console === 'microauthd' && info?.microauthdBase ? form.issuer || info.microauthdBase : undefined}
    />
  );
}
