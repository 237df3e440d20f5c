// The app root: the browser router over the route table.

import { RouterProvider, createBrowserRouter } from 'react-router-dom';
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
}

export function App({ router }: AppProps) {
  return <RouterProvider router={router ?? getBrowserRouter()} />;
}
