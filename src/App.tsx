// The app root: the browser router over the route table, under the app's auth stores.

import { RouterProvider, createBrowserRouter } from 'react-router-dom';
import type { AuthStores } from './contexts/authStores';
import { AuthStoresRoot } from './contexts/AuthStoresRoot';
import { createAppRoutes } from './routes';

type AppRouter = ReturnType<typeof createBrowserRouter>;
let browserRouter: AppRouter | undefined;

/** Created on first render, not at import, so importing App never touches `window.history`. */
function getBrowserRouter(): AppRouter {
  browserRouter ??= createBrowserRouter(createAppRoutes());
  return browserRouter;
}

export interface AppProps {
  /** A router to use instead of the browser one (tests pass a memory router). */
  router?: AppRouter;
  /** The auth stores to use instead of the app's (tests); default: made on first use. */
  stores?: AuthStores;
}

/** The router under the app's one set of auth stores, which the status bar and the flow share. */
export function App({ router, stores }: AppProps) {
  return (
    <AuthStoresRoot stores={stores}>
      <RouterProvider router={router ?? getBrowserRouter()} />
    </AuthStoresRoot>
  );
}
