// `POST /forward`: check the envelope, vet the target, send it with the right client certificate, report the answer.
import { readCertRefs } from './certFiles.js';
import { logLine } from '../lib/logText.js';
import { badRequest, ClientGone, UpstreamFailure } from './refusal.js';
import { vetTarget } from './targetPolicy.js';
import { sendUpstream } from './upstream.js';

/** Methods whose request may be sent twice with the effect of once (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Rejects with the abort's reason (timeout or client gone) when `signal` aborts first (DNS has no abort of its own). */
function unlessAborted(promise, signal) {
  return Promise.race([promise, new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
}

/**
 * The client TLS options for the envelope's `mtls`, or null without one. An upload's own CA and a caRef file are both
 * trusted for the server (`ca` is then a list).
 * @returns {Promise<null | { cert?: string, key?: string, ca?: string | string[] }>}
 */
async function clientTls(mtls, { certDir, credentials, origin }) {
  if (!mtls) return null;
  if (mtls.credentialId === undefined) return readCertRefs(certDir, mtls);
  const tls = credentials.get(mtls.credentialId, origin);
  if (!tls) throw badRequest('unknown mtls.credentialId: the relay keeps uploads only in memory until it restarts, each for the page origin that uploaded it; upload the certificate again');
  if (mtls.caRef === undefined) return tls;
  const { ca } = await readCertRefs(certDir, { caRef: mtls.caRef });
  return { ...tls, ca: [tls.ca, ca].filter(Boolean) };
}

/**
 * Carries out one parsed envelope within `timeoutMs` and returns the upstream description.
 * @param {ReturnType<import('./envelope.js').parseForwardEnvelope>} envelope
 * @param {{ lookup: Function, allowPrivate: boolean, certDir: string, credentials: object, agents: object, origin: string,
 *   timeoutMs: number, maxBodyBytes: number, onClientGone: (abort: () => void) => void }} context `origin` is the
 *   page's Origin: an uploaded credential is found only for the origin that uploaded it
 */
export async function forward(envelope, context) {
  const { url } = envelope;
  const controller = new AbortController();
  // The abort's reason is what the forward ends with: the timeout failure, or the page having gone away.
  const timer = setTimeout(() => controller.abort(new UpstreamFailure('timeout', 'ETIMEDOUT', `${url.origin} did not answer within ${context.timeoutMs} ms`)), context.timeoutMs);
  context.onClientGone(() => controller.abort(new ClientGone()));
  try {
    const tls = await clientTls(envelope.mtls, context);
    const addresses = await unlessAborted(vetTarget(url, context), controller.signal);
    const send = () => sendUpstream({
      ...envelope, addresses, tls, agent: context.agents.agentFor(url, tls), signal: controller.signal, maxBodyBytes: context.maxBodyBytes,
    });
    return await send().catch((failure) => {
      // A server may close a kept-alive connection just as a request goes out on it. An idempotent request is sent
      // again, once, on a new connection; any other may have been acted on and is not.
      // @see https://www.rfc-editor.org/rfc/rfc9112#section-9.3.1 and https://www.rfc-editor.org/rfc/rfc9110#section-9.2.2
      if (failure instanceof UpstreamFailure && failure.reusedConnection && IDEMPOTENT_METHODS.has(envelope.method)) return send();
      throw failure;
    });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One log line per forward: method, target origin + path (never the query or fragment, which may carry tokens),
 * outcome, duration, and `mtls` when a client certificate was used. Never a header, body, certificate, key or id.
 * @param {{ method?: string, url?: URL, mtls?: object | null } | null} envelope null when it did not parse
 * @param {{ status?: number, reason?: string, kind?: string } | ClientGone} outcome
 */
export function forwardLogLine(envelope, outcome, ms) {
  const target = envelope?.url ? logLine` ${envelope.method} ${envelope.url.origin}${envelope.url.pathname}` : '';
  const result = outcome instanceof ClientGone ? logLine`abandoned: ${outcome.reason}`
    : outcome.kind ? logLine`failed ${outcome.kind}: ${outcome.reason}`
    : outcome.reason ? logLine`refused: ${outcome.reason}` : logLine`${outcome.status}`;
  const clientCertificate = Boolean(envelope?.mtls?.certRef || envelope?.mtls?.credentialId);
  return `[relay] forward${target} ${result} ${ms}ms${clientCertificate ? ' mtls' : ''}`;
}
