// React.lazy for a chunk the idle prefetch may already have brought: once `preload()` has resolved, the component
// renders in the same pass as its parent (no Suspense fallback for a frame, no second render, no chunk-loading
// bookkeeping inside the render that needs it). Before that, it suspends as React.lazy always does.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PreloadableLazy<P extends object> {
  /** Render this where React.lazy's component would go (inside a Suspense boundary). */
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Loads and evaluates the chunk (once; again after a failure). Resolves when the component is ready to render. */
  preload(): Promise<void>;
}

/**
 * A thenable whose `then` calls back at once. React.lazy's initializer calls `then` on what the factory returns and
 * reads the module if the callback has already run by then (react/cjs/react.production.js, `lazyInitializer`), so a
 * loaded module is used without suspending. Only `then` is ever called on it.
 * @see https://react.dev/reference/react/lazy
 */
function settledThenable<T>(value: T): Promise<T> {
  const thenable = {
    then(onFulfilled: (v: T) => unknown) {
      onFulfilled(value);
      return thenable;
    },
  };
  return thenable as unknown as Promise<T>;
}

/** `load` is typically `() => import('./Chunk')`; `pick` takes the component out of the module. */
export function preloadableLazy<M, P extends object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>): PreloadableLazy<P> {
  let ready: { default: ComponentType<P> } | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const loadOnce = () =>
    (loading ??= load().then(
      (module) => (ready = { default: pick(module) }),
      (error: unknown) => {
        loading = undefined; // the next render or prefetch tries again
        throw error;
      },
    ));
  const Component = lazy(() => (ready ? settledThenable(ready) : loadOnce()));
  return { Component, preload: () => loadOnce().then(() => undefined) };
}
