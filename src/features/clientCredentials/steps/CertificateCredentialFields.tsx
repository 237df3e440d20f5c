// A certificate credential for private_key_jwt (Entra ID): paste the X.509 certificate and its private key; the key
// is imported non-extractable, and the assertion header names the certificate by its thumbprint(s).
import { useState } from 'react';
import { PemArea } from '../../../components/ClientCertificateFields';
import { FormField } from '../../../components/FormField';
import type { X509HeaderChoice, X509Thumbprints } from '../../../utils/x509Thumbprint';
import { fieldId } from '../model/flowFormSchema';
import type { ConfigureView } from './configureView';

const HEADER_OPTIONS: ReadonlyArray<[X509HeaderChoice, string]> = [
  ['x5t#S256', 'x5t#S256 (SHA-256)'],
  ['x5t', 'x5t (SHA-1)'],
  ['both', 'x5t and x5t#S256'],
];

/** The pasted PEMs, held here only until the import succeeds (then cleared: the key lives in WebCrypto). */
function PasteCertificate({ flow }: { flow: Pick<ConfigureView, 'importCertificate' | 'keys'> }) {
  const [cert, setCert] = useState('');
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  async function importBoth() {
    setProblem(undefined);
    const failed = await flow.importCertificate(cert, key);
    if (failed) {
      setProblem(failed); // the texts stay for another try
      return;
    }
    setCert('');
    setKey('');
  }
  return (
    <>
      <PemArea label="Certificate (PEM)" value={cert} onChange={setCert} />
      <PemArea label="Certificate key (PEM)" value={key} onChange={setKey} />
      <div className="cc-actions-row">
        <button type="button" className="btn btn--secondary" disabled={flow.keys.busy !== null || !cert.trim() || !key.trim()} onClick={() => void importBoth()}>
          {flow.keys.busy === 'import' ? 'Importing…' : 'Import certificate'}
        </button>
      </div>
      {problem && <p role="alert" className="field-error">{problem}</p>}
    </>
  );
}

/** The thumbprints of the certificate in use, as the provider lists them (public values). */
function Thumbprints({ thumbprints }: { thumbprints: X509Thumbprints }) {
  return (
    <dl className="cc-thumbprints" aria-label="Certificate thumbprints">
      <dt>x5t#S256</dt>
      <dd><code>{thumbprints['x5t#S256']}</code></dd>
      <dt>x5t</dt>
      <dd><code>{thumbprints.x5t}</code></dd>
    </dl>
  );
}

/** Shown in the signing key box for a provider whose row documents certificate credentials. */
export function CertificateCredentialFields({ flow, certificate }: { flow: Pick<ConfigureView, 'form' | 'sources' | 'keys' | 'setField' | 'importCertificate'>; certificate: X509Thumbprints | undefined }) {
  return (
    <fieldset className="cc-fieldset">
      <legend>Certificate credential</legend>
      <p className="cc-field__hint">
        Upload the certificate to the app registration (Certificates &amp; secrets), then paste it here with its PKCS#8 private key. The key is
        imported non-extractable; the assertion header names the certificate by its thumbprint.
      </p>
      <PasteCertificate flow={flow} />
      {certificate && (
        <>
          <Thumbprints thumbprints={certificate} />
          <FormField id={fieldId('certificateHeader')} label="Certificate thumbprint header" source={flow.sources.certificateHeader}>
            {(control) => (
              <select {...control} className="input" value={flow.form.certificateHeader} onChange={(e) => flow.setField('certificateHeader', e.target.value as X509HeaderChoice)}>
                {HEADER_OPTIONS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </>
      )}
    </fieldset>
  );
}
