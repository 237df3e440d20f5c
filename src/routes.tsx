// The route table: home, the Client Credentials flow behind its feature flag, and a 404, under one layout.
// The first paint needs only the shell: the flow, the token-aware status bar and the configuration's validation
// load after it, each in its own chunk.

import { Suspense, lazy, useDeferredValue, useEffect } from 'react';
import { afterFirstPaint } from './afterFirstPaint';
import type { RouteObject } from 'react-router-dom';
import { APP_VERSION, AppLayout } from './components/AppLayout';
import { LogDrawer } from './components/LogDrawer';
import { RouteErrorBoundary } from './components/RouteErrorBoundary';
import { NoToken, StatusBarFrame } from './components/StatusBarFrame';
import { useConfig, useConfigStore } from './hooks/useConfig';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { FlowLoading } from './pages/flows/ClientCredentialsTitle';

export const CLIENT_CREDENTIALS_PATH = '/flows/client-credentials';

let flowModule: Promise<typeof import('./pages/flows/ClientCredentialsFlow')> | undefined;
/**
 * One import of the flow chunk (jose, qrcode, the stepper pages), started as soon as someone heads for it; once
 * loaded, the page prepares what its first render would otherwise do in the same task (prepareFlowPage).
 */
const loadFlowModule = () =>
  (flowModule ??= import('./pages/flows/ClientCredentialsFlow').then((module) => {
    module.prepareFlowPage();
    return module;
  }));
const ClientCredentialsFlow = lazy(() => loadFlowModule().then((module) => ({ default: module.ClientCredentialsFlow })));
const FlowDisabledPage = lazy(() => import('./pages/FlowDisabledPage').then((module) => ({ default: module.FlowDisabledPage })));
const ProviderStatusBar = lazy(() =>
  afterFirstPaint()
    .then(() => import('./pages/ProviderStatusBar'))
    .then((module) => ({ default: module.ProviderStatusBar })),
);

/** The flow page's frame and title while its chunk loads: the title is the page's largest paint (LCP). */
const flowLoading = <FlowLoading />;

/** Shows the flow when `oauth.clientCredentials.enabled`, otherwise a page saying it is disabled. */
export function ClientCredentialsRoute() {
  const { config, sources, status } = useConfig();
  const store = useConfigStore();
  // While the flag is not known yet, fetch the flow's chunk (after the first paint; a cached promise).
  useEffect(() => void afterFirstPaint().then(loadFlowModule), []);
  // The configuration store's `ready` comes as a synchronous update (useSyncExternalStore), and the whole flow would
  // mount in it as one long task; deferred, the flow's first render is a transition that React renders in slices.
  const ready = useDeferredValue(status === 'ready');
  if (!ready) return flowLoading;
  return (
    <Suspense fallback={flowLoading}>
      {config.oauth.clientCredentials.enabled ? (
        <ClientCredentialsFlow />
      ) : (
        <FlowDisabledPage
          flowName="Client Credentials"
          flagPath="oauth.clientCredentials.enabled"
          envVariable="VITE_CC_ENABLED"
          flagSource={sources['oauth.clientCredentials.enabled']}
          onEnableHere={() => store.updateLocal({ oauth: { clientCredentials: { enabled: true } } })}
        />
      )}
    </Suspense>
  );
}

/** Until the token-aware bar has loaded: the same landmark, same items, no token, nothing known yet. */
const statusBarLoading = <StatusBarFrame provider="—" version={APP_VERSION} token={<NoToken />} />;

/**
 * The app frame with the token-aware status bar and the log drawer. The bar's chunk (the token core and the provider
 * table) is requested after the first paint (ProviderStatusBar above), so it does not compete with the shell's files.
 */
function RootLayout() {
  return (
    <AppLayout
      statusBar={
        <Suspense fallback={statusBarLoading}>
          <ProviderStatusBar />
        </Suspense>
      }
      drawer={<LogDrawer />}
    />
  );
}

/** A fresh route table (the browser router in App, memory routers in tests). */
export function createAppRoutes(): RouteObject[] {
  return [
    {
      path: '/',
      element: <RootLayout />,
      // If the layout itself fails there is no frame left to keep; the boundary below keeps it otherwise.
      errorElement: <RouteErrorBoundary />,
      children: [
        {
          errorElement: <RouteErrorBoundary />,
          children: [
            { index: true, element: <HomePage /> },
            { path: CLIENT_CREDENTIALS_PATH.slice(1), element: <ClientCredentialsRoute /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}
