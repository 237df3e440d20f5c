// Entry point: resolve the configuration once, then render the app.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { configStore } from './services/config/configStore';
import './styles/index.css';

// Module level, not an effect: runs once per page load, so Strict Mode's double render cannot fetch twice.
const configReady = configStore.load();

const container = document.getElementById('root');
if (container) {
  void configReady.then(() => {
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
