// useAuthStores under Suspense: the stores being made while React waits on them must not break the replayed render
// (React reads a settled promise through use(); skipping use() once settled corrupts its hook bookkeeping).
// @see https://react.dev/reference/react/use
import { render, screen, waitFor } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { startTransition, Suspense, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../utils/storage';
import { createAuthStores } from './authStores';
import { AuthStoresRoot, createAuthStoresHandle } from './AuthStoresRoot';
import { useAuthStores } from './NewAuthContext';

const stores = () => createAuthStores({ indexedDB: new IDBFactory(), sessionStorage: createMemoryStorage(), localStorage: createMemoryStorage() });

/** Reads the stores, then a hook: the shape of the status bar. */
function Reader() {
  const made = useAuthStores();
  const epoch = useSyncExternalStore(made.subscribeSession, made.sessionEpoch, made.sessionEpoch);
  return <p>epoch {epoch}</p>;
}

describe('useAuthStores', () => {
  it('a reader whose stores are made while React waits renders them without a recoverable error', async () => {
    // Outside act(), as in the browser: React waits on the pending stores and replays the suspended reader when they
    // are made (the path the status bar took on a measured page load, React error 520 with 467 as its cause).
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const wasAct = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    const recovered: unknown[] = [];
    const container = document.body.appendChild(document.createElement('div'));
    const root = createRoot(container, { onRecoverableError: (error) => recovered.push(error) });
    try {
      const handle = createAuthStoresHandle(() => Promise.resolve(stores()));
      // A transition, as the router's navigations are: React keeps waiting on the stores rather than show a fallback.
      startTransition(() =>
        root.render(
          <AuthStoresRoot handle={handle}>
            <Suspense fallback={<p>loading stores</p>}>
              <Reader />
            </Suspense>
          </AuthStoresRoot>,
        ),
      );
      await waitFor(() => expect(container).toHaveTextContent('epoch 0'));
      expect(recovered).toEqual([]);
    } finally {
      root.unmount();
      container.remove();
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = wasAct;
    }
  });

  it('stores made already are read at once, with no fallback', () => {
    const made = stores();
    const handle = createAuthStoresHandle(() => made);
    void handle.load();
    render(
      <AuthStoresRoot handle={handle}>
        <Suspense fallback={<p>loading stores</p>}>
          <Reader />
        </Suspense>
      </AuthStoresRoot>,
    );
    expect(screen.getByText('epoch 0')).toBeInTheDocument();
  });
});
