// The signing keys the CLI keeps between starts: reused while whole, generated again when not, never written otherwise.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { readSigningKeys, SIGNING_KEYS_FILE, signingKeysForStart, writeSigningKeys } from './signingKeys.js';

let dir;
let kept; // one generated pair, written fresh before each test (RSA generation is slow on a busy machine)
beforeAll(async () => {
  kept = (await signingKeysForStart({ certDir: '/nonexistent', keep: false })).keys;
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-signing-keys-'));
  await writeSigningKeys(dir, kept);
  return () => rm(dir, { recursive: true, force: true });
});

const file = () => join(dir, SIGNING_KEYS_FILE);
async function rewrite(change) {
  const json = JSON.parse(await readFile(file(), 'utf8'));
  await writeFile(file(), typeof change === 'function' ? JSON.stringify(change(json)) : change);
}

describe('signing keys kept between starts', () => {
  it('reuses the kept keys, and writes nothing then', async () => {
    const before = (await stat(file())).mtimeMs;
    const start = await signingKeysForStart({ certDir: dir, keep: true });
    expect(start.reused).toBe(true);
    expect(start.keys.authServer.kid).toBe(kept.authServer.kid);
    expect(start.keys.microauthd.n).toBe(kept.microauthd.n);
    await start.save();
    expect((await stat(file())).mtimeMs).toBe(before);
  });

  it('keeps the file owner-only, labelled DEMO-ONLY, and is the only file it writes', async () => {
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual([SIGNING_KEYS_FILE]);
    expect(JSON.parse(await readFile(file(), 'utf8')).note).toMatch(/^DEMO-ONLY/);
  });

  it.each([
    ['unreadable (not JSON)', 'not json'],
    ['of another format', (json) => ({ ...json, format: json.format + 1 })],
    ['missing a private member', (json) => ({ ...json, keys: { ...json.keys, authServer: { ...json.keys.authServer, d: undefined } } })],
    ['not an RS256 key', (json) => ({ ...json, keys: { ...json.keys, microauthd: { ...json.keys.microauthd, alg: 'PS256' } } })],
    ['halves of two different keys', (json) => ({ ...json, keys: { ...json.keys, authServer: { ...json.keys.authServer, n: json.keys.microauthd.n } } })],
  ])('generates new keys, and saves them, when the kept ones are %s', async (_name, change) => {
    await rewrite(change);
    expect(await readSigningKeys(dir)).toBeUndefined();
    const start = await signingKeysForStart({ certDir: dir, keep: true });
    expect(start.reused).toBe(false);
    expect(start.keys.authServer.kid).not.toBe(kept.authServer.kid);
    await start.save();
    expect((await readSigningKeys(dir))?.authServer.kid).toBe(start.keys.authServer.kid);
  });

  it('generates new keys when a kept key is shorter than 2048 bits', async () => {
    const small = { ...generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'jwk' }), kid: 'small', alg: 'RS256', use: 'sig' };
    await rewrite((json) => ({ ...json, keys: { ...json.keys, authServer: small } }));
    expect(await readSigningKeys(dir)).toBeUndefined();
  });

  it('without keep, neither reads nor writes the directory', async () => {
    const start = await signingKeysForStart({ certDir: dir, keep: false });
    expect(start.reused).toBe(false);
    expect(start.keys.authServer.kid).not.toBe(kept.authServer.kid);
    const before = await readFile(file(), 'utf8');
    await start.save();
    expect(await readFile(file(), 'utf8')).toBe(before);
  });
});
