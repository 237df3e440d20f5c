// Step 2's DPoP proof (RFC 9449 §4): a preview proof for this request, decoded, with the linter's findings.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { JsonView } from '../../../components/JsonView';
import { effects } from '../../../utils/effects';
import type { LintFinding } from '../../../utils/oauth/assertionLint';
import type { RequestDescription } from '../../../utils/oauth/description';
import { createDpopProof } from '../../../utils/oauth/dpop';
import { lintDpopProof } from '../../../utils/oauth/dpopLint';
import type { DpopStore } from '../../../contexts/dpopStore';
import { useAsyncValue } from '../../../hooks/useAsyncValue';
import { LintResults } from './AssertionPanel';

/** The placeholder the exports show: a proof is good for one request only, so a copied one would be refused. */
export const DPOP_PROOF_PLACEHOLDER = '<DPoP proof: a new ES256 JWT for each request, RFC 9449 section 4>';

type Preview = { proof: string; findings: LintFinding[] } | { error: string };

/** Signs a preview proof for a request with the app's DPoP key and lints it (the one sent with Get token is always new). */
async function previewProof(description: RequestDescription, dpop: Pick<DpopStore, 'binding'>): Promise<Preview> {
  try {
    const { key, nonces } = await dpop.binding();
    const nonce = nonces.get(description.url);
    const proof = await createDpopProof({ key, htm: description.method, url: description.url, nonce });
    const findings = await lintDpopProof(proof, { htm: description.method, url: description.url, now: effects().clock.now(), nonce });
    return { proof, findings };
  } catch (error) {
    return { error: error instanceof Error ? error.message : 'The DPoP proof could not be signed.' };
  }
}

export interface DpopProofPanelProps {
  description: RequestDescription;
  dpop: Pick<DpopStore, 'binding'>;
}

export function DpopProofPanel({ description, dpop }: DpopProofPanelProps) {
  // A new proof whenever the request changes.
  const [signed] = useAsyncValue(description, (d) => previewProof(d, dpop));
  const preview = signed?.status === 'fulfilled' ? signed.value : undefined;
  return (
    <section className="cc-assertion" aria-label="DPoP proof">
      <h3 className="panel-title">DPoP proof (header DPoP)</h3>
      <p className="cc-muted">
        Sent as the <code>DPoP</code> header. <code>Get token</code> signs a new proof for every send (new <code>jti</code>, current <code>iat</code>), with the
        server nonce once the server has given one; a proof to an API also carries <code>ath</code>, the hash of the access token.
      </p>
      {!preview && <p role="status">Signing a preview proof…</p>}
      {preview && 'error' in preview && <p role="alert">{preview.error}</p>}
      {preview && 'proof' in preview && (
        <>
          <JsonView value={decodeProtectedHeader(preview.proof)} label="DPoP proof header" />
          <JsonView value={decodeJwt(preview.proof)} label="DPoP proof claims" />
          <LintResults findings={preview.findings} label="DPoP proof checks" />
        </>
      )}
    </section>
  );
}
