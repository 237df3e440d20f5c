// Tests for the scope catalog lookups: names, UUIDs, granted-scope matching and endpoint templates.
import { describe, expect, it } from 'vitest';
import { findScope, matchGrantedScopes, scopeForEndpoint, type ScopeCatalogEntry } from './scopeCatalog';
import { MICROAUTHD_SCOPE_CATALOG } from './microauthd';

// A PingOne-shaped catalog with fake (p1-free) names, so only src/config/pingone.ts spells the real ones.
const fakePing: ScopeCatalogEntry[] = [
  { provider: 'pingone', name: 'fake:read:device', enables: 'read devices', capability: 'devices.read',
    endpoints: [{ method: 'GET', path: '/environments/{envId}/users/{userId}/devices' },
      { method: 'GET', path: '/environments/{envId}/users/{userId}/devices/{deviceId}' }] },
  { provider: 'pingone', name: 'fake:delete:device', enables: 'delete devices', capability: 'devices.delete',
    endpoints: [{ method: 'DELETE', path: '/environments/{envId}/users/{userId}/devices/{deviceId}' }] },
  { provider: 'pingone', name: 'fake:update:device', enables: 'rename', capability: 'devices.update',
    endpoints: [{ method: 'PUT', path: '/environments/{envId}/users/{userId}/devices/{deviceId}/nickname' }] },
];

describe('findScope', () => {
  it('finds a microauthd scope by friendly name', () => {
    expect(findScope(MICROAUTHD_SCOPE_CATALOG, 'admin::read_user')?.id).toBe('1f4610fe-0cb2-4119-bd69-9b6033326998');
  });
  it('finds a microauthd scope by UUID, case-insensitively', () => {
    expect(findScope(MICROAUTHD_SCOPE_CATALOG, 'B6348575-83EC-4288-801B-E0D2DA20569C')?.name).toBe('admin::list_users');
  });
  it('treats names as case-sensitive and returns undefined for unknowns', () => {
    expect(findScope(MICROAUTHD_SCOPE_CATALOG, 'ADMIN::read_user')).toBeUndefined();
    expect(findScope(MICROAUTHD_SCOPE_CATALOG, 'openid')).toBeUndefined();
  });
});

describe('matchGrantedScopes', () => {
  it('recognises names and UUIDs, saying which form was granted, and lists unknowns', () => {
    const r = matchGrantedScopes(MICROAUTHD_SCOPE_CATALOG, 'admin::read_user 2192998b-c3d3-4274-9a25-4a4195ba2ec7 openid');
    expect(r.recognised.map((x) => [x.entry.name, x.grantedAs])).toEqual([
      ['admin::read_user', 'name'],
      ['admin::reset_passwords', 'id'],
    ]);
    expect(r.unknown).toEqual(['openid']);
  });
  it('counts a scope granted both as name and as UUID once', () => {
    const r = matchGrantedScopes(MICROAUTHD_SCOPE_CATALOG, ['admin::list_users', 'b6348575-83ec-4288-801b-e0d2da20569c']);
    expect(r.recognised).toHaveLength(1);
    expect(r.recognised[0]?.grantedAs).toBe('name');
  });
  it('handles an empty grant', () => {
    expect(matchGrantedScopes(fakePing, '')).toEqual({ recognised: [], unknown: [] });
  });
});

describe('scopeForEndpoint', () => {
  it.each([
    ['POST', '/user', 'admin::provision_users'],
    ['POST', '/user/abc/reset', 'admin::reset_passwords'],
    ['POST', '/user/abc/deactivate', 'admin::deactivate_users'],
    ['GET', '/user/abc', 'admin::read_user'],
    ['GET', '/users', 'admin::list_users'],
  ])('%s %s → %s', (method, path, scope) => {
    expect(scopeForEndpoint(MICROAUTHD_SCOPE_CATALOG, method, path)?.name).toBe(scope);
  });

  it('matches absolute URLs under a prefixed base, ignoring query and trailing slash', () => {
    const url = 'http://localhost:4500/microauthd/user/0b1c/reset/?x=1#f';
    expect(scopeForEndpoint(MICROAUTHD_SCOPE_CATALOG, 'post', url)?.name).toBe('admin::reset_passwords');
    expect(scopeForEndpoint(MICROAUTHD_SCOPE_CATALOG, 'GET', 'http://127.0.0.1:9040/users?limit=5')?.name).toBe('admin::list_users');
  });

  it('requires the method to match', () => {
    expect(scopeForEndpoint(MICROAUTHD_SCOPE_CATALOG, 'GET', '/user')).toBeUndefined();
    expect(scopeForEndpoint(MICROAUTHD_SCOPE_CATALOG, 'DELETE', '/user/abc')).toBeUndefined();
  });

  it('does not let a param swallow a literal segment', () => {
    // "/user/{id}" must not match "/user/abc/reset" by treating "reset" as the id.
    expect(scopeForEndpoint(MICROAUTHD_SCOPE_CATALOG, 'GET', '/user/abc/reset')).toBeUndefined();
    expect(scopeForEndpoint(MICROAUTHD_SCOPE_CATALOG, 'GET', '/nothing')).toBeUndefined();
  });

  it('prefers the most specific template among several', () => {
    const base = 'https://api.example.test/v1/environments/e1/users/u1/devices';
    expect(scopeForEndpoint(fakePing, 'GET', base)?.name).toBe('fake:read:device');
    expect(scopeForEndpoint(fakePing, 'GET', `${base}/d1`)?.name).toBe('fake:read:device');
    expect(scopeForEndpoint(fakePing, 'DELETE', `${base}/d1`)?.name).toBe('fake:delete:device');
    expect(scopeForEndpoint(fakePing, 'PUT', `${base}/d1/nickname`)?.name).toBe('fake:update:device');
    expect(scopeForEndpoint(fakePing, 'PUT', `${base}/d1`)).toBeUndefined();
  });
});
