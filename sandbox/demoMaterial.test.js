// The CLI's sandbox (keepDemoMaterial) starts on the keys and certificates an earlier start kept, and writes nothing
// but DEMO-ONLY files, only in its certificate directory.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CERT_FILES, CERTIFICATES_FILE, SERVER_FILES } from './mtls/demoCertificates.js';
import { startTestSandbox } from './testing/sandbox.js';

let parent;
let certDir;
beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'sandbox-kept-'));
  certDir = join(parent, 'certs');
});
afterAll(() => rm(parent, { recursive: true, force: true }));

/** One start and stop: the JWKS of the authorization server and of microauthd, and the CA the listener serves. */
async function startOnce(options) {
  const sandbox = await startTestSandbox({ mtlsPort: 0, certDir, ...options });
  try {
    const get = async (url) => (await fetch(url)).json();
    const [as, microauthd] = await Promise.all([get(`${sandbox.issuer}/jwks`), get(`${sandbox.baseUrl}/microauthd/jwks.json`)]);
    return { as, microauthd };
  } finally {
    await sandbox.close();
  }
}

describe('demo material kept between starts', () => {
  it('a second start signs with the same keys (its JWKS are unchanged)', async () => {
    const first = await startOnce({ keepDemoMaterial: true });
    const second = await startOnce({ keepDemoMaterial: true });
    expect(second.as).toEqual(first.as);
    expect(second.microauthd).toEqual(first.microauthd);
  });

  it('wrote only DEMO-ONLY files in those starts, and only inside the certificate directory', async () => {
    expect(await readdir(parent)).toEqual(['certs']);
    const names = await readdir(certDir);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !name.startsWith('DEMO-ONLY-'))).toEqual([]);
  });

  it('without keepDemoMaterial (tests, embedded sandboxes) each start has its own keys', async () => {
    const first = await startOnce({});
    const second = await startOnce({});
    expect(second.as.keys[0].kid).not.toBe(first.as.keys[0].kid);
  });

  it('without keepDemoMaterial, only what clients read is written: no listener key, no manifest to reuse', async () => {
    const own = join(parent, 'own');
    await startOnce({ certDir: own });
    const names = await readdir(own);
    expect(names).toContain(CERT_FILES.ca);
    expect(names).toContain(CERT_FILES.tlsKey);
    expect(names).not.toContain(SERVER_FILES.key);
    expect(names).not.toContain(CERTIFICATES_FILE);
  });
});
