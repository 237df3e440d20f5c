// The APIs' DPoP nonces (a 60 s HMAC step, ±2 steps accepted) and the bounded jti replay memory, on a fake clock.
import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { createDpopNonces } from './nonces.js';
import { createReplayMemory } from './replay.js';

describe('createDpopNonces', () => {
  it('accepts its nonce for about two minutes either side, then asks for a new one', () => {
    let now = Date.UTC(2030, 0, 1);
    const nonces = createDpopNonces(randomBytes(32), () => now);
    const nonce = nonces.next();
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(nonces.check(nonce)).toBe(true);
    now += 2 * 60_000;
    expect(nonces.check(nonce)).toBe(true);
    now += 2 * 60_000;
    expect(nonces.check(nonce)).toBe(false);
    expect(nonces.check(nonces.next())).toBe(true);
  });

  it('refuses another secret\'s nonce, a missing one and junk, and a secret of the wrong size', () => {
    const a = createDpopNonces(randomBytes(32));
    const b = createDpopNonces(randomBytes(32));
    expect(a.check(b.next())).toBe(false);
    expect(a.check(undefined)).toBe(false);
    expect(a.check('x'.repeat(43))).toBe(false);
    expect(() => createDpopNonces(randomBytes(16))).toThrow(TypeError);
  });
});

describe('createReplayMemory', () => {
  it('sees a jti once while it could be accepted, and forgets it after', () => {
    let now = 1_000;
    const replay = createReplayMemory({ now: () => now });
    expect(replay.seen('k:1', 2_000)).toBe(false);
    expect(replay.seen('k:1', 2_000)).toBe(true);
    now = 2_001;
    expect(replay.seen('k:1', 3_000)).toBe(false);
  });

  it('stays within its bound under load', () => {
    const replay = createReplayMemory({ max: 100, now: () => 0 });
    for (let i = 0; i < 1_000; i++) replay.seen(`k:${i}`, 10_000);
    expect(replay.size()).toBe(100);
    expect(replay.seen('k:999', 10_000)).toBe(true);
  });
});
