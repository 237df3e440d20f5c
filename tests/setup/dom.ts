import './mswGuard';
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy*/waitFor wait for real UI state; the default 1 s is too tight when the machine is busy.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});
