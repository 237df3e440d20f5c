// Tests that the microauthd catalog matches the upstream facts (names ↔ UUIDs, endpoints) and the auth methods.
import { describe, expect, it } from 'vitest';
import {
  MICROAUTHD_AUTH_METHODS,
  MICROAUTHD_AUTH_METHODS_NOTE,
  MICROAUTHD_DEFAULT_BASE_URL,
  MICROAUTHD_MODEL,
  MICROAUTHD_SCOPE_CATALOG,
} from './microauthd';

describe('MICROAUTHD_SCOPE_CATALOG', () => {
  it('has the five built-in scopes with the upstream UUIDs and endpoints', () => {
    const rows = MICROAUTHD_SCOPE_CATALOG.map((e) => [e.name, e.id, e.endpoints.map((p) => `${p.method} ${p.path}`).join()]);
    expect(rows).toEqual([
      ['admin::provision_users', 'd0955db1-67f7-4a7b-a9bb-ffbef4f0d2bd', 'POST /user'],
      ['admin::reset_passwords', '2192998b-c3d3-4274-9a25-4a4195ba2ec7', 'POST /user/{id}/reset'],
      ['admin::deactivate_users', '31c00aae-4136-4a8c-92a6-d2bbf4be2d35', 'POST /user/{id}/deactivate'],
      ['admin::read_user', '1f4610fe-0cb2-4119-bd69-9b6033326998', 'GET /user/{id}'],
      ['admin::list_users', 'b6348575-83ec-4288-801b-e0d2da20569c', 'GET /users'],
    ]);
  });
  it('says what each scope enables, with unique capabilities, provider microauthd', () => {
    expect(MICROAUTHD_SCOPE_CATALOG.find((e) => e.name === 'admin::reset_passwords')?.enables).toBe('Allows triggering a password reset flow');
    expect(new Set(MICROAUTHD_SCOPE_CATALOG.map((e) => e.capability)).size).toBe(5);
    expect(MICROAUTHD_SCOPE_CATALOG.every((e) => e.provider === 'microauthd')).toBe(true);
  });
  it('is frozen so no caller can change it', () => {
    expect(Object.isFrozen(MICROAUTHD_SCOPE_CATALOG)).toBe(true);
  });
});

describe('microauthd constants', () => {
  it('defaults to the AUTH server address', () => {
    expect(MICROAUTHD_DEFAULT_BASE_URL).toBe('http://127.0.0.1:9040');
  });
  it('offers only secret-based client auth and says why', () => {
    expect([...MICROAUTHD_AUTH_METHODS]).toEqual(['client_secret_basic', 'client_secret_post']);
    expect(MICROAUTHD_AUTH_METHODS_NOTE).toMatch(/Basic/);
    expect(MICROAUTHD_AUTH_METHODS_NOTE).toMatch(/private_key_jwt/);
  });
  it('explains the model, including the name-vs-UUID mismatch', () => {
    expect(MICROAUTHD_MODEL.storedAsUuids).toMatch(/UUID/);
    expect(MICROAUTHD_MODEL.nameUuidMismatch).toMatch(/UUID/);
    expect(MICROAUTHD_MODEL.guardrails).toContain('Permission Denied');
    expect(Object.keys(MICROAUTHD_MODEL)).toEqual(
      expect.arrayContaining(['assignment', 'inTokens', 'storedAsUuids', 'guardrails', 'whyScopes', 'nameUuidMismatch']),
    );
  });
});
