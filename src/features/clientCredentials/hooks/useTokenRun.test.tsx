// Get token: the token record comes from the core, and success and failure are both recorded by the auth stores.
import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { setupTestEffects } from '../../../../tests/support/effects';
import { setupMswServer } from '../../../../tests/support/msw';
import { VirtualClock } from '../../../../tests/support/virtualClock';
import { noopLogger } from '../../../utils/logger';
import { DEFAULT_FLOW_FORM } from '../model/flowFormSchema';
import type { FlowForm } from '../model/flowTypes';
import { useTokenRun, type TokenRunDeps } from './useTokenRun';

const ENDPOINT = 'https://as.example.com/env/as/token';
const T0 = Date.UTC(2030, 0, 1, 12);
const form: FlowForm = {
  ...DEFAULT_FLOW_FORM, provider: 'custom', tokenEndpoint: ENDPOINT, clientId: 'client-1', authMethod: 'client_secret_post', scopes: ['read'],
};
const server = setupMswServer();
const fx = setupTestEffects(() => ({ clock: new VirtualClock(T0), logger: noopLogger }));

function fakeAuth() {
  return { saveToken: vi.fn(async () => undefined), setTokenSource: vi.fn(), recordFailure: vi.fn() } satisfies TokenRunDeps['auth'];
}

describe('useTokenRun', () => {
  it('saves the core token record (absolute expiry) and records no failure', async () => {
    server.use(http.post(ENDPOINT, () => HttpResponse.json({ access_token: 'at-1', token_type: 'Bearer', expires_in: 300, scope: 'read' })));
    const auth = fakeAuth();
    const { result } = renderHook(() => useTokenRun({ auth }));
    const run = await act(() => result.current.getToken(form, { secret: 's3cret' }));
    expect(run.status).toBe('success');
    expect(run.record).toEqual({ accessToken: 'at-1', tokenType: 'bearer', scope: 'read', expiresIn: 300, obtainedAt: T0, expAt: T0 + 300_000 });
    expect(auth.saveToken).toHaveBeenCalledWith(run.record, expect.objectContaining({ clientId: 'client-1', scope: ['read'], authMethod: 'client_secret_post' }));
    expect(auth.recordFailure).not.toHaveBeenCalled();
  });

  it('records a failure through the auth stores with the OAuth error, and shows typed fields', async () => {
    server.use(http.post(ENDPOINT, () => HttpResponse.json({ error: 'invalid_client', error_description: 'bad secret' }, { status: 401 })));
    const auth = fakeAuth();
    const { result } = renderHook(() => useTokenRun({ auth }));
    const run = await act(() => result.current.getToken(form, { secret: 'wrong' }));
    expect(run.status).toBe('error');
    expect(run.error).toMatchObject({ code: 'OAUTH_ERROR', status: 401, error: 'invalid_client', error_description: 'bad secret' });
    expect(auth.recordFailure).toHaveBeenCalledWith(expect.objectContaining({ clientId: 'client-1', scope: ['read'] }), 'invalid_client');
    expect(auth.saveToken).not.toHaveBeenCalled();
  });

  it('shows the Request step what the last attempt sent once the run settles, not while it is in flight', async () => {
    let calls = 0;
    server.use(
      http.post(ENDPOINT, () => {
        calls += 1;
        return calls === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ access_token: 'at-2', token_type: 'Bearer', expires_in: 300 });
      }),
    );
    const auth = fakeAuth();
    const onDescribed = vi.fn();
    const { result } = renderHook(() => useTokenRun({ auth, onDescribed }));
    const run = await act(() => fx.clock.run(result.current.getToken(form, { secret: 's3cret' })));
    expect(run.attempts.map((a) => a.outcome)).toEqual(['retry', 'success']);
    expect(onDescribed).toHaveBeenCalledTimes(1);
    expect(onDescribed).toHaveBeenCalledWith(expect.objectContaining({ url: ENDPOINT, body: expect.stringContaining('client_secret=s3cret') }));
    expect(result.current.run.status).toBe('success');
  });

  it('names the form field when the input is at fault', async () => {
    const auth = fakeAuth();
    const { result } = renderHook(() => useTokenRun({ auth }));
    const run = await act(() => result.current.getToken({ ...form, tokenEndpoint: 'javascript:alert(1)' }, { secret: 's' }));
    expect(run.error).toMatchObject({ code: 'INVALID_INPUT', field: 'tokenEndpoint' });
    expect(auth.recordFailure).toHaveBeenCalledWith(expect.anything(), 'INVALID_INPUT');
  });
});
