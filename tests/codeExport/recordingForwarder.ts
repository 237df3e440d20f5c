// A local HTTP hop between a generated program and the sandbox: it keeps every form body it forwards, so a test can
// read the client assertion a program really sent, while the sandbox still decides whether to accept it.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingForwarder {
  /** Where the program sends its token request (http://127.0.0.1:port/token). */
  url: string;
  /** The request bodies, in the order they arrived. */
  bodies: string[];
  close: () => Promise<void>;
}

/** Headers that describe one connection or one encoding, not the request: fetch sets its own. */
const NOT_FORWARDED = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'content-encoding', 'keep-alive']);

function forwardable(headers: IncomingHttpHeaders | Headers): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  return Object.fromEntries(entries.filter(([name, value]) => value !== undefined && !NOT_FORWARDED.has(name.toLowerCase())).map(([name, value]) => [name, String(value)]));
}

/** Starts a forwarder on a free loopback port that sends each request on to `target` and answers with its response. */
export async function startRecordingForwarder(target: string): Promise<RecordingForwarder> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      fetch(target, { method: req.method ?? 'POST', headers: forwardable(req.headers), body, redirect: 'manual' })
        .then(async (response) => {
          const text = await response.text();
          res.writeHead(response.status, forwardable(response.headers));
          res.end(text);
        })
        .catch((error: unknown) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(error instanceof Error ? error.message : 'forwarding failed');
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/token`,
    bodies,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
