// Pins the sandbox's copy of the built-in scope table to the app's catalog (the sandbox cannot import src/).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { BUILT_IN_SCOPES, DEMO_CLIENTS, SEED_USERS, findBuiltInScope } from './seed.js';

const appCatalog = readFileSync(fileURLToPath(new URL('../../src/config/microauthd.ts', import.meta.url)), 'utf8');

describe('built-in scopes', () => {
  it('match src/config/microauthd.ts name ↔ UUID pairs exactly', () => {
    const pairs = [...appCatalog.matchAll(/name: '(admin::[a-z_]+)',\s*id: '([0-9a-f-]{36})'/g)].map((m) => [m[1], m[2]]);
    expect(pairs).toHaveLength(5);
    expect(Object.values(BUILT_IN_SCOPES).map((s) => [s.name, s.id]).sort()).toEqual(pairs.sort());
  });

  it('findBuiltInScope accepts a name or a UUID in any case, nothing else', () => {
    expect(findBuiltInScope('admin::read_user')?.id).toBe('1f4610fe-0cb2-4119-bd69-9b6033326998');
    expect(findBuiltInScope('1F4610FE-0CB2-4119-BD69-9B6033326998')?.name).toBe('admin::read_user');
    expect(findBuiltInScope('admin::READ_USER')).toBeUndefined();
  });
});

describe('seed data', () => {
  it('has fixed, unique, lowercase user UUIDs and demo-labelled client secrets', () => {
    const ids = SEED_USERS.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    for (const c of DEMO_CLIENTS) expect(c.client_secret).toMatch(/^demo-secret-.*-DO-NOT-USE-IN-PRODUCTION$/);
  });

  it('every assigned client scope is a built-in scope (as name or UUID)', () => {
    // Pin that there is something to check: an empty client list or scope list would pass the loop vacuously.
    expect(DEMO_CLIENTS.some((c) => c.scopes.length > 0)).toBe(true);
    for (const c of DEMO_CLIENTS) for (const s of c.scopes) expect(findBuiltInScope(s)).toBeDefined();
  });
});
