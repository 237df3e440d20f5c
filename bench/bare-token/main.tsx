// The click-to-token bench's reference: React 19, one button, the same token request the app sends for
// client_secret_post, its JSON read and the access token's claims shown (no validation, checks, cache or history).
// Built by the same Vite as the app (bench/support/bareApp.ts); what the app adds on top is the app's own work.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

/** Set by the bench before the page loads (an init script): the sandbox's endpoint and its public demo client. */
interface BareTokenTarget {
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
}

const target = (window as Window & { __bareTokenTarget?: BareTokenTarget }).__bareTokenTarget;

/** The JWT's payload (RFC 7519 §3: base64url JSON), without any check. */
function claimsOf(jwt: string): unknown {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
}

function TokenPage({ to }: { to: BareTokenTarget }) {
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ n: number; claims: unknown } | null>(null);
  async function getToken() {
    setBusy(true);
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: to.clientId, client_secret: to.clientSecret });
    const response = await fetch(to.tokenEndpoint, { method: 'POST', body });
    const json = (await response.json()) as { access_token: string };
    setShown((previous) => ({ n: (previous?.n ?? 0) + 1, claims: claimsOf(json.access_token) }));
    setBusy(false);
  }
  return (
    <main>
      <button type="button" onClick={() => void getToken()} disabled={busy}>
        {busy ? 'Getting token…' : 'Get token'}
      </button>
      {shown && (
        // A new region per token, as the app mounts one: the bench waits for a region it has not seen before.
        <section key={shown.n} aria-labelledby={`decoded-${shown.n}`}>
          <h2 id={`decoded-${shown.n}`}>Decoded access token</h2>
          <pre>{JSON.stringify(shown.claims, null, 2)}</pre>
        </section>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>{target ? <TokenPage to={target} /> : <p>Open this page from the click-to-token bench.</p>}</StrictMode>,
);
