// The route table: home, the Client Credentials flow behind its feature flag, and a 404, under one layout.

import { Suspense, lazy, useSyncExternalStore } from 'react';
import type { RouteObject } from 'react-router-dom';
import { APP_VERSION, AppLayout } from './components/AppLayout';
import { configuredIdentity } from './config/providers';
import { identityInUse, providerInUse } from './features/clientCredentials/model/providerInUse';
import { useNewAuth } from './hooks/useNewAuth';
import { LogDrawer } from './components/LogDrawer';
import { TokenStatusBar } from './components/TokenStatusBar';
import { NewAuthProvider } from './contexts/NewAuthContext';
import { RouteErrorBoundary } from './components/RouteErrorBoundary';
import { Spinner } from './components/Spinner';
import { useConfig, useConfigStore } from './hooks/useConfig';
import { FlowDisabledPage } from './pages/FlowDisabledPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';

export const CLIENT_CREDENTIALS_PATH = '/flows/client-credentials';

// Its own chunk: the flow (jose, qrcode, the stepper pages) loads only when someone opens it.
const ClientCredentialsFlow = lazy(() =>
  import('./pages/flows/ClientCredentialsFlow').then((module) => ({ default: module.ClientCredentialsFlow })),
);

/** Shows the flow when `oauth.clientCredentials.enabled`, otherwise a page saying it is disabled. */
export function ClientCredentialsRoute() {
  const { config, sources } = useConfig();
  const store = useConfigStore();
  if (!config.oauth.clientCredentials.enabled) {
    return (
      <FlowDisabledPage
        flowName="Client Credentials"
        flagPath="oauth.clientCredentials.enabled"
        envVariable="VITE_CC_ENABLED"
        flagSource={sources['oauth.clientCredentials.enabled']}
        onEnableHere={() => store.updateLocal({ oauth: { clientCredentials: { enabled: true } } })}
      />
    );
  }
  return (
    <Suspense fallback={<Spinner label="Loading the flow…" />}>
      <ClientCredentialsFlow />
    </Suspense>
  );
}

/**
 * The status bar names the provider actually in use: the one the current token came from, else the one chosen in
 * the flow, else the configured one — each described by its row in the provider table.
 */
function ProviderStatusBar() {
  const { provider } = useConfig().config;
  const { currentToken } = useNewAuth();
  const inUse = useSyncExternalStore(providerInUse.subscribe, providerInUse.getSnapshot, providerInUse.getSnapshot);
  const configured = configuredIdentity(provider);
  return <TokenStatusBar identity={identityInUse(inUse, currentToken?.key, configured)} version={APP_VERSION} />;
}

/** The app frame with the token-aware status bar and the log drawer, inside the M2M token context. */
function RootLayout() {
  return (
    <NewAuthProvider>
      <AppLayout statusBar={<ProviderStatusBar />} drawer={<LogDrawer />} />
    </NewAuthProvider>
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
