// Sandbox token endpoint throughput: client_secret_basic requests from 10 concurrent workers for about 3 s.
import { startSandbox } from '../sandbox/app.js';

const WORKERS = 10;
const DURATION_MS = 3_000;
const MAX_REQUESTS = 20_000;

export default async function sandboxTokensBench(): Promise<Record<string, number | string>> {
  const sandbox = await startSandbox({ port: 0, quiet: true });
  const authorization = `Basic ${Buffer.from('sandbox-basic:demo-secret-basic-DO-NOT-USE-IN-PRODUCTION').toString('base64')}`;
  let started = 0;
  let succeeded = 0;
  let failed = 0;
  const t0 = performance.now();
  const deadline = t0 + DURATION_MS;

  async function worker(): Promise<void> {
    while (performance.now() < deadline && started < MAX_REQUESTS) {
      started += 1;
      const res = await fetch(sandbox.tokenEndpoint, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&scope=p1%3Aread%3Auser',
      });
      await res.arrayBuffer();
      if (res.ok) succeeded += 1;
      else failed += 1;
    }
  }

  try {
    await Promise.all(Array.from({ length: WORKERS }, worker));
  } finally {
    await sandbox.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    'client_secret_basic tokens/s': Math.round(succeeded / seconds),
    requests: started,
    failed,
    workers: WORKERS,
  };
}
