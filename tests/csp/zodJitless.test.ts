// The production CSP has no 'unsafe-eval': building and using the app's schemas must never construct a Function.
import { afterEach, expect, it } from 'vitest';

const original = globalThis.Function;
afterEach(() => {
  globalThis.Function = original;
});

function recordFunctionConstruction(): unknown[][] {
  const calls: unknown[][] = [];
  globalThis.Function = new Proxy(original, {
    construct(target, args: unknown[]) {
      calls.push(args);
      return Reflect.construct(target, args) as object;
    },
  });
  return calls;
}

it('loads and runs the config, storage and token-response schemas without probing eval', async () => {
  const calls = recordFunctionConstruction();
  const { settingsSchema } = await import('../../src/services/config/schema');
  const { parseTokenResponse } = await import('../../src/utils/oauth/response');
  settingsSchema().safeParse({});
  parseTokenResponse({ access_token: 'a', token_type: 'Bearer', expires_in: 60 });
  expect(calls).toEqual([]);
});
