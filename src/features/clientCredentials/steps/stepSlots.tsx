// Steps 3 and 4 as the page mounts them: adapters from the flow's state to TokenStep and UseTokenStep.
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

/** Step 4: the provider's resource console. The sandbox's API base and seeded users come from /sandbox/info. */
export function UseTokenStepSlot({ form, token, sandboxInfo, sandboxUrl, getWorkerToken, requestedScopes }: UseTokenStepSlotProps) {
  const sandbox = form.provider === 'sandbox' && sandboxInfo ? sandboxInfo : undefined;
  return (
    <UseTokenStep
      form={form}
      token={token}
      getWorkerToken={getWorkerToken}
      requestedScopes={requestedScopes}
      {...(sandbox ? { sandboxUrl, apiBase: sandbox.apiBase, sandboxUsers: sandbox.users } : {})}
      {...(form.provider === 'microauthd' && sandboxInfo?.microauthdBase ? { microauthdBase: form.issuer || sandboxInfo.microauthdBase } : {})}
    />
  );
}
