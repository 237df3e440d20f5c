// Pins the worker scope list and hint texts, and checks merging, the catalog lookups, regions and hosts.
// This file (with pingone.ts) is the only place under src/ allowed to spell p1 scope names: it pins the list.
import { describe, expect, it } from 'vitest';
import { InputError } from '../utils/errors';
import { PINGONE_REGIONS } from './pingoneRegions';
import {
  PINGONE_403_HINT,
  PINGONE_OPTIONAL_SCOPES,
  PINGONE_REORDER_CONTENT_TYPE,
  PINGONE_ROLES_TRUTH,
  PINGONE_SCOPE_CATALOG,
  PINGONE_TOKEN_FAILURE_MESSAGE,
  PINGONE_WORKER_SCOPES,
  apiBase,
  authBase,
  discoveryUrl,
  mergeWorkerScopes,
  pingOneRegion,
  requiredScopesFor,
  tokenEndpoint,
  workerScopeString,
} from './pingone';
import { scopeForEndpoint } from './scopeCatalog';

const ENV = '3f2b0c1e-6c0d-4e4b-9a57-1c2d3e4f5a6b';
const REQUIRED = 'p1:read:user p1:update:user p1:create:device p1:read:device p1:update:device p1:delete:device';

describe('PINGONE_WORKER_SCOPES', () => {
  it('is exactly the six required scopes, users first, then devices', () => {
    expect(PINGONE_WORKER_SCOPES.join(' ')).toBe(REQUIRED);
  });

  it('keeps the optional scopes as data, not requested by default', () => {
    expect([...PINGONE_OPTIONAL_SCOPES]).toEqual(['p1:create:pairingKey', 'p1:read:pairingKey', 'p1:update:userMfaEnabled']);
    for (const s of PINGONE_OPTIONAL_SCOPES) expect(PINGONE_WORKER_SCOPES).not.toContain(s);
  });

  it('cannot be mutated at runtime', () => {
    expect(Object.isFrozen(PINGONE_WORKER_SCOPES)).toBe(true);
  });
});

describe('mergeWorkerScopes / workerScopeString', () => {
  it('defaults to the required scopes', () => {
    expect(mergeWorkerScopes()).toEqual([...PINGONE_WORKER_SCOPES]);
    expect(workerScopeString()).toBe(REQUIRED);
  });

  it('splits env-style strings on any whitespace, trims, dedupes and keeps first-seen order', () => {
    const env = '  p1:read:pairingKey\tp1:read:user \n p1:create:pairingKey  ';
    expect(mergeWorkerScopes(PINGONE_WORKER_SCOPES, env, ['p1:read:pairingKey', ' openid '])).toEqual([
      ...PINGONE_WORKER_SCOPES,
      'p1:read:pairingKey',
      'p1:create:pairingKey',
      'openid',
    ]);
  });

  it('ignores undefined and empty extras and never drops a required scope', () => {
    expect(mergeWorkerScopes(PINGONE_WORKER_SCOPES, undefined, '', [])).toEqual([...PINGONE_WORKER_SCOPES]);
    expect(workerScopeString(undefined, 'p1:update:userMfaEnabled')).toBe(`${REQUIRED} p1:update:userMfaEnabled`);
  });
});

describe('PINGONE_SCOPE_CATALOG', () => {
  it('has one entry per p1 scope (required + optional)', () => {
    expect(PINGONE_SCOPE_CATALOG.map((e) => e.name).sort()).toEqual(
      [...PINGONE_WORKER_SCOPES, ...PINGONE_OPTIONAL_SCOPES].sort(),
    );
    for (const entry of PINGONE_SCOPE_CATALOG) {
      expect(entry.provider).toBe('pingone');
      expect(['read users', 'manage devices', 'pairing keys', 'toggle mfaEnabled']).toContain(entry.capability);
      expect(entry.endpoints.length).toBeGreaterThan(0);
      for (const e of entry.endpoints) expect(e.path.startsWith('/environments/{envId}/users')).toBe(true);
    }
  });

  it('works with the shared catalog lookup', () => {
    const url = `https://api.pingone.com/v1/environments/${ENV}/users/u-1/devices/d-9`;
    expect(scopeForEndpoint(PINGONE_SCOPE_CATALOG, 'DELETE', url)?.name).toBe('p1:delete:device');
  });
});

