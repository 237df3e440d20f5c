// private_key_jwt keys: generate (non-extractable) or import PEM/JWK, choose kid and alg, export the public JWKS.
import { useId, useState } from 'react';
import { CopyButton } from '../../../components/CopyButton';
import { InfoBox } from '../../../components/InfoBox';
import { PROVIDERS } from '../../../config/providers';
import type { SigningAlg } from '../../../types/token';
import { toJwks, type SigningKey } from '../../../utils/keys';
import { FormField } from '../../../components/FormField';
import { offeredSigningAlgs } from '../model/providerPresets';
import { fieldId, type FlowController } from '../hooks/useClientCredentialsFlow';

const ALG_HINTS: Record<SigningAlg, string> = {
  ES256: 'ECDSA P-256 with SHA-256: small keys and signatures (default).',
  RS256: 'RSA PKCS#1 v1.5 with SHA-256 (2048-bit keys): the most widely supported.',
  PS256: 'RSA-PSS with SHA-256 (2048-bit keys).',
};

/** The selected key's public JWKS to paste into the provider, Delete key, and Register with sandbox. */
function PublicKeyPanel({ flow, selectedKey }: { flow: FlowController; selectedKey: SigningKey }) {
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
            void flow.keys.remove(form.keyRef);
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
        <InfoBox variant="success" role="status" title="Registered with the sandbox 🎉">
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

/** Key generation, import and export for private_key_jwt. The private key never leaves WebCrypto. */
export function KeyManager({ flow }: { flow: FlowController }) {
  const { form, keys, selectedKey } = flow;
  const [keyText, setKeyText] = useState('');
  const algs = offeredSigningAlgs(form.provider, flow.discovery.result?.metadata.token_endpoint_auth_signing_alg_values_supported, flow.discovery.override);
  async function importKey() {
    // On success the text is cleared: the key now lives non-extractable in the browser, not in the page.
    if (await flow.importKey(keyText, form.signingAlg)) setKeyText('');
  }

  return (
    <fieldset className="cc-fieldset">
      <legend>🗝️ Signing key (private_key_jwt)</legend>
      <FormField id={fieldId('signingAlg')} label="Signing algorithm" source={flow.sources.signingAlg} error={flow.errors.signingAlg} hint={ALG_HINTS[form.signingAlg]}>
        {(control) => (
          <select {...control} className="input" value={form.signingAlg} onChange={(e) => flow.setField('signingAlg', e.target.value as SigningAlg)}>
            {algs.options.map((alg) => (
              <option key={alg} value={alg}>
                {alg}
              </option>
            ))}
          </select>
        )}
      </FormField>

      <div className="cc-actions-row">
        <button type="button" className="btn btn--primary" aria-busy={keys.busy === 'generate' || undefined} disabled={keys.busy !== null} onClick={() => void flow.generateKey(form.signingAlg)}>
          {keys.busy === 'generate' ? 'Generating…' : 'Generate key pair'}
        </button>
        <span className="cc-muted">A new {form.signingAlg} key, created in this browser and never extractable.</span>
      </div>

      {keys.keys.length > 0 && (
        <FormField id="cc-keyRef" label="Key to sign with" source={flow.sources.keyRef}>
          {(control) => (
            <select {...control} className="input" value={form.keyRef} onChange={(e) => flow.selectKey(e.target.value)}>
              {!selectedKey && <option value="">Choose a key…</option>}
              {keys.keys.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label ?? 'Key'} · {k.key.alg} · {k.id.slice(0, 12)}…
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}

      <FormField
        id={fieldId('privateKey')}
        label="Private key"
        error={flow.errors.privateKey}
        hint="Or import your own: paste a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----) or a private JWK, then press Import key. It is imported non-extractable and the text is cleared."
      >
        {(control) => (
          <textarea
            {...control}
            className="input input--mono"
            rows={4}
            spellCheck={false}
            autoComplete="off"
            value={keyText}
            placeholder={selectedKey ? `In use: ${selectedKey.alg} key, kid ${selectedKey.kid}` : '-----BEGIN PRIVATE KEY-----'}
            onChange={(e) => {
              setKeyText(e.target.value);
              if (flow.errors.privateKey && e.target.value === '') flow.setFieldError('privateKey', undefined);
            }}
          />
        )}
      </FormField>
      <div className="cc-actions-row">
        <button type="button" className="btn btn--secondary" disabled={keyText.trim() === '' || keys.busy !== null} onClick={() => void importKey()}>
          {keys.busy === 'import' ? 'Importing…' : 'Import key'}
        </button>
      </div>
      {keys.storageWarning && <InfoBox variant="warning">{keys.storageWarning}</InfoBox>}

      <FormField
        id={fieldId('kid')}
        label="Key ID (kid)"
        source={flow.sources.kid}
        error={flow.errors.kid}
        hint="Defaults to the key's RFC 7638 thumbprint; it must match the kid registered with the provider."
      >
        {(control) => (
          <input {...control} className="input input--mono" spellCheck={false} value={form.kid} onChange={(e) => flow.setField('kid', e.target.value)} onBlur={() => flow.touch('kid')} />
        )}
      </FormField>

      {selectedKey && <PublicKeyPanel flow={flow} selectedKey={selectedKey} />}
    </fieldset>
  );
}
