// private_key_jwt keys: generate (non-extractable) or import PEM/JWK, choose kid and alg, export the public JWKS.
import { useState } from 'react';
import { InfoBox } from '../../../components/InfoBox';
import type { SigningAlg } from '../../../types/token';
import { FormField } from '../../../components/FormField';
import { offeredSigningAlgs } from '../model/providerPresets';
import { memoBySlices, type SliceView } from './sliceMemo';
import { fieldId } from '../model/flowFormSchema';
import { PublicKeyPanel } from './PublicKeyPanel';
import { IconKey } from '../../../components/icons/objectIcons';
import { PROVIDERS } from '../../../config/providers';
import { selectedCertificateOf } from '../model/session/sessionContext';
import { CertificateCredentialFields } from './CertificateCredentialFields';

/** Everything the key part reads: typing the secret or a scope does not render it. */
const KEY_SLICES = [
  'form', 'sources', 'errors', 'keys', 'discovery', 'registration', 'selectedKey',
  'setField', 'setFieldError', 'touch', 'generateKey', 'importKey', 'importCertificate', 'selectKey', 'removeKey', 'registerWithSandbox',
] as const;
type ConfigureView = SliceView<(typeof KEY_SLICES)[number]>;

const ALG_HINTS: Record<SigningAlg, string> = {
  ES256: 'ECDSA P-256 with SHA-256: small keys and signatures (default).',
  RS256: 'RSA PKCS#1 v1.5 with SHA-256 (2048-bit keys): the most widely supported.',
  PS256: 'RSA-PSS with SHA-256 (2048-bit keys).',
};

function SigningAlgField({ flow }: { flow: ConfigureView }) {
  const { form } = flow;
  const algs = offeredSigningAlgs(form.provider, flow.discovery.result?.metadata.token_endpoint_auth_signing_alg_values_supported, flow.discovery.override);
  return (
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
  );
}

function GenerateKeyRow({ flow }: { flow: ConfigureView }) {
  const { form, keys } = flow;
  return (
    <div className="cc-actions-row">
      <button type="button" className="btn btn--primary" aria-busy={keys.busy === 'generate' || undefined} disabled={keys.busy !== null} onClick={() => void flow.generateKey(form.signingAlg)}>
        {keys.busy === 'generate' ? 'Generating…' : 'Generate key pair'}
      </button>
      <span className="cc-muted">A new {form.signingAlg} key, created in this browser and never extractable.</span>
    </div>
  );
}

function KeyChoiceField({ flow }: { flow: ConfigureView }) {
  const { form, keys, selectedKey } = flow;
  return (
    <FormField id="cc-keyRef" label="Key to sign with" source={flow.sources.keyRef}>
      {(control) => (
        <select {...control} className="input" value={form.keyRef} onChange={(e) => flow.selectKey(e.target.value)}>
          {!selectedKey && <option value="">Choose a key…</option>}
          {keys.list.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label ?? 'Key'} · {k.key.alg} · {k.id.slice(0, 12)}…
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** The pasted private key and its Import key button; the text is held here only until the import succeeds. */
function ImportKeyFields({ flow }: { flow: ConfigureView }) {
  const { form, keys, selectedKey } = flow;
  const [keyText, setKeyText] = useState('');
  async function importKey() {
    // On success the text is cleared: the key now lives non-extractable in the browser, not in the page.
    if (await flow.importKey(keyText, form.signingAlg)) setKeyText('');
  }
  return (
    <>
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
    </>
  );
}

function KidField({ flow }: { flow: ConfigureView }) {
  return (
    <FormField
      id={fieldId('kid')}
      label="Key ID (kid)"
      source={flow.sources.kid}
      error={flow.errors.kid}
      hint="Defaults to the key's RFC 7638 thumbprint; it must match the kid registered with the provider."
    >
      {(control) => (
        <input {...control} className="input input--mono" spellCheck={false} value={flow.form.kid} onChange={(e) => flow.setField('kid', e.target.value)} onBlur={() => flow.touch('kid')} />
      )}
    </FormField>
  );
}

/** Key generation, import and export for private_key_jwt. The private key never leaves WebCrypto. */
export const KeyManager = memoBySlices(KEY_SLICES, function KeyManager({ flow }: { flow: ConfigureView }) {
  const { keys, selectedKey } = flow;
  return (
    <fieldset className="cc-fieldset">
      <legend><IconKey /> Signing key (private_key_jwt)</legend>
      <SigningAlgField flow={flow} />
      <GenerateKeyRow flow={flow} />
      {keys.list.length > 0 && <KeyChoiceField flow={flow} />}
      <ImportKeyFields flow={flow} />
      {PROVIDERS[flow.form.provider].hosted?.certificateHeader && <CertificateCredentialFields flow={flow} certificate={selectedCertificateOf(flow)} />}
      {keys.storageWarning && <InfoBox variant="warning">{keys.storageWarning}</InfoBox>}
      <KidField flow={flow} />
      {selectedKey && <PublicKeyPanel flow={flow} selectedKey={selectedKey} />}
    </fieldset>
  );
});
