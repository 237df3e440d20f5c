// The client certificate for tls_client_auth / self_signed_tls_client_auth (RFC 8705): file names the relay reads,
// or a pasted certificate + key (+ the server's CA) handed to the relay once and kept only as its credentialId, in
// memory. Presentational: the caller hands the PEMs over and forgets them (the flow session does).
import { useId, useState } from 'react';
import type { RelayCredential } from '../services/relayAdmin';
import { MTLS_NEEDS_RELAY } from '../utils/relayRoute';
import { FormField } from './FormField';
import './relay.css';

export type CertificateRefField = 'mtlsCertRef' | 'mtlsKeyRef' | 'mtlsCaRef';

export interface ClientCertificateFieldsProps {
  refs: Record<CertificateRefField, string>;
  onRefChange: (field: CertificateRefField, value: string) => void;
  /** The pasted certificate the relay holds (memory only: never stored, never logged). */
  credential: RelayCredential | undefined;
  /** Hands the pasted PEMs to the relay; resolves with why it failed, or undefined when the relay took them. */
  onUpload: (pem: { cert: string; key: string; ca?: string }) => Promise<string | undefined>;
  /** Asks the relay to drop the pasted certificate. */
  onForget: () => void;
  errors?: Partial<Record<CertificateRefField, string>>;
}

const REF_LABELS: Record<CertificateRefField, { label: string; hint: string }> = {
  mtlsCertRef: { label: 'Client certificate file', hint: 'A PEM file name in the relay’s certificate directory (RELAY_CERT_DIR, default certs/).' },
  mtlsKeyRef: { label: 'Client key file', hint: 'The certificate’s private key, a PEM file in the same directory.' },
  mtlsCaRef: { label: 'Server CA file', hint: 'Optional: a CA the relay trusts for the server’s certificate (the sandbox’s demo CA).' },
};

function RefFields({ refs, onRefChange, errors }: Pick<ClientCertificateFieldsProps, 'refs' | 'onRefChange' | 'errors'>) {
  return (
    <>
      {(Object.keys(REF_LABELS) as CertificateRefField[]).map((field) => (
        <FormField key={field} id={`cc-${field}`} label={REF_LABELS[field].label} hint={REF_LABELS[field].hint} error={errors?.[field]}>
          {(control) => (
            <input {...control} className="input input--mono" spellCheck={false} value={refs[field]} onChange={(e) => onRefChange(field, e.target.value)} />
          )}
        </FormField>
      ))}
    </>
  );
}

/** A masked PEM textarea: pasted key material is not shown on screen unless asked for. */
export function PemArea({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="cc-field">
      <label htmlFor={id} className="cc-field__label">{label}</label>
      <textarea
        id={id} className={`input input--mono${shown ? '' : ' pem-masked'}`} rows={4} spellCheck={false} autoComplete="off"
        value={value} onChange={(e) => onChange(e.target.value)}
      />
      <button type="button" className="btn btn--secondary btn--small" aria-controls={id} aria-pressed={shown} onClick={() => setShown((s) => !s)}>
        {shown ? 'Hide' : 'Show'} {label.toLowerCase()}
      </button>
    </div>
  );
}

function PastedCertificate({ onUpload }: Pick<ClientCertificateFieldsProps, 'onUpload'>) {
  const [cert, setCert] = useState('');
  const [key, setKey] = useState('');
  const [ca, setCa] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const upload = async () => {
    setBusy(true);
    setProblem(undefined);
    const failed = await onUpload(ca.trim() ? { cert, key, ca } : { cert, key });
    setBusy(false);
    if (failed) {
      setProblem(failed); // nothing typed is lost: the PEMs stay for another try
      return;
    }
    // Handed over: the PEMs leave the page's state at once.
    setCert('');
    setKey('');
    setCa('');
  };
  return (
    <details className="relay-pem">
      <summary>Or paste a certificate and key</summary>
      <PemArea label="Certificate (PEM)" value={cert} onChange={setCert} />
      <PemArea label="Private key (PEM)" value={key} onChange={setKey} />
      <PemArea label="Server CA (PEM, optional)" value={ca} onChange={setCa} />
      <button type="button" className="btn btn--secondary" disabled={busy || !cert.trim() || !key.trim()} onClick={() => void upload()}>
        Hand to the relay
      </button>
      {problem && <p role="alert" className="relay-health-down">{problem}</p>}
    </details>
  );
}

function HeldCertificate({ credential, onForget }: Pick<ClientCertificateFieldsProps, 'onForget'> & { credential: RelayCredential }) {
  return (
    <div role="group" aria-label="Certificate held by the relay" className="relay-held">
      <p>The relay holds a pasted certificate (in its memory only):</p>
      <dl>
        <dt>Subject</dt><dd>{credential.subject}</dd>
        <dt>Issuer</dt><dd>{credential.issuer}</dd>
        <dt>Valid until</dt><dd>{credential.notAfter}</dd>
        <dt>x5t#S256</dt><dd><code>{credential.x5tS256}</code></dd>
      </dl>
      {credential.warning && <p role="status" className="relay-health-down">{credential.warning}</p>}
      <button type="button" className="btn btn--secondary btn--small" onClick={onForget}>Forget certificate</button>
    </div>
  );
}

/** The certificate source for an mTLS method, with the note why it needs the relay. */
export function ClientCertificateFields(props: ClientCertificateFieldsProps) {
  const { credential, onUpload, onForget } = props;
  return (
    <fieldset className="relay-certificate">
      <legend>Client certificate (mutual TLS)</legend>
      <p className="cc-field__hint">{MTLS_NEEDS_RELAY}</p>
      {credential ? (
        <HeldCertificate credential={credential} onForget={onForget} />
      ) : (
        <>
          <RefFields refs={props.refs} onRefChange={props.onRefChange} errors={props.errors} />
          <PastedCertificate onUpload={onUpload} />
        </>
      )}
    </fieldset>
  );
}
