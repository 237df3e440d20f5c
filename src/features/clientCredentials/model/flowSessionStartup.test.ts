// The session's start-up as readers see it: one notification for start(), the sandbox's info and the form filled
// from it in one, and the preview described once in an idle period (not once per start-up change) while on step 1.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createAuthStores } from '../../../contexts/authStores';
import { resolveConfig } from '../../../services/config/resolve';
import { createDefaultSettings } from '../../../services/config/settings';
import type { SandboxInfo } from '../../../services/sandboxAdmin';
import { createMemoryStorage } from '../../../utils/storage';
import { createFlowPersistence } from './flowPersistence';
import { createFlowSession } from './flowSession';
import { isPreviewPending } from './session/previewActions';

const ENV_ID = '6a1c2e4d-8b3f-4c5a-9e7d-1f2b3c4d5e6f';
const ISSUER = `https://sandbox.example.com/${ENV_ID}/as`;
const TOKEN_ENDPOINT = `${ISSUER}/token`;
const sandboxInfo = (): SandboxInfo => ({
  environmentId: ENV_ID, issuer: ISSUER, tokenEndpoint: TOKEN_ENDPOINT, discoveryUrl: `${ISSUER}/.well-known/openid-configuration`,
  jwksUri: `${ISSUER}/jwks`, apiBase: 'https://sandbox.example.com/v1', authz: 'scopes', users: [], clients: [],
});

/** A sandbox-backed session whose idle periods the test runs by hand. */
function newSession() {
  const idle: Array<() => void> = [];
  const stores = createAuthStores({ indexedDB: new IDBFactory(), sessionStorage: createMemoryStorage(), localStorage: createMemoryStorage() });
  const config = resolveConfig({ defaults: createDefaultSettings({ clientCredentialsEnabled: true }), typed: { provider: { preset: 'sandbox' } } });
  const session = createFlowSession({
    stores, config, persistence: createFlowPersistence(() => createMemoryStorage()),
    effects: { getSandboxInfo: async () => sandboxInfo() }, whenIdle: (run) => idle.push(run),
  });
  const runIdle = () => idle.splice(0).forEach((run) => run());
  return { session, idle, runIdle };
}

describe('flow session start-up', () => {
  it('start() notifies its readers once, and the sandbox info arrives together with the form filled from it', async () => {
    const { session } = newSession();
    const seen: Array<{ sandbox: string; tokenEndpoint: string }> = [];
    session.subscribe(() => seen.push({ sandbox: session.getSnapshot().sandbox.status, tokenEndpoint: session.getSnapshot().form.tokenEndpoint }));
    const stop = session.start();
    expect(seen).toHaveLength(1);
    await vi.waitFor(() => expect(session.getSnapshot().sandbox.status).toBe('ready'));
    // No render ever shows a ready sandbox beside a form it has not filled yet.
    expect(seen.filter((s) => s.sandbox === 'ready' && s.tokenEndpoint !== TOKEN_ENDPOINT)).toEqual([]);
    stop();
  });

  it('describes the preview once, in the next idle period, while step 1 is shown; at once on step 2', async () => {
    const { session, idle, runIdle } = newSession();
    const stop = session.start();
    await vi.waitFor(() => expect(session.getSnapshot().form.tokenEndpoint).toBe(TOKEN_ENDPOINT));
    await vi.waitFor(() => expect(session.getSnapshot().keys.status).toBe('ready'));
    session.setField('clientId', 'client-1');
    session.changeSecret('a-client-secret-of-thirty-two-chars-or-more!');
    // Every change so far (the start-up's and the typing) waits for the same idle period.
    expect(idle).toHaveLength(1);
    expect(session.getSnapshot().preview.for).toBeNull();
    runIdle();
    await vi.waitFor(() => expect(isPreviewPending(session.getSnapshot())).toBe(false));
    expect(session.getSnapshot().preview.description?.url).toBe(TOKEN_ENDPOINT);

    session.setActiveIndex(1);
    session.setField('scopes', ['p1:read:user']);
    expect(idle).toHaveLength(0);
    await vi.waitFor(() => expect(isPreviewPending(session.getSnapshot())).toBe(false));
    expect(new URLSearchParams(session.getSnapshot().preview.description?.body).get('scope')).toBe('p1:read:user');
    stop();
  });
});
