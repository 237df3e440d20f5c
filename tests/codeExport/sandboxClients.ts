// The sandbox's demo clients as the code-export and runner tests use them: id, method, secret and file paths.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from '../../sandbox/app.js';
import { CERT_FILES } from '../../sandbox/mtls/demoCertificates.js';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>> & { mtls: { baseUrl: string; tokenEndpoint: string; certDir: string } };

interface InfoClient {
  client_id: string;
  client_secret?: string;
}

export const DEMO_KEY_FILE = join(import.meta.dirname, '../../sandbox/demo-keys/DEMO-ONLY-private-key-jwt.pem');

/** A quiet sandbox on free ports with its mTLS listener, writing its demo certificates to `certDir`. */
export async function startCodeExportSandbox(certDir: string): Promise<Sandbox> {
  const sandbox = await startSandbox({ port: 0, mtlsPort: 0, certDir, quiet: true });
  if (!sandbox.mtls) throw new TypeError('the sandbox started without its mTLS listener');
  return sandbox as Sandbox;
}

/** The demo secrets, read from the running sandbox (`/sandbox/info`) rather than copied here. */
export async function demoSecrets(sandbox: Sandbox): Promise<Record<string, string>> {
  const info = (await (await fetch(`${sandbox.baseUrl}/sandbox/info`)).json()) as { clients: InfoClient[] };
  return Object.fromEntries(info.clients.filter((c) => c.client_secret).map((c) => [c.client_id, c.client_secret!]));
}

/** The sandbox-tls client's certificate files and the sandbox CA. */
export function tlsFiles(sandbox: Sandbox) {
  const dir = sandbox.mtls.certDir;
  return { certFile: join(dir, CERT_FILES.tlsCert), keyFile: join(dir, CERT_FILES.tlsKey), caFile: join(dir, CERT_FILES.ca) };
}

/** The base64 body lines of a PEM file: what must never appear in any output. */
export function pemBodyLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 40 && !line.startsWith('-----'));
}
