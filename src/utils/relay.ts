// The local relay's wire contract, app side: a request as a `/forward` envelope, the answer back as a Response.
// relay/README.md is the contract; the relay itself is a separate Node program this module never imports.
import { effects } from './effects';
import { RelayError, type RelayUpstreamKind } from './errors';
import { originOf } from './urlValidation';

/**
 * The client certificate the relay attaches (RFC 8705 §2): files in its `RELAY_CERT_DIR`, or a credential
 * uploaded once with `POST /credentials`; `caRef` alone trusts a CA and sends no certificate.
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2
 */
export type RelayMtls =
  | { certRef: string; keyRef: string; caRef?: string }
  | { credentialId: string; caRef?: string }
  | { caRef: string };

/** Send through the relay at `url` instead of from the page (and, for mTLS, with this certificate). */
export interface RelayRoute {
  url: string;
  mtls?: RelayMtls;
}

/** The `/forward` request body. */
export interface ForwardEnvelope {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  mtls?: RelayMtls;
}

/** Longest relay reason kept: reasons are short sentences, anything longer is not the relay's. */
const MAX_REASON_LENGTH = 300;
const UPSTREAM_KINDS: ReadonlySet<string> = new Set<RelayUpstreamKind>(['unreachable', 'tls', 'timeout', 'too_large']);
/** Statuses whose Response must have a null body (Fetch "null body status"). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

function headersOf(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** The envelope for one request. Only string bodies travel: every caller here sends form or JSON text. */
export function toForwardEnvelope(url: string, init: RequestInit, mtls?: RelayMtls): ForwardEnvelope {
  if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
    throw new TypeError('the relay forwards string bodies only');
  }
  const envelope: ForwardEnvelope = {
    method: (init.method ?? 'GET').toUpperCase(),
    url,
    headers: headersOf(init.headers),
    body: init.body ?? null,
  };
  if (mtls) envelope.mtls = mtls;
  return envelope;
}

/** A reason from the relay as plain, short, printable text (it is rendered as text anyway). */
function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const printable = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return printable.length > MAX_REASON_LENGTH ? `${printable.slice(0, MAX_REASON_LENGTH)}…` : printable;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The upstream answer described by a `200` from `/forward`, as a Response the callers read like any other. */
function upstreamResponse(answer: Record<string, unknown>, relayUrl: string): Response {
  const { status, statusText, headers, body } = answer;
  if (typeof status !== 'number' || !isRecord(headers) || (body !== undefined && body !== null && typeof body !== 'string')) {
    throw new RelayError('RELAY_REFUSED', 'The relay answered with something that is not its /forward contract.', { relayUrl });
  }
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    try {
      if (typeof value === 'string') out.append(name, value);
    } catch {
      // A header the Fetch API will not hold (bad name or value) is dropped, as a browser would drop it.
    }
  }
  try {
    return new Response(NULL_BODY_STATUSES.has(status) ? null : ((body as string | null | undefined) ?? ''), {
      status,
      statusText: typeof statusText === 'string' ? cleanText(statusText) ?? '' : '',
      headers: out,
    });
  } catch (error) {
    throw new RelayError('RELAY_REFUSED', `The relay reported an upstream status the browser cannot represent (${status}).`, {
      relayUrl, cause: error,
    });
  }
}

/**
 * Reads the relay's answer to `/forward`: `200` → the upstream response; `relay_refused` → RELAY_REFUSED with its
 * reason; `relay_upstream_error` → RELAY_UPSTREAM_ERROR with kind, code and reason.
 * @throws RelayError
 */
export async function readForwardAnswer(answer: Response, relayUrl: string): Promise<Response> {
  let json: unknown;
  try {
    json = await answer.json();
  } catch (error) {
    throw new RelayError('RELAY_UNAVAILABLE', `Something at ${relayUrl} answered HTTP ${answer.status}, but not as the relay does.`, {
      relayUrl, cause: error,
    });
  }
  if (!isRecord(json)) throw new RelayError('RELAY_UNAVAILABLE', 'The relay answered with something that is not its /forward contract.', { relayUrl });
  if (answer.status === 200) return upstreamResponse(json, relayUrl);
  const reason = cleanText(json.reason);
  if (json.error === 'relay_upstream_error') {
    const kind = typeof json.kind === 'string' && UPSTREAM_KINDS.has(json.kind) ? (json.kind as RelayUpstreamKind) : undefined;
    throw new RelayError('RELAY_UPSTREAM_ERROR', `The relay could not get an answer: ${reason ?? kind ?? 'unknown failure'}.`, {
      relayUrl, reason, kind, upstreamCode: cleanText(json.code)?.slice(0, 64),
    });
  }
  throw new RelayError('RELAY_REFUSED', `The relay refused the request: ${reason ?? `HTTP ${answer.status}`}.`, {
    relayUrl, reason,
  });
}

/** The init of the `/forward` call itself: JSON, no cookies, no redirects (the relay never answers one). */
export function forwardInit(envelope: ForwardEnvelope, signal: AbortSignal | null | undefined): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(envelope),
    credentials: 'omit',
    redirect: 'error',
    signal: signal ?? null,
  };
}

/**
 * A fetch that sends `url` + `init` as a `/forward` envelope to the relay and returns the upstream's Response
 * (http.ts loads this module on the first relayed request: most visits never use the relay).
 */
export function relayFetch(route: RelayRoute): typeof fetch {
  const relayUrl = originOf(route.url);
  return async (input, init = {}) => {
    const envelope = toForwardEnvelope(String(input), init, route.mtls);
    let answer: Response;
    try {
      answer = await effects().fetch(`${relayUrl}/forward`, forwardInit(envelope, init.signal));
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new RelayError('RELAY_UNAVAILABLE', `The local relay at ${relayUrl} did not answer.`, { relayUrl, cause: error });
    }
    return readForwardAnswer(answer, relayUrl);
  };
}
