// The error card's audience suggestion through the session: a refused assertion, one action that sets the mode and
// retries the same call (token request or introspection), typed endpoints, and the provider row's mode — on real
// core code, with servers played by msw that check the assertion's signature and `aud` as a strict server would.
import { IDBFactory } from 'fake-indexeddb';
import { importJWK, jwtVerify, type JWK } from 'jose';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupMswServer } from '../../../../../tests/support/msw';
import { createAuthStores } from '../../../../contexts/authStores';
import { resolveConfig } from '../../../../services/config/resolve';
import { createDefaultSettings } from '../../../../services/config/settings';
import { toJwks } from '../../../../utils/keys';
import { createMemoryStorage } from '../../../../utils/storage';
import { createFlowPersistence } from '../flowPersistence';
import { createFlowSession, type FlowSession } from '../flowSession';
import { audienceSuggestionOf } from './audienceActions';
import { managementUnavailableOf } from './managementActions';
import { selectedKeyOf } from './sessionContext';

const ISSUER = 'https://as.example.com';
const TOKEN_ENDPOINT = `${ISSUER}/oauth2/token`;
const TYPED_INTROSPECTION = `${ISSUER}/typed/introspect`;
const ACCESS_TOKEN = 'opaque-access-token-0123456789';

const server = setupMswServer();

function newSession(): FlowSession {
  const stores = createAuthStores({ indexedDB: new IDBFactory(), sessionStorage: createMemoryStorage(), localStorage: createMemoryStorage() });
  const config = resolveConfig({ defaults: createDefaultSettings({ clientCredentialsEnabled: true }), typed: { provider: { preset: 'custom' } } });
  const session = createFlowSession({ stores, config, persistence: createFlowPersistence(() => createMemoryStorage()) });
  session.start();
  return session;
}

/** The `aud` of a verified assertion in the request body, or undefined when the signature or identity is wrong. */
async function verifiedAud(request: Request, session: FlowSession): Promise<unknown> {
  const assertion = new URLSearchParams(await request.text()).get('client_assertion') ?? '';
  const [jwk] = toJwks([selectedKeyOf(session.getSnapshot())!]).keys as JWK[];
  const verified = await jwtVerify(assertion, await importJWK(jwk!), { issuer: 'client-1', subject: 'client-1' }).catch(() => undefined);
  return verified?.payload.aud;
}

const refuse = () => HttpResponse.json({ error: 'invalid_client', error_description: 'client authentication failed' }, { status: 401 });

async function configured(session: FlowSession) {
  session.setField('tokenEndpoint', TOKEN_ENDPOINT);
  session.setField('issuer', ISSUER);
  session.setField('clientId', 'client-1');
  session.setField('scopes', []);
  session.setAuthMethod('private_key_jwt');
  await session.generateKey('ES256');
}

describe('retryWithAudience', () => {
  it('token endpoint: the default mode is refused, the suggestion is the issuer, one call sets it and gets the token', async () => {
    const session = newSession();
    const auds: unknown[] = [];
    server.use(http.post(TOKEN_ENDPOINT, async ({ request }) => {
      const aud = await verifiedAud(request, session);
      auds.push(aud);
      return aud === ISSUER ? HttpResponse.json({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 }) : refuse();
    }));
    await configured(session);
    const before = session.getSnapshot().form;

    expect(await session.getToken()).toMatchObject({ status: 'error', assertionAudience: 'token_endpoint', error: { error: 'invalid_client' } });
    const suggestion = audienceSuggestionOf(session.getSnapshot(), 'token');
    expect(suggestion).toMatchObject({ mode: 'issuer', label: expect.stringContaining('audience') });

    await session.retryWithAudience(suggestion!.mode, 'token');

    const s = session.getSnapshot();
    expect(s.run).toMatchObject({ status: 'success', record: { accessToken: ACCESS_TOKEN } });
    expect(auds).toEqual([TOKEN_ENDPOINT, ISSUER]);
    // Kept for the next calls, with where it came from; nothing else typed changed.
    expect([s.form.assertionAudience, s.sources.assertionAudience]).toEqual(['issuer', 'error card']);
    expect({ ...s.form, assertionAudience: before.assertionAudience }).toEqual(before);
    expect(audienceSuggestionOf(s, 'token')).toBeUndefined();
  });

  it('introspection at a typed endpoint: refused with the token endpoint as aud, retried with the endpoint called', async () => {
    const session = newSession();
    const calls: Array<{ url: string; aud: unknown }> = [];
    server.use(
      http.post(TOKEN_ENDPOINT, () => HttpResponse.json({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 })),
      http.post(TYPED_INTROSPECTION, async ({ request }) => {
        const aud = await verifiedAud(request, session);
        calls.push({ url: request.url, aud });
        return aud === TYPED_INTROSPECTION ? HttpResponse.json({ active: true, client_id: 'client-1' }) : refuse();
      }),
    );
    await configured(session);
    expect(managementUnavailableOf(session.getSnapshot()).introspection).toMatch(/type the introspection endpoint/);
    session.setField('introspectionEndpoint', TYPED_INTROSPECTION);
    expect(managementUnavailableOf(session.getSnapshot())).toEqual({ revocation: expect.any(String) });
    await session.getToken();

    await session.introspect(ACCESS_TOKEN);
    expect(session.getSnapshot().management.run).toMatchObject({ kind: 'introspect', status: 'error', assertionAudience: 'token_endpoint' });
    const suggestion = audienceSuggestionOf(session.getSnapshot(), 'introspection');
    expect(suggestion?.mode).toBe('endpoint');
    expect(audienceSuggestionOf(session.getSnapshot(), 'revocation')).toBeUndefined();

    await session.retryWithAudience('endpoint', 'introspection');

    expect(session.getSnapshot().management.run).toMatchObject({ kind: 'introspect', status: 'success', result: { active: true } });
    expect(calls).toEqual([{ url: TYPED_INTROSPECTION, aud: TOKEN_ENDPOINT }, { url: TYPED_INTROSPECTION, aud: TYPED_INTROSPECTION }]);
    expect(session.getSnapshot().form.introspectionEndpoint).toBe(TYPED_INTROSPECTION);
  });
});

describe('the provider row and the mode', () => {
  it("a provider change takes the new row's mode, unless the mode was chosen", async () => {
    const session = newSession();
    await session.setProvider('auth0');
    expect(session.getSnapshot().form.assertionAudience).toBe('issuer');
    await session.setProvider('okta');
    expect(session.getSnapshot().form.assertionAudience).toBe('token_endpoint');
    session.setField('assertionAudience', 'endpoint');
    await session.setProvider('auth0');
    expect(session.getSnapshot().form.assertionAudience).toBe('endpoint');
  });
});
