// The app frame: navy header with name, version and nav, config banner, sandbox banner, content, status bar.

import { Suspense, lazy, useState, type ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { version } from '../../package.json';
import { useClientCredentialsOffered, useConfig, useConfigStore } from '../hooks/useConfig';
import { ConfigurationButton } from './ConfigurationButton';
import { APP_NAME } from './PageTitle';
import { NoToken, StatusBarFrame } from './StatusBarFrame';

// Issues exist only once the configuration has been resolved, after the first paint: the banner loads then.
const ConfigBanner = lazy(() => import('./ConfigBanner').then((module) => ({ default: module.ConfigBanner })));

/** The app version from package.json (Vite inlines only this field). */
export const APP_VERSION: string = version;

export interface AppLayoutProps {
  /** Replaces the default status bar (no provider, no token), e.g. one wired to the token cache. */
  statusBar?: ReactNode;
  /** Rendered after the footer, e.g. the log drawer. */
  drawer?: ReactNode;
}

export function AppLayout({ statusBar, drawer }: AppLayoutProps) {
  const { config, sources, issues } = useConfig();
  const store = useConfigStore();
  const [configOpen, setConfigOpen] = useState(false);
  const ccOffered = useClientCredentialsOffered();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <nav className="app-nav" aria-label="Main">
            <ul>
              <li>
                <NavLink to="/" end>
                  Home
                </NavLink>
              </li>
              {ccOffered && (
                <li>
                  <NavLink to="/flows/client-credentials">Client Credentials</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="app-header__brand">
            <span className="app-header__name">{APP_NAME}</span>
            <span className="app-header__version">Authz Flows · v{APP_VERSION}</span>
          </div>
          <div className="app-header__tools">
            <ConfigurationButton
              config={config}
              sources={sources}
              issues={issues}
              onResetLocal={() => store.resetLocal()}
              open={configOpen}
              onOpenChange={setConfigOpen}
            />
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {issues.length > 0 && (
          <Suspense fallback={null}>
            <ConfigBanner issues={issues} onShowConfiguration={() => setConfigOpen(true)} />
          </Suspense>
        )}
        <Outlet />
      </main>
      <footer className="app-footer">
        {statusBar ?? <StatusBarFrame version={APP_VERSION} token={<NoToken />} />}
      </footer>
      {drawer}
    </div>
  );
}
