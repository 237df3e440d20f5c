// Entry point: start resolving the configuration, and render the app without waiting for it.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterFirstPaint } from './afterFirstPaint';
import { App } from './App';
import { renderInSlices } from './firstRender';
import { configStore } from './services/config/configStore';
import './styles/index.css';

const container = document.getElementById('root');
if (container) {
  renderInSlices(
    createRoot(container),
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// Module level, not an effect: runs once per page load, so Strict Mode's double render cannot fetch twice. It
// starts after the first contentful paint (once the render above has committed), so settings.json and the resolver's
// chunk do not compete with the shell's own files; the shell shows the defaults meanwhile, and what depends on the
// resolved configuration (the flow route) waits for status `ready`.
void afterFirstPaint().then(() => configStore.load());
