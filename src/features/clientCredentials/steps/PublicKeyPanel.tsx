// private_key_jwt: the selected key's public half (JWKS to copy), deleting it, and registering it with the sandbox.
import { useId } from 'react';
import { CopyButton } from '../../../components/CopyButton';
import { InfoBox } from '../../../components/InfoBox';
import { PROVIDERS } from '../../../config/providers';
import { toJwks, type SigningKey } from '../../../utils/keys';
import type { ConfigureView } from './configureView';
import { IconSparkle } from '../../../components/icons/objectIcons';

/** The selected key's public JWKS to paste into the provider, Delete key, and Register with sandbox. */
export function PublicKeyPanel({ flow, selectedKey }: { flow: Pick<ConfigureView, 'form' | 'registration' | 'removeKey' | 'setField' | 'registerWithSandbox'>; selectedKey: SigningKey }) {
  const { form, registration } = flow;
  const jwksId = useId();
  // Only a provider the sandbox fills, with private_key_jwt, can register a browser key there.
  const { sandbox, authMethods } = PROVIDERS[form.provider];
  const canRegister = sandbox !== undefined && authMethods.includes('private_key_jwt');
  const publicJwks = JSON.stringify(toJwks([selectedKey]), null, 2);
  return (
    <div className="cc-jwks">
      <p className="cc-field__label" id={jwksId}>
        Public JWKS — paste this into your provider's application (it holds no private part)
      </p>
      <pre className="cc-code" aria-labelledby={jwksId} tabIndex={0}>
        {publicJwks}
      </pre>
      <div className="cc-actions-row">
        <CopyButton label="Copy public JWKS" text={publicJwks} />
        <button
          type="button"
          className="btn btn--danger-outline"
          onClick={() => {
            void flow.removeKey(form.keyRef);
            flow.setField('keyRef', '');
          }}
        >
          Delete key
        </button>
        {canRegister && (
          <button type="button" className="btn btn--secondary" aria-busy={registration.status === 'loading' || undefined} disabled={registration.status === 'loading'} onClick={() => void flow.registerWithSandbox()}>
            {registration.status === 'loading' ? 'Registering…' : 'Register with sandbox'}
          </button>
        )}
      </div>
      {registration.status === 'done' && registration.client && (
        <InfoBox variant="success" role="status" title={<>Registered with the sandbox <IconSparkle /></>}>
          New client <code>{registration.client.client_id}</code> holds this public key; Client ID is filled in.
        </InfoBox>
      )}
      {registration.status === 'error' && (
        <InfoBox variant="error" role="alert" title="We hit an issue">
          {registration.error}
        </InfoBox>
      )}
    </div>
  );
}
