// Node-side test setup: nothing global is patched here on purpose; tests inject fetch/clock/storage.
export {};
