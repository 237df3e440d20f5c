// Step 2 (Request): the exact HTTP request from the one RequestDescription, masked, decoded, linted and exportable.
import { useState } from 'react';
import { CodeExport } from '../../../components/CodeExport';
import { RelayBadge } from '../../../components/RelayToggle';
import { isMtlsAuthMethod } from '../../../types/token';
import { ColorCodedURL } from '../../../components/ColorCodedURL';
import { InfoBox } from '../../../components/InfoBox';
import type { CodeExportInput } from '../../../utils/codeExport/exportInput';
import type { RequestDescription } from '../../../utils/oauth/description';
import { bodyPairs, maskRequestDescription } from '../../../utils/oauth/requestMask';
import { AssertionPanel, PasteAssertionLinter, type AssertionContext } from './AssertionPanel';
import { DPOP_PROOF_PLACEHOLDER, DpopProofPanel, type DpopProofPanelProps } from './DpopProofPanel';
import { withDpopHeader } from '../../../utils/oauth/dpopRequest';
import type { AssertionChoice } from '../model/flowRequest';
import type { FlowError, FlowForm } from '../model/flowTypes';
import { PROVIDERS } from '../../../config/providers';

export interface RequestStepProps {
  description: RequestDescription | null;
  error: FlowError | null;
  pending: boolean;
  /** The form; its assertion audience mode is optional until FlowForm carries it (token endpoint meanwhile). */
  form: FlowForm & AssertionChoice;
  /** Signs a fresh preview assertion (new jti, iat). */
  onRefresh: () => void;
  /** The app's DPoP key, for the preview proof when the form binds with DPoP. */
  dpop: DpopProofPanelProps['dpop'];
}

function urlTemplate(form: FlowForm): string {
  if (form.tokenEndpoint.trim()) return form.tokenEndpoint;
  return PROVIDERS[form.provider].tokenEndpointTemplate;
}

function assertionContext(form: FlowForm): AssertionContext {
  // The preview is the token request: the endpoint called is the token endpoint, `aud` is held to the form's mode.
  const ctx: AssertionContext = {
    clientId: form.clientId, tokenEndpoint: form.tokenEndpoint, endpoint: form.tokenEndpoint, audienceMode: form.assertionAudience, skewSeconds: form.clockSkewSeconds,
  };
  if (form.issuer) ctx.issuer = form.issuer;
  if (form.authMethod === 'private_key_jwt' || form.authMethod === 'client_secret_jwt') ctx.method = form.authMethod;
  return ctx;
}

/**
 * What the code export is made from: the description as shown (DPoP proof as a placeholder) plus the inputs a
 * program needs to authenticate by itself, read from the form the request was built from. The audience mode falls
 * back as buildFlowAuth's does, so a program signs the `aud` the preview assertion carries.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2
 */
function exportInputOf(description: RequestDescription, form: FlowForm & AssertionChoice, reveal: boolean): CodeExportInput {
  // A proof is good for one request: the exports carry a placeholder where a backend signs its own.
  const exported = form.dpop ? withDpopHeader(description, DPOP_PROOF_PLACEHOLDER) : description;
  return {
    description: exported,
    authMethod: form.authMethod,
    issuer: form.issuer.trim() || undefined,
    assertion: { audience: form.assertionAudience, typ: form.assertionTyp, lifetimeSeconds: form.assertionLifetimeSeconds },
    // The key stays non-extractable in this browser: a program reads its own PKCS#8 file, named here.
    privateKey: form.authMethod === 'private_key_jwt' ? { file: 'private-key.pem', alg: form.signingAlg, kid: form.kid.trim() || undefined } : undefined,
    // A backend presents the certificate itself: the exports name the files, never their contents.
    clientCertificate: isMtlsAuthMethod(form.authMethod) ? { certFile: form.mtlsCertRef, keyFile: form.mtlsKeyRef, caFile: form.mtlsCaRef } : undefined,
    dpop: form.dpop,
    refreshBeforeSeconds: form.proactiveRefreshSeconds,
    reveal,
  };
}

function NameValueTable({ caption, rows }: { caption: string; rows: ReadonlyArray<[string, string]> }) {
  return (
    <table className="cc-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, value], i) => (
          <tr key={`${name}-${i}`}>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td>
              <code>{value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RequestStep({ description, error, pending, form, onRefresh, dpop }: RequestStepProps) {
  const [reveal, setReveal] = useState(false);
  const context = assertionContext(form);

  if (!description) {
    return (
      <div className="cc-request">
        <p>
          <strong className="cc-method">POST</strong> <ColorCodedURL url={urlTemplate(form)} />
        </p>
        {pending ? (
          <p role="status">Building the request…</p>
        ) : (
          <InfoBox variant="warning" title="The request is not ready yet">
            {error?.message ?? 'Complete step 1 first.'} Go back to <em>Configure</em> to fix it.
          </InfoBox>
        )}
        <PasteAssertionLinter context={context} />
      </div>
    );
  }

  // Everything below comes from this one description: never rebuilt here.
  const masked = maskRequestDescription(description);
  const assertion = new URLSearchParams(description.body).get('client_assertion');
  const relayed = form.viaRelay || isMtlsAuthMethod(form.authMethod);
  return (
    <div className="cc-request">
      <p className="cc-request__line">
        <strong className="cc-method">{description.method}</strong> <ColorCodedURL url={description.url} />
        {relayed && <> <RelayBadge /></>}
      </p>
      {relayed && (
        <p className="cc-field__hint">
          Sent by the local relay (Node), not by this page{isMtlsAuthMethod(form.authMethod) ? ', with the client certificate in the TLS handshake (RFC 8705)' : ''}.
          The exported code below is the direct request, as a backend would send it.
        </p>
      )}
      <NameValueTable caption="Headers" rows={Object.entries(masked.headers)} />
      <NameValueTable caption="Form body (application/x-www-form-urlencoded)" rows={bodyPairs(masked.body).map((p) => [p.name, p.value] as [string, string])} />
      {assertion && (
        <>
          <AssertionPanel assertion={assertion} context={context} />
          <p className="cc-muted">
            This preview assertion expires after {form.assertionLifetimeSeconds} s; <em>Get token</em> always signs a new one with a fresh <code>jti</code>,
            and each attempt (every retry after a 429, 5xx or network error) signs a fresh assertion with a new <code>jti</code>: a server refuses a
            replayed one.{' '}
            <button type="button" className="btn btn--secondary btn--small" onClick={onRefresh}>
              Sign a fresh preview
            </button>
          </p>
        </>
      )}
      {form.dpop && <DpopProofPanel description={description} dpop={dpop} />}
      <PasteAssertionLinter context={context} />
      <label className="cc-check">
        <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
        Reveal secrets in export
      </label>
      {reveal && (
        <InfoBox variant="security" title="Secrets are shown in the code below">
          The cURL and fetch exports carry the credentials (the programs always read them from the environment or a key file). Do not paste
          them into tickets or chats. Untick to go back to placeholders.
        </InfoBox>
      )}
      <CodeExport input={exportInputOf(description, form, reveal)} />
    </div>
  );
}
