// Cost of signing a client assertion: jose SignJWT (and signClientAssertion) per op, as a ratio to raw WebCrypto.
import { SignJWT } from 'jose';
import type { Figure } from './table';
import { median } from './support/servers';
import { generateSigningKeyPair } from '../src/utils/keys';
import { signClientAssertion } from '../src/utils/oauth/assertion';

const ENDPOINT = 'https://auth.pingone.com/env/as/token';
const ROUNDS = 5;
const BATCH: Record<'ES256' | 'RS256', number> = { ES256: 200, RS256: 60 };

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const encode = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));

async function perOp(batch: number, op: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < batch; i++) await op();
  return ((performance.now() - start) * 1000) / batch;
}

async function measure(alg: 'ES256' | 'RS256'): Promise<Figure[]> {
  const key = await generateSigningKeyPair(alg);
  const header = { alg, kid: key.kid, typ: 'JWT' };
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: 'client', sub: 'client', aud: ENDPOINT, jti: crypto.randomUUID(), iat: now, exp: now + 60 };
  // The exact bytes jose signs, so raw WebCrypto does the same work minus jose's JSON/base64url/checks.
  const input = new TextEncoder().encode(`${encode(header)}.${encode(claims)}`);
  const params: EcdsaParams | AlgorithmIdentifier = alg === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };

  const jose = () => new SignJWT({ ...claims }).setProtectedHeader(header).sign(key.privateKey);
  const raw = () => crypto.subtle.sign(params, key.privateKey, input);
  const full = () => signClientAssertion({ clientId: 'client', tokenEndpoint: ENDPOINT, privateKey: key.privateKey, alg });

  for (const op of [jose, raw, full]) await perOp(20, op); // warm-up
  const results = { jose: [] as number[], raw: [] as number[], full: [] as number[] };
  // Interleaved rounds so drift (CPU frequency, GC) hits all three alike.
  for (let r = 0; r < ROUNDS; r++) {
    results.raw.push(await perOp(BATCH[alg], raw));
    results.jose.push(await perOp(BATCH[alg], jose));
    results.full.push(await perOp(BATCH[alg], full));
  }
  const [j, w, f] = [median(results.jose), median(results.raw), median(results.full)];
  const row = (figure: string, value: number, reference?: number): Figure => ({
    figure: `${alg} ${figure}`,
    value,
    unit: 'µs/op',
    ...(reference === undefined ? {} : { reference, ratio: value / reference }),
    budget: 'info',
  });
  return [row('raw WebCrypto sign', w), row('jose SignJWT (reference: raw WebCrypto)', j, w), row('signClientAssertion (reference: raw WebCrypto)', f, w)];
}

/** Median of 5 interleaved rounds per figure, in this Node; bounded: 3 × 5 × (200 ES256 + 60 RS256) signatures. */
export default async function signingBench(): Promise<Figure[]> {
  return [...(await measure('ES256')), ...(await measure('RS256'))];
}
