// Node-side test setup: nothing global is patched but the msw guard; tests inject fetch/clock/storage.
import './mswGuard';
