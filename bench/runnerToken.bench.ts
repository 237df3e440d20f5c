// `npm run token` from process start to token, against curl sending the same request (same run, same sandbox).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSandbox } from '../sandbox/app.js';
import { buildClientCredentialsBody } from '../src/utils/oauth/body';
import { clientSecretBasic } from '../src/utils/oauth/clientAuth';
import { describeClientCredentialsRequest } from '../src/utils/oauth/description';
import type { Figure } from './table';
import { median, ROOT } from './support/servers';

const RUNS = 7;
const CLIENT_ID = 'sandbox-basic';
const run = promisify(execFile);

/** Wall time of one child process, spawn to exit, in ms; it must print a token. */
async function timed(command: string, args: string[], env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const { stdout } = await run(command, args, { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (!stdout.includes('access_token') && !stdout.startsWith('eyJ')) throw new Error(`${command} printed no token`);
  return elapsed;
}

export default async function runnerTokenBench(): Promise<Figure[]> {
  const sandbox = await startSandbox({ port: 0, quiet: true });
  try {
    const info = (await (await fetch(`${sandbox.baseUrl}/sandbox/info`)).json()) as { clients: Array<{ client_id: string; client_secret?: string }> };
    const secret = info.clients.find((c) => c.client_id === CLIENT_ID)?.client_secret;
    if (!secret) throw new Error(`the sandbox has no ${CLIENT_ID} secret`);
    // curl sends the one description the core builds: same URL, headers and body as the runner's first attempt.
    const description = await describeClientCredentialsRequest({
      tokenEndpoint: sandbox.tokenEndpoint, clientId: CLIENT_ID, auth: clientSecretBasic(secret), params: buildClientCredentialsBody({ scope: 'p1:read:user' }),
    });
    const curlArgs = ['-sS', '-f', '-X', 'POST', description.url, ...Object.entries(description.headers).flatMap(([n, v]) => ['-H', `${n}: ${v}`]), '--data-raw', description.body];
    const runnerArgs = [join(ROOT, 'cli/bin.mjs'), '--token-endpoint', sandbox.tokenEndpoint, '--client-id', CLIENT_ID, '--scope', 'p1:read:user', '--raw'];
    const runner: number[] = [];
    const curl: number[] = [];
    // One warm-up each (disk cache), then alternate, so both see the same machine load.
    await timed(process.execPath, runnerArgs, { OAUTH_CLIENT_SECRET: secret });
    await timed('curl', curlArgs, {});
    for (let i = 0; i < RUNS; i += 1) {
      runner.push(await timed(process.execPath, runnerArgs, { OAUTH_CLIENT_SECRET: secret }));
      curl.push(await timed('curl', curlArgs, {}));
    }
    const value = median(runner);
    const reference = median(curl);
    console.warn(`runner: ${runner.map(Math.round).join(', ')} ms | curl: ${curl.map(Math.round).join(', ')} ms`);
    return [
      { figure: `npm run token start to token (client_secret_basic, sandbox), median of ${RUNS}`, value, unit: 'ms', reference, ratio: value / reference, budget: 'info (vs curl, same request)' },
    ];
  } finally {
    await sandbox.close();
  }
}
