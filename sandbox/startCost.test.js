// What a start with kept demo material leaves out: @peculiar/x509 (issuing certificates, DN matching) loads only when
// an mTLS request needs it. Checked in fresh processes, since a test worker may have loaded it for another test.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

// Starts the CLI's kind of sandbox on `certDir`, then (unless told not to) makes one tls_client_auth token request.
// reflect-metadata, which @peculiar/x509 needs first, defines Reflect.getMetadata: its presence says x509 was loaded.
const CHILD = `
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSandbox } from './sandbox/app.js';
import { tlsTokenRequest } from './sandbox/testing/tls.js';
const [certDir, mode] = process.argv.slice(1);
const sandbox = await startSandbox({ port: 0, mtlsPort: 0, certDir, keepDemoMaterial: true, quiet: true });
const report = { afterStart: typeof Reflect.getMetadata };
if (mode === 'request') {
  const pem = (name) => readFile(join(certDir, name), 'utf8');
  const credentials = { cert: await pem('DEMO-ONLY-sandbox-tls.crt.pem'), key: await pem('DEMO-ONLY-sandbox-tls.key.pem'), ca: await pem('DEMO-ONLY-sandbox-ca.pem') };
  report.status = (await tlsTokenRequest(sandbox, 'sandbox-tls', credentials)).status;
  report.afterRequest = typeof Reflect.getMetadata;
}
await sandbox.close();
console.log(JSON.stringify(report));
`;

async function child(certDir, mode = 'start') {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', CHILD, certDir, mode], { cwd: ROOT, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

let certDir;
beforeAll(async () => {
  certDir = await mkdtemp(join(tmpdir(), 'sandbox-start-cost-'));
});
afterAll(() => rm(certDir, { recursive: true, force: true }));

// Each test starts one or two Node processes that load oidc-provider and make keys: seconds on a busy 2-core machine,
// where vitest's 5 s default failed it. No figure is asserted, so a generous limit only keeps a stuck child from hanging.
describe('a start on kept demo material', { timeout: 60_000 }, () => {
  it('loads @peculiar/x509 to issue certificates the first time only', async () => {
    expect(await child(certDir)).toEqual({ afterStart: 'function' }); // nothing kept yet: certificates are issued
    const ca = await readFile(join(certDir, 'DEMO-ONLY-sandbox-ca.pem'), 'utf8');
    expect(await child(certDir)).toEqual({ afterStart: 'undefined' });
    expect(await readFile(join(certDir, 'DEMO-ONLY-sandbox-ca.pem'), 'utf8')).toBe(ca);
  });

  it('loads it for DN matching when the first mTLS request comes, and answers that request', async () => {
    expect(await child(certDir, 'request')).toEqual({ afterStart: 'undefined', status: 200, afterRequest: 'function' });
  });
});
