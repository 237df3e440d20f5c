// Step 4 picks the console by provider, and points back to step 3 when there is no token.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupMswServer } from '../../../../tests/support/msw';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { MICROAUTHD_SCOPE_CATALOG } from '../../../config/microauthd';
import { PINGONE_WORKER_SCOPES } from '../../../config/pingone';
import { fakeAccessToken } from '../../../../tests/support/pingoneTestSupport';
import type { TokenRecord } from '../../../types/token';
import { DEFAULT_FLOW_FORM } from '../model/flowFormSchema';
import type { FlowForm } from '../model/flowTypes';
import { UseTokenStep, grantedScopeOf } from './UseTokenStep';

const ENV = '3f2b0c1e-6c0d-4e4b-9a57-1c2d3e4f5a6b';
const USER = '11111111-2222-4333-8444-555555555555';
const server = setupMswServer();

const record = (scope?: string, claims: Record<string, unknown> = {}): TokenRecord => ({
  accessToken: fakeAccessToken(claims),
  tokenType: 'bearer',
  ...(scope !== undefined ? { scope } : {}),
  obtainedAt: 1,
  expAt: 3_600_001,
});
const form = (over: Partial<FlowForm>): FlowForm => ({ ...DEFAULT_FLOW_FORM, environmentId: ENV, ...over });
const getWorkerToken = vi.fn(async () => ({ accessToken: fakeAccessToken({ scope: PINGONE_WORKER_SCOPES.join(' ') }) }));

describe('grantedScopeOf', () => {
  it('prefers the response scope, else reads the JWT claim, else is unknown', () => {
    expect(grantedScopeOf(record('a b', { scope: 'c' }))).toBe('a b');
    expect(grantedScopeOf(record(undefined, { scope: 'c' }))).toBe('c');
    expect(grantedScopeOf({ ...record(), accessToken: 'opaque' })).toBeUndefined();
  });
});

describe('UseTokenStep', () => {
  it('points back to step 3 without a token', () => {
    render(<UseTokenStep form={form({ provider: 'sandbox' })} token={undefined} getWorkerToken={getWorkerToken} />);
    expect(screen.getByText('No token yet')).toBeInTheDocument();
    expect(screen.getByText(/step 3/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'List devices' })).not.toBeInTheDocument();
  });

  it('PingOne: the MFA console on the region’s API host, with the worker token, and the advisor', async () => {
    const seen: string[] = [];
    server.use(
      http.get('https://api.pingone.eu/v1/environments/:env/users/:user/devices', ({ request }) => {
        seen.push(`${request.url} ${request.headers.get('authorization')?.split(' ')[0]}`);
        return HttpResponse.json({ _embedded: { devices: [] } });
      }),
    );
    const user = userEvent.setup();
    render(
      <UseTokenStep
        form={form({ provider: 'pingone', region: 'EU', scopes: [...PINGONE_WORKER_SCOPES] })}
        token={record(PINGONE_WORKER_SCOPES.join(' '))}
        getWorkerToken={getWorkerToken}
        sandboxUsers={[{ id: USER, username: 'jane' }]}
      />,
    );
    // Folded so the call's result is what a demo sees first; one click opens it.
    expect(screen.queryByRole('heading', { name: /least-privilege scope advisor/i })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Which scopes does this worker really need\?/ }));
    expect(screen.getByRole('heading', { name: /least-privilege scope advisor/i })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'List devices' }));
    expect(await screen.findByRole('list', { name: 'MFA devices' })).toBeInTheDocument();
    expect(seen).toEqual([`https://api.pingone.eu/v1/environments/${ENV}/users/${USER}/devices Bearer`]);
  });

  it('sandbox without a known API base asks to load the sandbox first', () => {
    render(<UseTokenStep form={form({ provider: 'sandbox' })} token={record()} getWorkerToken={getWorkerToken} />);
    expect(screen.getByText(/Load the local sandbox in step 1/)).toBeInTheDocument();
  });

  it('microauthd: the user console and the scope catalog matched against the token', async () => {
    const list = MICROAUTHD_SCOPE_CATALOG.find((e) => e.capability === 'users.list');
    render(
      <UseTokenStep
        form={form({ provider: 'microauthd', issuer: 'http://localhost:4500/microauthd' })}
        token={record(undefined, { scope: list?.id })}
        getWorkerToken={getWorkerToken}
      />,
    );
    expect(screen.getByRole('button', { name: 'List users' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Scopes: what your token carries/ }));
    expect(screen.getByRole('rowheader', { name: list?.name }).closest('tr')).toHaveTextContent('granted (as UUID)');
  });

  it('custom: an editable call prefilled with an http(s) audience', () => {
    render(
      <UseTokenStep form={form({ provider: 'custom', audience: 'https://api.example.com/orders' })} token={record()} getWorkerToken={getWorkerToken} />,
    );
    expect(screen.getByLabelText('URL')).toHaveValue('https://api.example.com/orders');
    expect(screen.getByRole('button', { name: 'Send request' })).toBeInTheDocument();
  });
});
