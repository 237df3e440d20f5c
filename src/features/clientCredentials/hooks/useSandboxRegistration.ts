// "Register with sandbox": a client holding the browser key's public JWKS, so private_key_jwt works in one click.
import { useState } from 'react';
import { registerSandboxClient, type SandboxClient } from '../../../services/sandboxAdmin';
import { isPlaygroundError } from '../../../utils/errors';
import type { Logger } from '../../../utils/logger';
import { toJwks, type SigningKey } from '../../../utils/keys';
import type { FlowFormState } from './useFlowForm';

export interface RegistrationState {
  status: 'idle' | 'loading' | 'done' | 'error';
  client?: SandboxClient;
  error?: string;
}

export interface SandboxRegistrationActions {
  registration: RegistrationState;
  registerWithSandbox(): Promise<void>;
}

export function useSandboxRegistration(fields: FlowFormState, key: SigningKey | undefined, sandboxUrl: string, log: Logger): SandboxRegistrationActions {
  const [registration, setRegistration] = useState<RegistrationState>({ status: 'idle' });
  return {
    registration,
    async registerWithSandbox() {
      if (!key) return;
      setRegistration({ status: 'loading' });
      try {
        const registered = { token_endpoint_auth_method: 'private_key_jwt' as const, jwks: toJwks([key]), scope: fields.form.scopes.join(' ') };
        const client = await registerSandboxClient(registered, { baseUrl: sandboxUrl });
        fields.applyPatches([{ values: { clientId: client.client_id, authMethod: 'private_key_jwt' }, source: 'sandbox' }]);
        setRegistration({ status: 'done', client });
        log.info(`registered sandbox client ${client.client_id} with kid=${key.kid}`);
      } catch (error) {
        setRegistration({ status: 'error', error: isPlaygroundError(error) ? error.message : 'Registration failed.' });
      }
    },
  };
}
