// A fetch for the runner over node:http(s), so a request can present a client certificate (RFC 8705) natively.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';

/** PEM contents (never file names) for the TLS handshake. */
export interface TlsMaterial {
  cert?: string | undefined;
  key?: string | undefined;
  /** Trusted in addition to Node's root certificates, not instead of them. */
  ca?: string | undefined;
}

/** Statuses whose Response may not have a body (Fetch: "null body status"). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function headersOf(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function bodyOf(init: RequestInit | undefined): string | undefined {
  const body = init?.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  throw new TypeError('nodeFetch sends string or URLSearchParams bodies only.');
}

/**
 * A `fetch` that never follows redirects (the token request's `redirect: 'manual'`, as a plain 3xx), verifies the
 * server always, and presents `tls.cert`/`tls.key` when given. A fresh connection per request: the certificate
 * belongs to the connection. Failures reject with Node's own error (its `code`, e.g. ECONNREFUSED,
 * UNABLE_TO_VERIFY_LEAF_SIGNATURE), which the core wraps as NETWORK.
 */
export function createNodeFetch(tls: TlsMaterial = {}): typeof fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const body = bodyOf(init);
      const headers = Object.fromEntries(new Headers(init?.headers).entries());
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const secure = url.protocol === 'https:';
      const options = {
        method: init?.method ?? 'GET',
        headers,
        agent: false as const,
        signal: init?.signal ?? undefined,
        ...(secure
          ? { rejectUnauthorized: true, cert: tls.cert, key: tls.key, ...(tls.ca ? { ca: [...rootCertificates, tls.ca] } : {}) }
          : {}),
      };
      const req = (secure ? httpsRequest : httpRequest)(url, options, (res) => {
        const status = res.statusCode ?? 0;
        const stream = NULL_BODY.has(status) ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
        if (stream === null) res.resume();
        resolve(new Response(stream, { status, statusText: res.statusMessage ?? '', headers: headersOf(res) }));
      });
      req.on('error', reject);
      req.end(body);
    });
}
