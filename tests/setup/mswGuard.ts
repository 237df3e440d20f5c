// msw's `onUnhandledRequest: 'error'` makes an unhandled call reject, which app code may catch and render as an
// error state — the test can still pass. This guard turns every such report into a failure of the test itself.
import { afterEach } from 'vitest';

const UNHANDLED = '[MSW] Error: intercepted a request without a matching request handler';
const seen: string[] = [];
const originalError = console.error.bind(console);

console.error = (...args: unknown[]) => {
  const first = String(args[0] ?? '');
  if (first.includes(UNHANDLED)) seen.push(first.split('\n').find((line) => /\b(GET|POST|PUT|DELETE|PATCH)\b/.test(line))?.trim() ?? first);
  originalError(...args);
};

afterEach(() => {
  if (seen.length === 0) return;
  const requests = seen.splice(0);
  throw new Error(`msw saw request(s) no handler answered: ${requests.join('; ')}`);
});
