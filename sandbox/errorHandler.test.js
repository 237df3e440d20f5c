// The sandbox's final error handler: JSON without a stack or a file path, whatever NODE_ENV says.
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';

import { createFinalErrorHandler } from './errorHandler.js';

const servers = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve)))));

/** A bare express app whose routes throw, finished by the sandbox's handler. */
async function appThatThrows(logged) {
  const app = express();
  app.get('/boom', () => {
    throw new Error(`failed in ${import.meta.url}`);
  });
  app.get('/v1/boom', () => {
    throw new Error('failed');
  });
  app.get('/bad/:id', (_req, res) => res.json({}));
  app.use(createFinalErrorHandler({ error: (m) => logged.push(m) }));
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}

describe.each(['development', 'production', 'test'])('createFinalErrorHandler with NODE_ENV=%s', (env) => {
  it('answers a thrown error 500 JSON, no stack or path in the body, the stack on the console', async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = env;
    try {
      const logged = [];
      const base = await appThatThrows(logged);
      const res = await fetch(`${base}/boom`);
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(JSON.parse(text)).toEqual({ error: 'server_error', message: 'unexpected sandbox error' });
      expect(text).not.toMatch(/\bat |file:|\/work\/|node_modules/);
      expect(logged.join('\n')).toMatch(/failed in/);

      const pingone = await fetch(`${base}/v1/boom`);
      expect(await pingone.json()).toMatchObject({ code: 'UNEXPECTED_ERROR' });

      // Express's router throws a 400 for a parameter that is not valid percent-encoding.
      const bad = await fetch(`${base}/bad/%E0%A4%A`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ error: 'invalid_request', message: 'Bad Request' });
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
});
