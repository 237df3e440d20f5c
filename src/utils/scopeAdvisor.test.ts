// Tests for the least-privilege scope advisor with the microauthd catalog and a PingOne-shaped fake catalog.
import { describe, expect, it } from 'vitest';
import { adviseScopes } from './scopeAdvisor';
import { MICROAUTHD_SCOPE_CATALOG as catalog } from '../config/microauthd';
import { PINGONE_SCOPE_CATALOG, PINGONE_WORKER_SCOPES } from '../config/pingone';
import type { ScopeCatalogEntry } from '../config/scopeCatalog';

const READ_UUID = '1f4610fe-0cb2-4119-bd69-9b6033326998';

describe('adviseScopes (microauthd)', () => {
  it('gives the minimal scopes for the wanted capabilities in catalog order', () => {
    const a = adviseScopes({ catalog, wanted: ['users.list', 'users.read'] });
    expect(a.minimal).toEqual(['admin::read_user', 'admin::list_users']);
    expect(a.missing).toEqual(['admin::read_user', 'admin::list_users']);
    expect(a.overPrivileged).toEqual([]);
  });

  it('computes missing against granted, accepting UUIDs', () => {
    const a = adviseScopes({ catalog, wanted: ['users.read', 'users.list'], granted: `${READ_UUID}` });
    expect(a.missing).toEqual(['admin::list_users']);
  });

  it('falls back to requested when nothing is granted yet, then configured', () => {
    expect(adviseScopes({ catalog, wanted: ['users.read'], requested: ['admin::read_user'] }).missing).toEqual([]);
    expect(adviseScopes({ catalog, wanted: ['users.read'], configured: 'admin::list_users' }).missing).toEqual(['admin::read_user']);
  });

  it('prefers granted over requested for missing (a server may drop scopes)', () => {
    const a = adviseScopes({ catalog, wanted: ['users.read'], requested: 'admin::read_user', granted: '' });
    expect(a.missing).toEqual(['admin::read_user']);
  });

  it('flags known scopes beyond the minimal set as over-privileged, and unknown strings separately', () => {
    const a = adviseScopes({
      catalog,
      wanted: ['users.read'],
      configured: ['admin::read_user', 'admin::deactivate_users'],
      granted: ['admin::read_user', 'd0955db1-67f7-4a7b-a9bb-ffbef4f0d2bd', 'openid'],
    });
    expect(a.overPrivileged).toEqual(['admin::provision_users', 'admin::deactivate_users']);
    expect(a.unknown).toEqual(['openid']);
    expect(a.missing).toEqual([]);
  });

  it('accepts scope names or UUIDs in wanted, and reports unsupported capabilities', () => {
    const a = adviseScopes({ catalog, wanted: ['admin::list_users', READ_UUID, 'users.fly'] });
    expect(a.minimal).toEqual(['admin::read_user', 'admin::list_users']);
    expect(a.unsupportedCapabilities).toEqual(['users.fly']);
  });

  it('wants nothing → everything held is over-privileged', () => {
    const a = adviseScopes({ catalog, wanted: [], granted: 'admin::list_users' });
    expect(a.minimal).toEqual([]);
    expect(a.missing).toEqual([]);
    expect(a.overPrivileged).toEqual(['admin::list_users']);
  });
});

describe('adviseScopes (PingOne-shaped catalog)', () => {
  // Fake names: only src/config/pingone.ts spells the real PingOne scopes.
  const ping: ScopeCatalogEntry[] = [
    { provider: 'pingone', name: 'fake:read:device', enables: 'read', capability: 'devices.read', endpoints: [],
      note: 'Self-management scope: cannot be granted on a client_credentials flow.' },
    { provider: 'pingone', name: 'fake:create:device', enables: 'create', capability: 'devices.create', endpoints: [] },
    { provider: 'pingone', name: 'fake:delete:device', enables: 'delete', capability: 'devices.delete', endpoints: [] },
  ];

  it('works without UUIDs and carries the catalog notes for the minimal scopes', () => {
    const a = adviseScopes({ catalog: ping, wanted: ['devices.read', 'devices.create'], granted: 'fake:read:device fake:delete:device' });
    expect(a.minimal).toEqual(['fake:read:device', 'fake:create:device']);
    expect(a.missing).toEqual(['fake:create:device']);
    expect(a.overPrivileged).toEqual(['fake:delete:device']);
    expect(a.notes).toEqual([{ scope: 'fake:read:device', note: expect.stringContaining('client_credentials') }]);
  });

  it('does not recognise microauthd scopes in a PingOne catalog', () => {
    const a = adviseScopes({ catalog: ping, wanted: ['devices.read'], granted: 'admin::read_user fake:read:device' });
    expect(a.unknown).toEqual(['admin::read_user']);
    expect(a.missing).toEqual([]);
  });
});

