// Entry point: start resolving the configuration, and render the app without waiting for it.

import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { afterFirstPaint } from './afterFirstPaint';
import { App } from './App';
import { configStore } from './services/config/configStore';
import './styles/index.css';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  // A transition, so React renders the shell in slices and lets the browser run between them
  // (https://react.dev/reference/react/startTransition): a plain first render is one task from the router's creation
  // to the commit (21–33 ms on the slower of this project's machines, ~130 ms under Lighthouse's 4× mobile CPU),
  // which was most of both pages' Total Blocking Time. Same first paint (bench/lighthouse.bench.ts).
  startTransition(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}

// Module level, not an effect: runs once per page load, so Strict Mode's double render cannot fetch twice. It
// starts after the first contentful paint (once the render above has committed), so settings.json and the resolver's
// chunk do not compete with the shell's own files; the shell shows the defaults meanwhile, and what depends on the
// resolved configuration (the flow route) waits for status `ready`.
void afterFirstPaint().then(() => configStore.load());
