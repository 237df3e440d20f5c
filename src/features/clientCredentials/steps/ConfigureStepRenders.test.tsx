// What renders step 1 again: counted with React's Profiler around the provider section's token endpoint field (it
// commits only when the memoized provider section renders), never with timings; and step 1's view identity.
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { http, HttpResponse } from 'msw';
import { Profiler, type ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithStores, sandboxInfoFixture, SANDBOX, TOKEN_ENDPOINT, setupFlowTestServer } from '../../../../tests/support/clientCredentialsFlow';
import { ClientCredentialsFlow } from '../../../pages/flows/ClientCredentialsFlow';
import { createAuthStores } from '../../../contexts/authStores';
import { resolveConfig } from '../../../services/config/resolve';
import { createDefaultSettings } from '../../../services/config/settings';
import { createMemoryStorage } from '../../../utils/storage';
import { createFlowPersistence } from '../model/flowPersistence';
import { createFlowSession } from '../model/flowSession';
import { fieldId } from '../model/flowFormFields';
import { useConfigureView } from './configureView';

const commits = vi.hoisted(() => ({ provider: 0 }));

vi.mock('./EndpointFields', async (importOriginal) => {
  const real = await importOriginal<typeof import('./EndpointFields')>();
  return {
    ...real,
    TokenEndpointField: (props: ComponentProps<typeof real.TokenEndpointField>) => (
      <Profiler id="provider" onRender={() => (commits.provider += 1)}>
        <real.TokenEndpointField {...props} />
      </Profiler>
    ),
  };
});

const server = setupFlowTestServer();

describe('Configure step renders', () => {
  it('typing the secret does not render the provider section; a demo client (its slice) does', async () => {
    server.use(http.get(`${SANDBOX}/sandbox/info`, () => HttpResponse.json(sandboxInfoFixture())));
    renderWithStores(<ClientCredentialsFlow />);
    await waitFor(() => expect(screen.getByLabelText('Token endpoint', { exact: true })).toHaveValue(TOKEN_ENDPOINT));
    const secret = screen.getByLabelText('Client secret', { exact: true });
    // Let the start-up settle: the keys, the mirror, and the preview described in its idle period.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));

    const provider = commits.provider;
    const user = userEvent.setup();
    await user.type(secret, 'x');
    expect(secret).toHaveValue(`${sandboxInfoFixture().clients[0]!.client_secret}x`);
    expect(commits.provider).toBe(provider);

    // A change the provider section shows does render it.
    await user.selectOptions(screen.getByLabelText('Demo client', { exact: true }), 'sandbox-post');
    expect(commits.provider).toBeGreaterThan(provider);
  });

  it('the form commits in three parts: the provider and the client; the transport and scopes; the parameters, advanced fields and checks', async () => {
    server.use(http.get(`${SANDBOX}/sandbox/info`, () => HttpResponse.json(sandboxInfoFixture())));
    const seen: Array<{ clientId: boolean; scopes: boolean; share: boolean }> = [];
    renderWithStores(
      <Profiler
        id="page"
        onRender={() => seen.push({
          clientId: document.getElementById(fieldId('clientId')) !== null,
          scopes: document.querySelector('.scope-chips') !== null,
          share: document.querySelector('.cc-share') !== null,
        })}
      >
        <ClientCredentialsFlow />
      </Profiler>,
    );
    await waitFor(() => expect(document.querySelector('.cc-share')).not.toBeNull());
    const firstWithForm = seen.findIndex((commit) => commit.clientId);
    expect(seen[firstWithForm]).toEqual({ clientId: true, scopes: false, share: false });
    const firstWithScopes = seen.findIndex((commit) => commit.scopes);
    expect(firstWithScopes).toBeGreaterThan(firstWithForm);
    expect(seen[firstWithScopes]).toEqual({ clientId: true, scopes: true, share: false });
    expect(seen.findIndex((commit) => commit.share)).toBeGreaterThan(firstWithScopes);
  });

  it('step 1’s view stays the same object when only steps 2–4’s state changes (the preview, the run)', () => {
    const session = createFlowSession({
      stores: createAuthStores({ indexedDB: new IDBFactory(), sessionStorage: createMemoryStorage(), localStorage: createMemoryStorage() }),
      config: resolveConfig({ defaults: createDefaultSettings({ clientCredentialsEnabled: true }), typed: { provider: { preset: 'custom' } } }),
      persistence: createFlowPersistence(() => createMemoryStorage()),
    });
    const idle = { status: 'idle' } as const;
    const { result, rerender } = renderHook(({ state }) => useConfigureView(session, state, undefined, idle), { initialProps: { state: session.getSnapshot() } });
    const first = result.current;
    const state = session.getSnapshot();
    rerender({ state: { ...state, preview: { ...state.preview, nonce: 1 }, run: { ...state.run, status: 'running' } } });
    expect(result.current).toBe(first);
    rerender({ state: { ...state, secret: 'typed' } });
    expect(result.current).not.toBe(first);
    expect(result.current.secret).toBe('typed');
  });
});