describe('adviseScopes (capabilities shared by several scopes)', () => {
  const e = (name: string, capability: string, endpoints: string[]): ScopeCatalogEntry => ({
    provider: 'pingone', name, enables: name, capability,
    endpoints: endpoints.map((x) => ({ method: x.split(' ')[0] as string, path: x.split(' ')[1] as string })),
  });
  const cat = [
    e('fake:create:device', 'manage devices', ['POST /d']),
    e('fake:read:device', 'manage devices', ['GET /d', 'GET /d/{id}']),
    e('fake:delete:device', 'manage devices', ['DELETE /d/{id}']),
    e('fake:update:user', 'toggle mfa', ['PUT /u', 'PUT /u/mfa']),
    e('fake:update:mfa', 'toggle mfa', ['PUT /u/mfa']),
    e('fake:narrow:a', 'pick narrow', ['GET /n']),
    e('fake:wide:a', 'pick narrow', ['GET /n', 'GET /w']),
    e('fake:narrow:b', 'narrow only', ['GET /x']),
  ];

  it('needs every scope when each gates different endpoints', () => {
    expect(adviseScopes({ catalog: cat, wanted: ['manage devices'] }).minimal).toEqual([
      'fake:create:device', 'fake:read:device', 'fake:delete:device',
    ]);
  });

  it('takes one scope when its endpoints include the alternatives’', () => {
    const a = adviseScopes({ catalog: cat, wanted: ['toggle mfa'], granted: 'fake:update:user fake:update:mfa' });
    expect(a.minimal).toEqual(['fake:update:user']);
    expect(a.overPrivileged).toEqual(['fake:update:mfa']);
  });

  it('a wanted scope name adds exactly that scope next to capabilities', () => {
    expect(adviseScopes({ catalog: cat, wanted: ['narrow only', 'fake:update:mfa'] }).minimal).toEqual([
      'fake:update:mfa', 'fake:narrow:b',
    ]);
  });

  it('covers with the wider scope when it alone covers the capability', () => {
    expect(adviseScopes({ catalog: cat, wanted: ['pick narrow'] }).minimal).toEqual(['fake:wide:a']);
  });
});

describe('adviseScopes (the real PingOne catalog, names read from it)', () => {
  const capabilityOf = (cap: string) => PINGONE_SCOPE_CATALOG.filter((e) => e.capability === cap).map((e) => e.name);

  it('device management needs all the device scopes, each with the client_credentials caveat', () => {
    const a = adviseScopes({ catalog: PINGONE_SCOPE_CATALOG, wanted: ['manage devices'] });
    expect(a.minimal).toEqual(capabilityOf('manage devices'));
    expect(a.minimal.length).toBeGreaterThanOrEqual(4);
    expect(a.notes.map((n) => n.scope)).toEqual(a.minimal);
    expect(a.notes.every((n) => /client_credentials/.test(n.note))).toBe(true);
  });

  it('the worker scope set is exactly minimal for reading users, toggling MFA and managing devices', () => {
    const a = adviseScopes({
      catalog: PINGONE_SCOPE_CATALOG,
      wanted: ['read users', 'toggle mfaEnabled', 'manage devices'],
      granted: [...PINGONE_WORKER_SCOPES],
    });
    expect([...a.minimal].sort()).toEqual([...PINGONE_WORKER_SCOPES].sort());
    expect(a.missing).toEqual([]);
    expect(a.overPrivileged).toEqual([]);
  });
});
