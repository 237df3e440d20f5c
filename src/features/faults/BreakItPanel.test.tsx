// The Break-it panel: each preset posts its fault, the active list follows the sandbox, Clear faults deletes.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setupTestEffects } from '../../../tests/support/effects';
import { provideEffects } from '../../utils/effects';
import { BreakItPanel, FAULT_PRESETS } from './BreakItPanel';

setupTestEffects(() => ({}));

const SANDBOX = 'http://localhost:4500';

/** A tiny in-memory /sandbox/faults, recording every call. */
function fakeSandbox() {
  let faults: Array<Record<string, unknown>> = [];
  const calls: Array<{ method: string; url: string; body?: unknown }> = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const url = String(input);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    calls.push({ method, url, body });
    if (method === 'POST' && body) {
      const fault = { id: String(calls.length), ...body, remaining: body.count };
      faults.push(fault);
      return Response.json(fault, { status: 201 });
    }
    if (method === 'DELETE') {
      faults = [];
      return new Response(null, { status: 204 });
    }
    return Response.json(faults);
  }) as typeof globalThis.fetch;
  provideEffects({ fetch });
  return { fetch, calls };
}

describe('BreakItPanel', () => {
  it('shows the hint and no active faults at first', async () => {
    fakeSandbox();
    render(<BreakItPanel sandboxUrl={SANDBOX} />);
    expect(await screen.findByText(/None: the token endpoint behaves normally/)).toBeInTheDocument();
    expect(document.body.textContent).toMatch(/press Get token and watch the attempts\s+timeline/);
  });

  it.each([
    ['503 twice', { target: 'token', count: 2, status: 503 }],
    ['429 with Retry-After', { target: 'token', count: 1, status: 429, retryAfter: 2 }],
    ['Slow response', { target: 'token', count: 1, delayMs: 3000 }],
    ['Dropped connection', { target: 'token', count: 1, drop: true }],
    ['Invalid JSON', { target: 'token', count: 1, status: 200, body: '{bad json' }],
    ['HTML error page', { target: 'token', count: 1, status: 200, body: expect.stringMatching(/^<!doctype html>/) }],
  ])('%s posts its fault to the sandbox', async (label, fault) => {
    const user = userEvent.setup();
    const { calls } = fakeSandbox();
    render(<BreakItPanel sandboxUrl={SANDBOX} />);
    await user.click(screen.getByRole('button', { name: label }));
    expect(calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', url: `${SANDBOX}/sandbox/faults`, body: fault });
    const active = await screen.findByRole('list', { name: 'Active faults' });
    expect(within(active).getAllByRole('listitem')).toHaveLength(1);
    expect(active).toHaveTextContent(/^token: /);
  });

  it('lists what is armed and clears it', async () => {
    const user = userEvent.setup();
    const { calls } = fakeSandbox();
    render(<BreakItPanel sandboxUrl={SANDBOX} />);
    await user.click(screen.getByRole('button', { name: '503 twice' }));
    expect(await screen.findByRole('list', { name: 'Active faults' })).toHaveTextContent('HTTP 503 — 2 requests left');
    await user.click(screen.getByRole('button', { name: 'Clear faults' }));
    expect(calls.some((c) => c.method === 'DELETE' && c.url === `${SANDBOX}/sandbox/faults`)).toBe(true);
    expect(await screen.findByText(/None: the token endpoint behaves normally/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Faults cleared.');
  });

  it('says how to start the sandbox when it cannot be reached', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    provideEffects({ fetch });
    render(<BreakItPanel sandboxUrl={SANDBOX} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('npm run sandbox');
  });

  it('offers exactly the six demo faults', () => {
    expect(FAULT_PRESETS.map((p) => p.label)).toEqual([
      '503 twice', '429 with Retry-After', 'Slow response', 'Dropped connection', 'Invalid JSON', 'HTML error page',
    ]);
  });
});
