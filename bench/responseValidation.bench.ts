// Where the click-to-token `validate` phase's time goes in the core (src/utils/oauth/response.ts), in Node, against
// JSON.parse of the same body in the same run: reading the body, JSON parsing with the pollution-dropping reviver,
// the zod schema (jitless: interpreted, as the production CSP requires), and the whole processTokenResponse. The
// browser adds its own body-stream costs on top; this says which parts of our code are worth changing.
import { provideEffects } from '../src/utils/effects';
import { noopLogger } from '../src/utils/logger';
import { parseTokenResponse, processTokenResponse } from '../src/utils/oauth/response';
import { parseJsonSafely, readTextCapped } from '../src/utils/secureJson';
import { median } from './support/servers';
import type { Figure } from './table';

const ROUNDS = 7;
const SYNC_OPS = 20_000;
const ASYNC_OPS = 5_000;

/** A sandbox-shaped success body: an RS256 JWT access token (~1 KB), Bearer, expires_in, nine p1:* scopes. */
function tokenBody(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const scope = ['read:user', 'update:user', 'create:device', 'read:device', 'update:device', 'delete:device', 'create:pairingKey',
    'read:pairingKey', 'update:userMfaEnabled'].map((s) => `p1:${s}`).join(' ');
  const claims = { jti: 'x'.repeat(43), sub: 'sandbox-basic', iat: 1, exp: 3601, scope, client_id: 'sandbox-basic', iss: 'http://localhost:4500/env/as', aud: 'https://api.pingone.com', env: 'e'.repeat(36), org: 'o'.repeat(36) };
  const jwt = `${part({ alg: 'RS256', typ: 'at+jwt', kid: 'sandbox-0123456789ab' })}.${part(claims)}.${'s'.repeat(342)}`;
  return JSON.stringify({ access_token: jwt, expires_in: 3600, token_type: 'Bearer', scope });
}

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

async function usPerOp(ops: number, run: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ops; i += 1) await run();
  return Number(process.hrtime.bigint() - start) / 1000 / ops;
}

function usPerOpSync(ops: number, run: () => unknown): number {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < ops; i += 1) sink += run() ? 1 : 0;
  const us = Number(process.hrtime.bigint() - start) / 1000 / ops;
  if (sink === 0) throw new Error('the loop was optimised away');
  return us;
}

export default async function responseValidationBench(): Promise<Figure[]> {
  const restore = provideEffects({ logger: noopLogger });
  const body = tokenBody();
  const parsed = JSON.parse(body) as unknown;
  const loops: Record<string, [number, () => unknown]> = {
    'JSON.parse (reference)': [SYNC_OPS, () => JSON.parse(body)],
    'parseJsonSafely (JSON.parse with the pollution-dropping reviver)': [SYNC_OPS, () => parseJsonSafely(body).ok],
    'parseTokenResponse (zod jitless safeParse of a parsed body)': [SYNC_OPS, () => parseTokenResponse(parsed)],
    'new Response(body).text() (the runtime reading a body)': [ASYNC_OPS, () => new Response(body, { headers: HEADERS }).text()],
    'readTextCapped(new Response(body)) (stream reader + TextDecoder)': [ASYNC_OPS, () => readTextCapped(new Response(body, { headers: HEADERS }))],
    'processTokenResponse(new Response(body)) (the whole validate step)': [ASYNC_OPS, () => processTokenResponse(new Response(body, { headers: HEADERS }))],
  };
  const samples = Object.fromEntries(Object.keys(loops).map((name) => [name, [] as number[]]));
  try {
    for (let round = 0; round <= ROUNDS; round += 1) {
      for (const [name, [ops, run]] of Object.entries(loops)) {
        const us = ops === SYNC_OPS ? usPerOpSync(ops, run) : await usPerOp(ops, run);
        if (round > 0) samples[name]!.push(us); // round 0 warms the JIT up
      }
    }
  } finally {
    restore();
  }
  const reference = median(samples['JSON.parse (reference)']!);
  return Object.entries(samples).map(([name, values]): Figure => {
    const value = median(values);
    return { figure: `validate in Node: ${name}, ${body.length}-byte body`, value, unit: 'µs/op', reference, ratio: value / reference, budget: 'info' };
  });
}
