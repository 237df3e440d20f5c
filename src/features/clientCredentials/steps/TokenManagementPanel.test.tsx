// The introspect/revoke panel: active shown first, hostile claims as text, a missing endpoint said, revoked disables.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ManagementRun } from '../model/session/sessionState';
import { TokenManagementPanel, type TokenManagementControls } from './TokenManagementPanel';

const ENDPOINTS = { introspection: 'https://as.example.com/as/introspect', revocation: 'https://as.example.com/as/revoke' };

function state(over: { run?: ManagementRun; revoked?: string[] } = {}): TokenManagementControls {
  return {
    state: { run: over.run ?? null, revoked: new Set(over.revoked ?? []) },
    introspect: vi.fn(async () => undefined),
    revoke: vi.fn(async () => undefined),
  };
}

describe('TokenManagementPanel', () => {
  it('introspects and revokes the token on screen', async () => {
    const management = state();
    render(<TokenManagementPanel token="tok" endpoints={ENDPOINTS} management={management} />);
    await userEvent.click(screen.getByRole('button', { name: 'Introspect token' }));
    await userEvent.click(screen.getByRole('button', { name: 'Revoke token' }));
    expect(management.introspect).toHaveBeenCalledWith('tok');
    expect(management.revoke).toHaveBeenCalledWith('tok');
  });

  it('shows active first and the claims as text, never as HTML', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const management = state({ run: { kind: 'introspect', token: 'tok', status: 'success', attempts: [], result: { active: true, claims: { client_id: hostile } } } });
    const { container } = render(<TokenManagementPanel token="tok" endpoints={ENDPOINTS} management={management} />);
    const region = within(screen.getByRole('region', { name: 'Introspection result' }));
    expect(region.getByText('active: true')).toBeInTheDocument();
    expect(region.getByText(/onerror=alert/)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('explains active: false for a JWT (servers that do not store JWTs call them inactive)', () => {
    const management = state({ run: { kind: 'introspect', token: 'a.b.c', status: 'success', attempts: [], result: { active: false, claims: {} } } });
    render(<TokenManagementPanel token="a.b.c" endpoints={ENDPOINTS} management={management} />);
    expect(within(screen.getByRole('region', { name: 'Introspection result' })).getByText(/This token is a JWT/)).toBeInTheDocument();
  });

  it('hides a run about another token, says a missing endpoint, and disables revoke after revocation', () => {
    const management = state({
      run: { kind: 'introspect', token: 'old', status: 'success', attempts: [], result: { active: true, claims: {} } },
      revoked: ['tok'],
    });
    render(<TokenManagementPanel token="tok" endpoints={{ introspection: undefined, revocation: ENDPOINTS.revocation }} management={management} />);
    expect(screen.queryByRole('region', { name: 'Introspection result' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Introspect token' })).toBeDisabled();
    expect(screen.getByText(/does not advertise an introspection endpoint/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Revoke token' })).toBeDisabled();
  });

  it('a disabled button says why, in the words the session gives, linked to the button', () => {
    const why = 'No introspection endpoint is known yet: run discovery from the issuer, or type the introspection endpoint.';
    render(<TokenManagementPanel token="tok" endpoints={{ introspection: undefined, revocation: ENDPOINTS.revocation }} unavailable={{ introspection: why }} management={state()} />);
    const button = screen.getByRole('button', { name: 'Introspect token' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(why);
  });

  it('a refused introspection offers the suggested audience; one click retries the introspection with it', async () => {
    const retryWithAudience = vi.fn(async () => undefined);
    const management = {
      ...state({ run: { kind: 'introspect', token: 'tok', status: 'error', attempts: [], error: { code: 'OAUTH_ERROR', message: 'invalid_client', status: 401, error: 'invalid_client' } } }),
      audienceSuggestion: { mode: 'endpoint' as const, label: 'Try the endpoint called as audience', reason: 'Refused.' },
      retryWithAudience,
    };
    render(<TokenManagementPanel token="tok" endpoints={ENDPOINTS} management={management} />);
    await userEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: /audience/ }));
    expect(retryWithAudience).toHaveBeenCalledWith('endpoint', 'introspection');
  });
});
