// The seed users' password hashes are made in the background once the emulation is asked something: the emulation
// (and so the sandbox) starts without them.
import { describe, expect, it } from 'vitest';

import { startMicroauthd } from '../testing/microauthd.js';
import { SEED_USERS } from './seed.js';

describe('seed password hashing', () => {
  it('starts without hashing, and serves the seed users before any seed password is hashed', async () => {
    const calls = [];
    const never = (password) => {
      calls.push(password);
      return new Promise(() => {});
    };
    const h = await startMicroauthd({ hashPassword: never });
    try {
      expect(h.m.users().map((u) => u.username)).toEqual(SEED_USERS.map((u) => u.username));
      expect(calls).toEqual([]);
      const token = await h.tokenFor('microauthd-support-portal');
      const list = await h.api('GET', '/users', token);
      expect(list.status, list.text).toBe(200);
      expect(list.text).not.toMatch(/passwordHash|scrypt|demo-password/);
      expect(calls.sort()).toEqual(SEED_USERS.map((u) => u.password).sort());
    } finally {
      await h.close();
    }
  });

  it('settles seeded() once every hash is in, and reports a failed hash as an error event', async () => {
    const ok = await startMicroauthd({ hashPassword: async (p) => `test$${p.length}` });
    await expect(ok.m.seeded()).resolves.toBeUndefined();
    // Now that every seed user has a hash, the listing still shows none of them (the first test's check of the same
    // listing ran before any hash existed).
    const list = await ok.api('GET', '/users', await ok.tokenFor('microauthd-support-portal'));
    expect(list.status, list.text).toBe(200);
    expect(list.text).not.toMatch(/passwordHash|test\$/);
    await ok.close();

    const failing = await startMicroauthd({ hashPassword: async () => { throw new Error('no memory'); } });
    await failing.m.seeded();
    expect(failing.events).toContainEqual({ event: 'error', message: 'seed password hashing failed: no memory' });
    await failing.close();
  });
});
