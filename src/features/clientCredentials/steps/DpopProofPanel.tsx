// Step 2's DPoP proof (RFC 9449 §4): a preview proof for this request, decoded, with the linter's findings.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { useEffect, useState } from 'react';
import { JsonView } from '../../../components/JsonView';
import { effects } from '../../../utils/effects';
import type { LintFinding } from '../../../utils/oauth/assertionLint';
import type { RequestDescription } from '../../../utils/oauth/description';
import { createDpopProof } from '../../../utils/oauth/dpop';
import { lintDpopProof } from '../../../utils/oauth/dpopLint';
import { dpopSession } from '../model/dpopSession';
import { LintResults } from './AssertionPanel';

/** The placeholder the exports show: a proof is good for one request only, so a copied one would be refused. */
export const DPOP_PROOF_PLACEHOLDER = '<DPoP proof: a new ES256 JWT for each request, RFC 9449 section 4>';

type Preview = { proof: string; findings: LintFinding[] } | { error: string };

/** Signs a preview proof whenever the request changes (the one sent with Get token is always a new one). */
function usePreviewProof(description: RequestDescription): Preview | undefined {
  const [preview, setPreview] = useState<{ for: RequestDescription; value: Preview }>();
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const { key, nonces } = await dpopSession.binding();
        const nonce = nonces.get(description.url);
        const proof = await createDpopProof({ key, htm: description.method, url: description.url, nonce });
        const findings = await lintDpopProof(proof, { htm: description.method, url: description.url, now: effects().clock.now(), nonce });
        if (live) setPreview({ for: description, value: { proof, findings } });
      } catch (error) {
        if (live) setPreview({ for: description, value: { error: error instanceof Error ? error.message : 'The DPoP proof could not be signed.' } });
      }
    })();
    return () => {
      live = false;
    };
  }, [description]);
  return preview?.for === description ? preview.value : undefined;
}

export function DpopProofPanel({ description }: { description: RequestDescription }) {
  const preview = usePreviewProof(description);
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
