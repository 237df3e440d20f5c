// Entry point: start resolving the configuration, and render the app without waiting for it.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { configStore } from './services/config/configStore';
import './styles/index.css';

// Module level, not an effect: runs once per page load, so Strict Mode's double render cannot fetch twice. The
// first paint does not wait for it: the shell shows the defaults, and what depends on the resolved configuration
// (the flow route) waits for status `ready`.
void configStore.load();

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
