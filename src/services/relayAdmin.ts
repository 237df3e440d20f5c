// The relay's own endpoints: is it running (GET /health), and a pasted client certificate handed over once
// (POST /credentials, DELETE /credentials/:id). All through utils/http.ts fetchWithTimeout, so a hung relay times out.
import { InputError, RelayError } from '../utils/errors';
import { fetchWithTimeout } from '../utils/http';
import { originOf } from '../utils/urlValidation';

const HEALTH_TIMEOUT_MS = 3_000;
const PEER = 'the local relay';

/** The error for a relay that did not answer (not running, wrong port, or the request timed out). */
function relayUnavailable(origin: string, cause?: unknown): RelayError {
  return new RelayError('RELAY_UNAVAILABLE', `The local relay at ${origin} did not answer.`, { relayUrl: origin, cause });
}

export type RelayHealth = { running: true; version: string } | { running: false; error: RelayError };

/**
 * Asks `GET /health`. Not running, another program on the port, or a relay that refuses this page's origin all
 * read as not running, with the RelayError the card explains.
 */
export async function checkRelayHealth(relayUrl: string, signal?: AbortSignal): Promise<RelayHealth> {
  const origin = originOf(relayUrl);
  const unavailable = (cause?: unknown) => ({ running: false as const, error: relayUnavailable(origin, cause) });
  try {
    const response = await fetchWithTimeout(`${origin}/health`, { method: 'GET', credentials: 'omit' }, {
      peer: PEER, timeoutMs: HEALTH_TIMEOUT_MS, signal,
    });
    const body = (await response.json().catch(() => undefined)) as { relay?: unknown; version?: unknown } | undefined;
    if (!response.ok || body?.relay !== true) return unavailable();
    return { running: true, version: typeof body.version === 'string' ? body.version.slice(0, 32) : '?' };
  } catch (error) {
    return unavailable(error);
  }
}

/** What the relay says about an uploaded certificate (never the certificate or the key). */
export interface RelayCredential {
  credentialId: string;
  subject: string;
  issuer: string;
  notAfter: string;
  /** base64url SHA-256 of the DER certificate: what a bound token's `cnf.x5t#S256` must equal (RFC 8705 §3.1). */
  x5tS256: string;
  /** The relay's word on a certificate it kept anyway: expired, or not valid yet (relay/README.md). */
  warning?: string;
}

function isCredential(value: unknown): value is RelayCredential {
  const v = value as Record<string, unknown> | null;
  return !!v && ['credentialId', 'subject', 'issuer', 'notAfter', 'x5tS256'].every((k) => typeof v[k] === 'string');
}

/**
 * Hands a pasted certificate + key (and optionally a CA for the server) to the relay once. Only the returned
 * credentialId is kept, in memory; the PEMs are never stored or logged by the app.
 * @throws InputError field `mtlsCertificate` for a PEM the relay refuses; RelayError when it is not running
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-3.1
 */
export async function uploadRelayCredential(relayUrl: string, pem: { cert: string; key: string; ca?: string }): Promise<RelayCredential> {
  const origin = originOf(relayUrl);
  let response: Response;
  try {
    const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(pem), credentials: 'omit' as const };
    response = await fetchWithTimeout(`${origin}/credentials`, init, { peer: PEER });
  } catch (cause) {
    throw relayUnavailable(origin, cause);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 201 && isCredential(body)) {
    const { credentialId, subject, issuer, notAfter, x5tS256 } = body;
    const warning = (body as { warning?: unknown }).warning;
    // Only the fields the page shows, each a string; a warning is cut to a sentence's length.
    return { credentialId, subject, issuer, notAfter, x5tS256, ...(typeof warning === 'string' ? { warning: warning.slice(0, 300) } : {}) };
  }
  const reason = (body as { reason?: unknown } | undefined)?.reason;
  throw new InputError('mtlsCertificate', `The relay did not accept the certificate: ${typeof reason === 'string' ? reason.slice(0, 300) : `HTTP ${response.status}`}.`);
}

/** Forgets an uploaded credential in the relay (best effort: a restarted relay has forgotten it already). */
export async function deleteRelayCredential(relayUrl: string, credentialId: string): Promise<void> {
  try {
    const url = `${originOf(relayUrl)}/credentials/${encodeURIComponent(credentialId)}`;
    await fetchWithTimeout(url, { method: 'DELETE', credentials: 'omit' }, { peer: PEER, timeoutMs: HEALTH_TIMEOUT_MS });
  } catch {
    // Nothing to do: the relay keeps credentials in memory only, and at most the 20 newest.
  }
}
