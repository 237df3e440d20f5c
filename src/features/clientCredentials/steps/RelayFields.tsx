// Step 1's relay pieces: the `Send through the local relay` box, and the client certificate for an mTLS method.
import { FieldError } from '../../../components/FieldError';
import { ClientCertificateFields, type CertificateRefField } from '../../../components/ClientCertificateFields';
import { RelayToggle } from '../../../components/RelayToggle';
import { isMtlsAuthMethod } from '../../../types/token';
import { PROVIDERS } from '../../../config/providers';
import { MTLS_NEEDS_RELAY } from '../../../utils/relayRoute';
import { fieldId } from '../model/flowFormSchema';
import type { ConfigureView } from './configureView';
import { memoBySlices } from './sliceMemo';

/** The relay box, bound to the form's `viaRelay` (persisted like the other non-secret fields). */
const RELAY_SLICES = ['form', 'errors', 'relayUrl', 'setViaRelay'] as const;
const CERTIFICATE_SLICES = ['form', 'errors', 'mtlsCredential', 'relayUrl', 'setField', 'uploadCertificate', 'forgetCertificate'] as const;

export const RelaySetting = memoBySlices(RELAY_SLICES, function RelaySetting({ flow }: { flow: Pick<ConfigureView, (typeof RELAY_SLICES)[number]> }) {
  const refused = PROVIDERS[flow.form.provider].hosted?.browserRefused;
  return (
    <div id={fieldId('viaRelay')}>
      <RelayToggle checked={flow.form.viaRelay} onChange={flow.setViaRelay} relayUrl={flow.relayUrl} />
      {refused && (
        <p className="cc-field__hint">
          Ticked for {PROVIDERS[flow.form.provider].label}: {refused.reason}{' '}
          <a href={refused.source} target="_blank" rel="noreferrer noopener">
            source
          </a>
        </p>
      )}
      <FieldError id={`${fieldId('viaRelay')}-error`} message={flow.errors.viaRelay} />
    </div>
  );
});

/** The note beside the method select when mTLS is offered but the relay box is off. */
export function mtlsMethodNote(flow: Pick<ConfigureView, 'form'>): string | undefined {
  if (flow.form.viaRelay) return undefined;
  return `tls_client_auth and self_signed_tls_client_auth: ${MTLS_NEEDS_RELAY}`;
}

/** The certificate source for tls_client_auth / self_signed_tls_client_auth (RFC 8705 §2). */
export const CertificateSetting = memoBySlices(CERTIFICATE_SLICES, function CertificateSetting({ flow }: { flow: Pick<ConfigureView, (typeof CERTIFICATE_SLICES)[number]> }) {
  const { form } = flow;
  if (!isMtlsAuthMethod(form.authMethod)) return null;
  const onRefChange = (field: CertificateRefField, value: string) => flow.setField(field, value);
  return (
    <ClientCertificateFields
      refs={{ mtlsCertRef: form.mtlsCertRef, mtlsKeyRef: form.mtlsKeyRef, mtlsCaRef: form.mtlsCaRef }}
      onRefChange={onRefChange}
      credential={flow.mtlsCredential}
      onUpload={flow.uploadCertificate}
      onForget={flow.forgetCertificate}
      errors={{ mtlsCertRef: flow.errors.mtlsCertRef, mtlsKeyRef: flow.errors.mtlsKeyRef }}
    />
  );
});
