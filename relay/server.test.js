// The CLI (`npm run relay`): its start line, RELAY_* settings, and exit 2 with a clear message on bad env or a taken port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { callRelay } from './testing/relayClient.js';

const SERVER = fileURLToPath(new URL('./server.js', import.meta.url));

/** Runs the CLI; resolves on its first stdout line (`line`) or its exit (`code`, `stderr`). */
function run(env) {
  const child = spawn(process.execPath, [SERVER], { env: { ...process.env, RELAY_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  const firstLine = new Promise((resolve) => child.stdout.once('data', (d) => resolve(String(d).split('\n')[0])));
  return { child, exited, firstLine };
}

describe('relay/server.js', () => {
  it('prints "relay  http://localhost:<port>", serves, honours RELAY_ALLOWED_ORIGINS and stops on SIGTERM', async () => {
    const { child, exited, firstLine } = run({ RELAY_ALLOWED_ORIGINS: 'https://playground.example, http://localhost:8080' });
    const line = await firstLine;
    expect(line).toMatch(/^relay {2}http:\/\/localhost:\d+$/);
    const port = Number(line.split(':').at(-1));
    const relay = { port };
    expect((await callRelay(relay, { method: 'GET', path: '/health', origin: null })).json).toMatchObject({ relay: true });
    const custom = await callRelay(relay, { method: 'OPTIONS', origin: 'https://playground.example' });
    const dev = await callRelay(relay, { method: 'OPTIONS', origin: 'http://localhost:5173' });
    expect([custom.status, dev.status]).toEqual([204, 204]);
    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
  });

  it.each([
    [{ RELAY_PORT: 'abc' }, /RELAY_PORT="abc" is invalid/],
    [{ RELAY_PORT: '70000' }, /RELAY_PORT="70000" is invalid/],
    [{ RELAY_ALLOW_PRIVATE: 'yes' }, /RELAY_ALLOW_PRIVATE="yes" is invalid/],
    [{ RELAY_ALLOWED_ORIGINS: 'https://ok.example,https://bad.example/' }, /"https:\/\/bad.example\/" is not an origin/],
  ])('exits 2 on %j', async (env, message) => {
    const { exited } = run(env);
    const { code, stderr } = await exited;
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 naming the port when it is taken', async () => {
    const taken = createServer();
    await new Promise((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address();
    const { code, stderr } = await run({ RELAY_PORT: String(port) }).exited;
    taken.close();
    expect(code).toBe(2);
    expect(stderr).toContain(`port ${port} is already in use`);
  });
});