describe('requiredScopesFor', () => {
  const user = `https://api.pingone.com/v1/environments/${ENV}/users/u-1`;
  it.each([
    ['GET', `https://api.pingone.com/v1/environments/${ENV}/users`, undefined, ['p1:read:user']],
    ['GET', user, undefined, ['p1:read:user']],
    ['GET', `${user}/devices?limit=10`, undefined, ['p1:read:device']],
    ['POST', `${user}/devices`, 'application/json', ['p1:create:device']],
    ['POST', `${user}/devices`, `${PINGONE_REORDER_CONTENT_TYPE}; charset=utf-8`, ['p1:update:device']],
    ['POST', `${user}/devices/d-1`, 'application/vnd.pingidentity.device.activate+json', ['p1:update:device']],
    ['PUT', `${user}/devices/d-1/nickname`, undefined, ['p1:update:device']],
    ['put', `${user}/mfaEnabled`, undefined, ['p1:update:user', 'p1:update:userMfaEnabled']],
    ['POST', `${user}/pairingKeys`, undefined, ['p1:create:pairingKey']],
    ['GET', `${user}/pairingKeys/k-1`, undefined, ['p1:read:pairingKey']],
    ['GET', 'https://example.com/other', undefined, []],
  ])('%s %s', (method, path, contentType, expected) => {
    expect(requiredScopesFor(method, path, contentType)).toEqual(expected);
  });
});

describe('regions and hosts', () => {
  it('lists the six regions with NA first', () => {
    expect(PINGONE_REGIONS.map((r) => [r.id, r.tld])).toEqual([
      ['NA', 'com'], ['CA', 'ca'], ['EU', 'eu'], ['AU', 'com.au'], ['SG', 'sg'], ['AP', 'asia'],
    ]);
    for (const r of PINGONE_REGIONS) expect(r.label.length).toBeGreaterThan(0);
    expect(pingOneRegion().id).toBe('NA');
    expect(pingOneRegion('com.au').id).toBe('AU');
  });

  it('builds auth (no /v1) and API (with /v1) URLs', () => {
    expect(authBase('NA', ENV)).toBe(`https://auth.pingone.com/${ENV}/as`);
    expect(tokenEndpoint('EU', ENV)).toBe(`https://auth.pingone.eu/${ENV}/as/token`);
    expect(discoveryUrl('AU', ENV)).toBe(`https://auth.pingone.com.au/${ENV}/as/.well-known/openid-configuration`);
    expect(apiBase('asia')).toBe('https://api.pingone.asia/v1');
  });

  it('rejects a non-UUID environment ID and an unknown region with InputError naming the field', () => {
    const thrown = (fn: () => unknown): unknown => {
      try {
        fn();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    expect(thrown(() => tokenEndpoint('NA', 'not-a-uuid'))).toBeInstanceOf(InputError);
    expect(thrown(() => authBase('NA', '../evil'))).toMatchObject({ field: 'environmentId' });
    expect(thrown(() => apiBase('mars'))).toMatchObject({ code: 'INVALID_INPUT', field: 'region' });
  });
});

describe('hint texts', () => {
  it('keeps the hint texts verbatim and states the roles truth', () => {
    expect(PINGONE_403_HINT).toBe(
      'This endpoint requires device or user scopes such as p1:read:device, p1:update:device, p1:create:device, p1:read:user, p1:update:user. Verify PingOne API scope configuration for the worker app.',
    );
    expect(PINGONE_TOKEN_FAILURE_MESSAGE).toBe(
      'PingOne worker token request failed. Check client credentials and PingOne API scopes.',
    );
    expect(PINGONE_ROLES_TRUTH).toMatch(/role assignments/);
    expect(PINGONE_ROLES_TRUTH).toMatch(/Identity Data Admin/);
    expect(PINGONE_ROLES_TRUTH).toMatch(/cannot be granted on a client_credentials flow/);
  });
});
