// What the profile checks are told about the session: the method, DPoP, the audience mode, the key's real size and
// the methods the described request carries — never a guess while something is not known.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createAuthStores } from '../../../contexts/authStores';
import { resolveConfig } from '../../../services/config/resolve';
import { createDefaultSettings } from '../../../services/config/settings';
import { createMemoryStorage } from '../../../utils/storage';
import { createFlowPersistence } from './flowPersistence';
import { createFlowSession, type FlowSession } from './flowSession';
import { profileChecksOf, profileInputOf } from './profileInput';
import { isPreviewPending } from './session/previewActions';

function newSession(): FlowSession {
  const stores = createAuthStores({ indexedDB: new IDBFactory(), sessionStorage: createMemoryStorage(), localStorage: createMemoryStorage() });
  const config = resolveConfig({ defaults: createDefaultSettings({ clientCredentialsEnabled: true }), typed: { provider: { preset: 'custom' } } });
  const session = createFlowSession({ stores, config, persistence: createFlowPersistence(() => createMemoryStorage()) });
  session.start();
  session.setField('tokenEndpoint', 'https://as.example.com/token');
  session.setField('issuer', 'https://as.example.com');
  session.setField('clientId', 'client-1');
  return session;
}

const statuses = (session: FlowSession, prefix: string) =>
  Object.fromEntries(profileChecksOf(session.getSnapshot()).filter((c) => c.id.startsWith(prefix)).map((c) => [c.id, c.status]));

describe('profileInputOf', () => {
  it('private_key_jwt with a generated ES256 key, DPoP and the issuer as audience: every FAPI 2.0 client line is met', async () => {
    const session = newSession();
    session.setAuthMethod('private_key_jwt');
    await session.generateKey('ES256');
    session.setDpop(true);
    session.setField('assertionAudience', 'issuer');
    await vi.waitFor(() => expect(isPreviewPending(session.getSnapshot())).toBe(false));

    expect(profileInputOf(session.getSnapshot())).toMatchObject({
      signingKey: { kty: 'EC', bits: 256 }, dpopKey: { kty: 'EC', bits: 256 }, dpopAlg: 'ES256', methodsInRequest: ['private_key_jwt'],
    });
    expect(statuses(session, 'fapi2.')).toEqual({
      'fapi2.client-auth': 'met', 'fapi2.sender-constrained': 'met', 'fapi2.assertion-aud': 'met', 'fapi2.algorithms': 'met', 'fapi2.key-size': 'met',
      // A server-side rule: FAPI 2.0 sets no lifetime for client assertions (profileChecks.ts).
      'fapi2.jwt-timestamps': 'met',
    });
  });

  it('client_secret_basic without DPoP: the FAPI method and sender-constraint lines and OAuth 2.1 secret line are not met', async () => {
    const session = newSession();
    session.setAuthMethod('client_secret_basic');
    session.changeSecret('a-secret');
    await vi.waitFor(() => expect(isPreviewPending(session.getSnapshot())).toBe(false));
    const unmet = profileChecksOf(session.getSnapshot()).filter((c) => c.status === 'not met').map((c) => c.id);
    expect(unmet).toEqual(['fapi2.client-auth', 'fapi2.sender-constrained', 'oauth21.client-secret']);
    expect(statuses(session, 'oauth21.one-method')).toEqual({ 'oauth21.one-method': 'met' });
  });

  it('the token endpoint mode is not met for FAPI 2.0 and OAuth 2.1; a key not loaded leaves key size not applicable', () => {
    const session = newSession();
    session.setAuthMethod('private_key_jwt');
    expect(profileInputOf(session.getSnapshot()).signingKey).toBeUndefined();
    expect(statuses(session, 'fapi2.key-size')).toEqual({ 'fapi2.key-size': 'not applicable' });
    expect(statuses(session, 'fapi2.assertion-aud')).toEqual({ 'fapi2.assertion-aud': 'not met' });
    expect(statuses(session, 'oauth21.assertion-aud')).toEqual({ 'oauth21.assertion-aud': 'not met' });
  });
});
